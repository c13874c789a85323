import type { Settings, SettingsPatch } from '../../../../shared/settings'

/**
 * What the form shows: numbers may hold partial text while typed, judges are one URL a line, an
 * empty anonymity judge means none.
 */
export interface FormValues {
  theme: Settings['theme']
  checkTimeoutMs: number | string
  checkConcurrency: number | string
  checkRetentionPerProxy: number | string
  judges: string
  anonymityJudge: string
  monitorEnabled: boolean
  monitorIntervalMinutes: number | string
  failureThreshold: number | string
  failoverEnabled: boolean
  askJudgesDirectly: boolean
  backupsKeep: number | string
  exitWindowDays: number | string
  exitMatch: Settings['exitMatch']
}

export type FieldName = keyof FormValues
export type Draft = Partial<FormValues>
export type FieldErrors = Partial<Record<FieldName, string>>

export function formValuesOf(settings: Settings): FormValues {
  return {
    ...settings,
    judges: settings.judges.join('\n'),
    anonymityJudge: settings.anonymityJudge ?? '',
  }
}

/**
 * The keys the operator changed, as typed. Values are not checked here: main validates every
 * patch against the shared schema and its answer is shown next to the fields.
 */
export function toPatch(draft: Draft, settings: Settings): SettingsPatch {
  const patch: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(draft) as [FieldName, FormValues[FieldName]][]) {
    const next =
      key === 'judges'
        ? parseJudges(value as string)
        : key === 'anonymityJudge'
          ? (value as string).trim() || null
          : value
    if (JSON.stringify(next) !== JSON.stringify(settings[key])) patch[key] = next
  }
  return patch as SettingsPatch
}

function parseJudges(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
}

interface Issue {
  path: PropertyKey[]
  message: string
}

/**
 * Spreads the zod issues of a VALIDATION error over the form's fields; what belongs to no field
 * (an unknown key, an empty patch) is returned apart for a form-level message.
 */
export function fieldErrorsFrom(details: unknown): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {}
  const other: string[] = []
  for (const issue of issuesIn(details)) {
    const at = issue.path.findIndex((segment) => typeof segment === 'string' && isField(segment))
    if (at < 0) {
      other.push(issue.message)
      continue
    }
    const field = issue.path[at] as FieldName
    const index = issue.path[at + 1]
    const message =
      field === 'judges' && typeof index === 'number'
        ? `Line ${index + 1}: ${issue.message}`
        : issue.message
    fields[field] = fields[field] ? `${fields[field]}; ${message}` : message
  }
  return { fields, other }
}

const fieldNames: readonly FieldName[] = [
  'theme',
  'checkTimeoutMs',
  'checkConcurrency',
  'checkRetentionPerProxy',
  'judges',
  'anonymityJudge',
  'monitorEnabled',
  'monitorIntervalMinutes',
  'failureThreshold',
  'failoverEnabled',
  'askJudgesDirectly',
  'backupsKeep',
  'exitWindowDays',
  'exitMatch',
]

function isField(name: string): name is FieldName {
  return (fieldNames as readonly string[]).includes(name)
}

function issuesIn(details: unknown): Issue[] {
  const list = Array.isArray(details)
    ? details
    : typeof details === 'object' && details !== null && 'issues' in details
      ? details.issues
      : []
  if (!Array.isArray(list)) return []
  return list.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return []
    const { path, message } = item as { path?: unknown; message?: unknown }
    if (typeof message !== 'string') return []
    return [{ path: pathSegments(path), message }]
  })
}

// Main sends paths joined with dots (`judges.1`); zod itself gives arrays. Accept both.
function pathSegments(path: unknown): PropertyKey[] {
  if (Array.isArray(path)) return path as PropertyKey[]
  if (typeof path !== 'string' || path === '') return []
  return path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment))
}
