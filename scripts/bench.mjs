#!/usr/bin/env node
// `npm run bench -- <name> [...]`: runs bench/<name>.ts with tsx. Benchmarks are scripts, never
// tests: each prints `BENCH <figure> value=… baseline=… ratio=… goal=…` lines and exits 0 whatever
// the figures say, so a slow machine never fails CI.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const available = existsSync(join(root, 'bench'))
  ? readdirSync(join(root, 'bench'))
      .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
      .map((f) => f.slice(0, -3))
  : []
const names = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const selected = names.length ? names : available
for (const name of selected) {
  if (!available.includes(name)) {
    console.error(`Unknown benchmark "${name}". Available: ${available.join(', ') || 'none'}`)
    process.exit(2)
  }
}
for (const name of selected) {
  console.log(`\n== bench ${name}`)
  const result = spawnSync(
    join(root, 'node_modules', '.bin', 'tsx'),
    [join(root, 'bench', `${name}.ts`)],
    { cwd: root, stdio: 'inherit' },
  )
  if (result.status !== 0) process.exit(result.status ?? 1)
}
