/**
 * Reading electronegativity's SARIF report and judging it against the documented exceptions.
 * Pure functions over text, so the verdict logic is testable without running the scanner.
 */
import { readFileSync } from 'node:fs'
import { isAbsolute, relative, sep } from 'node:path'

/** SARIF levels at or above which a finding fails the lint (electronegativity emits these two). */
const FAILING_LEVELS = new Set(['warning', 'error'])

/**
 * Findings as `{ check, level, file, line, message }`, `file` relative to the scanned folder with
 * forward slashes. Throws on a report that is not SARIF: a silent empty list would pass the lint.
 */
export function readSarifFindings(text, scannedDir) {
  const report = JSON.parse(text)
  if (!Array.isArray(report?.runs)) throw new Error('not a SARIF report (no runs)')
  return report.runs.flatMap((run) =>
    (run.results ?? []).map((result) => {
      const location = result.locations?.[0]?.physicalLocation
      return {
        check: String(result.ruleId),
        level: String(result.level ?? 'warning'),
        file: projectPath(String(location?.artifactLocation?.uri ?? ''), scannedDir),
        line: Number(location?.region?.startLine ?? 0),
        message: String(result.message?.text ?? ''),
      }
    }),
  )
}

function projectPath(uri, scannedDir) {
  const path = uri.startsWith('file://') ? decodeURIComponent(new URL(uri).pathname) : uri
  const inside = isAbsolute(path) ? relative(scannedDir, path) : path
  return inside.split(sep).join('/')
}

/** The exceptions file: a list of `{ check, file, reason }`, each reason a real sentence. */
export function readExceptions(path) {
  const list = JSON.parse(readFileSync(path, 'utf8'))
  if (!Array.isArray(list)) throw new Error(`${path}: expected a list of exceptions`)
  for (const [index, item] of list.entries()) {
    const ok =
      typeof item?.check === 'string' &&
      typeof item?.file === 'string' &&
      typeof item?.reason === 'string' &&
      item.reason.trim().length >= 20
    if (!ok) throw new Error(`${path}: exception ${index} needs check, file and a reason`)
  }
  return list
}

/**
 * Sorts findings into failures (warning or above, not excepted), excepted ones and notes (manual
 * review hints). An exception that matches no finding is reported too: it would otherwise outlive
 * the code it excused and silently cover a later, different problem in the same file.
 */
export function judgeFindings(findings, exceptions) {
  const failures = []
  const excepted = []
  const notes = []
  const used = new Set()
  for (const finding of findings) {
    if (!FAILING_LEVELS.has(finding.level)) {
      notes.push(finding)
      continue
    }
    const exception = exceptions.find((e) => e.check === finding.check && e.file === finding.file)
    if (exception) {
      used.add(exception)
      excepted.push({ finding, exception })
    } else {
      failures.push(finding)
    }
  }
  const unused = exceptions.filter((exception) => !used.has(exception))
  return { failures, excepted, notes, unused }
}
