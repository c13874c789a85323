/**
 * Error codes that cross the process boundary. Electron passes only an error's message over IPC,
 * so errors travel inside the envelope as `{ code, message, details }`, never as throws.
 */
export const errorCodes = [
  'VALIDATION',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'CONFLICT',
  'RULE_VIOLATION',
  'FORBIDDEN',
  'UNAUTHORIZED',
  'KEYCHAIN_UNAVAILABLE',
  'DB_CORRUPT',
  'CANCELLED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof errorCodes)[number]

export interface ErrorShape {
  code: ErrorCode
  message: string
  details?: unknown
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorShape }

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details?: unknown

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }

  toShape(): ErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }

  static fromShape(shape: ErrorShape): AppError {
    return new AppError(shape.code, shape.message, shape.details)
  }
}
