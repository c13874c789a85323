#!/usr/bin/env node
// `npm test`: lint, lint:security (electronegativity), typecheck, build, then every vitest suite
// (unit, integration, e2e).
// On Linux the whole run happens inside a private D-Bus session with an unlocked gnome-keyring in a
// throwaway HOME, so the real keychain code is exercised without touching the operator's keyring.
// `npm test -- <vitest args>` skips lint/typecheck/build and runs just those tests (same keyring).
import { spawnSync } from 'node:child_process'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { needsKeyringSession, runInKeyringSession } from './keyring-session.mjs'
import { missingPrerequisites, prerequisitesMessage } from './test-prerequisites.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const args = process.argv.slice(2)

const missing = missingPrerequisites()
if (missing.length) {
  console.error(prerequisitesMessage(missing))
  process.exit(1)
}

if (needsKeyringSession()) {
  const self = fileURLToPath(import.meta.url)
  process.exit(runInKeyringSession('node', [self, ...args], { who: 'npm test', cwd: root }))
}

const steps = args.length
  ? [['vitest', [bin('vitest'), 'run', ...args]]]
  : [
      ['lint', [bin('eslint'), '.', '--max-warnings', '0']],
      ['import circles', [process.execPath, join(root, 'scripts', 'check-cycles.mjs')]],
      ['lint:security', [process.execPath, join(root, 'scripts', 'security', 'lint-security.mjs')]],
      ['typecheck (node)', [bin('tsc'), '-p', 'tsconfig.node.json', '--noEmit']],
      ['typecheck (web)', [bin('tsc'), '-p', 'tsconfig.web.json', '--noEmit']],
      ['build', [bin('electron-vite'), 'build']],
      ['vitest (unit, integration, e2e)', [bin('vitest'), 'run']],
    ]

for (const [name, [command, ...commandArgs]] of steps) {
  console.log(`\n== ${name}`)
  const started = Date.now()
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) {
    console.error(`\n== ${name} FAILED after ${seconds}s`)
    process.exit(result.status ?? 1)
  }
  console.log(`== ${name} passed in ${seconds}s`)
}
