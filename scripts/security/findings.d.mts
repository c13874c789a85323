// Types for findings.mjs, so the TypeScript tests can import it.
export interface Finding {
  check: string
  level: string
  file: string
  line: number
  message: string
}
export interface FindingException {
  check: string
  file: string
  reason: string
}
export interface Verdict {
  failures: Finding[]
  excepted: { finding: Finding; exception: FindingException }[]
  notes: Finding[]
  unused: FindingException[]
}
export function readSarifFindings(text: string, scannedDir: string): Finding[]
export function readExceptions(path: string): FindingException[]
export function judgeFindings(findings: Finding[], exceptions: FindingException[]): Verdict
