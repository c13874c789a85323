import type { AppError } from '../../../shared/errors'

interface Issue {
  path: string
  message: string
}

/** The `details.issues` of a VALIDATION error, or none. */
export function validationIssues(error: AppError | null | undefined): Issue[] {
  if (!error || error.code !== 'VALIDATION') return []
  const details = error.details as { issues?: unknown } | undefined
  if (!Array.isArray(details?.issues)) return []
  return details.issues.filter(
    (issue): issue is Issue =>
      typeof issue === 'object' &&
      issue !== null &&
      typeof (issue as Issue).path === 'string' &&
      typeof (issue as Issue).message === 'string',
  )
}

/**
 * Field name → message from main's VALIDATION issues, for `error={errors.name}` on inputs. Only
 * the top-level field of a path is used (`tags.2` → `tags`); the first message per field wins.
 */
export function fieldErrors(error: AppError | null | undefined): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of validationIssues(error)) {
    const field = issue.path.split('.')[0] ?? ''
    if (field && !(field in errors)) errors[field] = issue.message
  }
  return errors
}

/** Issues no field in `known` can show (form-level refinements, unknown keys). */
export function unplacedIssues(
  error: AppError | null | undefined,
  known: readonly string[],
): Issue[] {
  return validationIssues(error).filter((issue) => !known.includes(issue.path.split('.')[0] ?? ''))
}

const codeTitles: Record<string, string> = {
  VALIDATION: 'Some values need fixing',
  NOT_FOUND: 'It no longer exists',
  CONFLICT: 'Already exists',
  RULE_VIOLATION: 'Not allowed',
  FORBIDDEN: 'Refused',
  UNAUTHORIZED: 'Not signed in to ProxyDeck',
  KEYCHAIN_UNAVAILABLE: 'Keychain unavailable',
  DB_CORRUPT: 'Database problem',
  CANCELLED: 'Cancelled',
  INTERNAL: 'Something went wrong',
  UNKNOWN_CHANNEL: 'Not supported by this version',
}

/** A short heading for an error, by its code. */
export function errorTitle(error: AppError): string {
  return codeTitles[error.code] ?? 'Something went wrong'
}

/** The rule named by a RULE_VIOLATION (`details.rule`), else null. */
export function ruleOf(error: AppError | null | undefined): string | null {
  if (!error || error.code !== 'RULE_VIOLATION') return null
  const rule = (error.details as { rule?: unknown } | undefined)?.rule
  return typeof rule === 'string' ? rule : null
}
