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

// Layers inside src/main, lowest first: db/ and secrets/ (storage), services/ (the domain),
// checks/ (network work over the services), ipc/ and electron/ (transports), context.ts (the
// composition root). A layer imports only from below it; src/shared sits under all of them.
const layer = (name, groups) =>
  groups.map((group) => ({
    // src/shared has names of its own (contracts/checks.ts) that are no layer of main.
    group: [`**/${group}`, `**/${group}/**`, '!**/shared/**'],
    message: `${name} may not import ${group}, a layer above it: pass in what it needs (src/main/README.md).`,
  }))
const aboveServices = ['context', 'checks', 'ipc', 'electron']
const serviceLayers = layer('src/main/services', aboveServices)
const storageLayers = layer('src/main/db and src/main/secrets', ['services', ...aboveServices])

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
    files: ['src/main/services/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronOutsideShell], patterns: serviceLayers },
      ],
    },
  },
  {
    files: ['src/main/db/**/*.ts', 'src/main/secrets/**/*.ts', 'src/main/formats/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronOutsideShell], patterns: storageLayers },
      ],
    },
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
