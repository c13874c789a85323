// Flat ESLint config. The process boundary is a lint rule: `electron` only in src/main/electron/
// and the Electron entry; `node:*` and Node built-ins never in src/shared or src/renderer.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { builtinModules } from 'node:module'

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'))

const electronOutsideShell = {
  name: 'electron',
  message: 'Only src/main/electron/ and src/main/index.ts may import electron.',
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'drizzle/**', '.electron-native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { paths: [electronOutsideShell] }],
    },
  },
  {
    files: ['src/main/electron/**', 'src/main/index.ts', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/shared/**', 'src/renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronOutsideShell,
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'src/shared and src/renderer run in the renderer too: no Node built-ins.',
            })),
          ],
          patterns: [
            { group: ['node:*'], message: 'src/shared and src/renderer: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
)
