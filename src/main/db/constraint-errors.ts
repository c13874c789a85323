import { AppError } from '../../shared/errors'

/** Code words the invariant triggers (drizzle/0001_invariant_triggers.sql) start their message with. */
export const dbRuleCodes = [
  'proxy_full',
  'proxy_model_mismatch',
  'proxy_counts_derived',
  'history_append_only',
] as const
export type DbRuleCode = (typeof dbRuleCodes)[number]

export type DbConstraintViolation =
  | { kind: 'rule'; rule: DbRuleCode; message: string }
  | { kind: 'unique'; constraint: string; message: string }
  | { kind: 'check'; constraint: string; message: string }
  | { kind: 'foreign_key'; message: string }
  | { kind: 'not_null'; constraint: string; message: string }

/**
 * Recognises a constraint failure raised by SQLite, also when drizzle wraps it (its
 * DrizzleQueryError keeps the SqliteError as `cause`). Returns undefined for anything else.
 */
export function classifyConstraintError(error: unknown): DbConstraintViolation | undefined {
  const sqliteError = findSqliteError(error)
  if (!sqliteError) return undefined
  const { code, message } = sqliteError
  const afterColon = message.slice(message.indexOf(':') + 1).trim()

  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || message.startsWith('FOREIGN KEY constraint')) {
    // ON DELETE RESTRICT reports itself as SQLITE_CONSTRAINT_TRIGGER.
    return { kind: 'foreign_key', message }
  }
  if (code === 'SQLITE_CONSTRAINT_TRIGGER') {
    const rule = dbRuleCodes.find((word) => message.startsWith(`${word}:`))
    return rule ? { kind: 'rule', rule, message: afterColon } : undefined
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    // "UNIQUE constraint failed: index 'proxies_endpoint_unique'" or "... failed: models.name"
    return { kind: 'unique', constraint: afterColon.replace(/^index '(.*)'$/, '$1'), message }
  }
  if (code === 'SQLITE_CONSTRAINT_CHECK') return { kind: 'check', constraint: afterColon, message }
  if (code === 'SQLITE_CONSTRAINT_NOTNULL')
    return { kind: 'not_null', constraint: afterColon, message }
  return undefined
}

/**
 * A last line of defence for services: turns a constraint failure into an AppError with a stable
 * code. Services should check the rules first and say precisely what clashed; this only makes sure
 * a race or an overlooked path still reaches the operator as a clear error, not INTERNAL.
 */
export function constraintErrorToAppError(error: unknown): AppError | undefined {
  const violation = classifyConstraintError(error)
  if (!violation) return undefined
  switch (violation.kind) {
    case 'rule':
      return new AppError('RULE_VIOLATION', capitalise(violation.message), { rule: violation.rule })
    case 'unique':
      return new AppError('CONFLICT', `Already exists (${violation.constraint} must be unique).`, {
        constraint: violation.constraint,
      })
    case 'check':
      return violation.constraint === 'proxies_account_count_within_max'
        ? new AppError(
            'RULE_VIOLATION',
            'The proxy would hold more accounts than its maximum allows.',
            { constraint: violation.constraint },
          )
        : new AppError('VALIDATION', `A value is out of range (${violation.constraint}).`, {
            constraint: violation.constraint,
          })
    case 'foreign_key':
      return new AppError(
        'CONFLICT',
        'The change refers to a record that does not exist, or removes one that others still use.',
      )
    case 'not_null':
      return new AppError('VALIDATION', `A required value is missing (${violation.constraint}).`, {
        constraint: violation.constraint,
      })
  }
}

function findSqliteError(error: unknown): { code: string; message: string } | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && code.startsWith('SQLITE_')) {
      return { code, message: current.message }
    }
    current = current.cause
  }
  return undefined
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
