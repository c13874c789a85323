#!/usr/bin/env node
/**
 * `npm run lint:security`: electronegativity over the project's own sources, failing on every
 * finding at warning level or above that electronegativity-exceptions.json does not explain.
 *
 * Electronegativity always exits 0, so the verdict comes from its SARIF report. It walks whatever
 * folder it is given (it skips only node_modules), so the sources are first copied into a temp
 * folder without build output (out/, dist/) or dependencies: findings then name project files only.
 * It also asks a translation server for the current locale's messages and carries on offline.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { judgeFindings, readExceptions, readSarifFindings } from './findings.mjs'
import { stageSources } from './stage-sources.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../..')
const require = createRequire(import.meta.url)
const cli = join(
  dirname(require.resolve('@doyensec/electronegativity/package.json')),
  'dist/index.js',
)

const work = mkdtempSync(join(tmpdir(), 'proxydeck-electronegativity-'))
try {
  const staged = join(work, 'project')
  const count = stageSources(root, staged)
  const report = join(work, 'report.sarif')
  const run = spawnSync(process.execPath, [cli, '-i', staged, '-o', report, '-r'], {
    cwd: work,
    encoding: 'utf8',
  })
  let findings
  try {
    findings = readSarifFindings(readFileSync(report, 'utf8'), staged)
  } catch (error) {
    console.error(`${run.stdout}${run.stderr}`)
    throw new Error(`electronegativity wrote no readable report (${error.message})`)
  }
  const exceptions = readExceptions(join(here, 'electronegativity-exceptions.json'))
  const verdict = judgeFindings(findings, exceptions)
  console.log(`electronegativity: ${count} files scanned, ${findings.length} findings`)
  for (const { finding, exception } of verdict.excepted) {
    console.log(`  excepted ${finding.check} ${finding.file}:${finding.line} (${exception.reason})`)
  }
  for (const finding of verdict.notes) {
    console.log(`  note     ${finding.check} ${finding.file}:${finding.line} (manual review)`)
  }
  for (const finding of verdict.failures) {
    console.log(`  FAIL     ${finding.check} ${finding.file}:${finding.line}: ${finding.message}`)
  }
  for (const exception of verdict.unused) {
    console.log(`  STALE    exception ${exception.check} ${exception.file} matches no finding`)
  }
  if (verdict.failures.length || verdict.unused.length) {
    console.error(
      'lint:security failed: fix the finding, or explain it in ' +
        'scripts/security/electronegativity-exceptions.json; remove exceptions that match nothing.',
    )
    process.exitCode = 1
  } else {
    console.log('lint:security passed')
  }
} catch (error) {
  console.error(`lint:security: ${error.message}`)
  process.exitCode = 1
} finally {
  rmSync(work, { recursive: true, force: true })
}
