import type { z } from 'zod'
import { isChannel } from '../../shared/channels'
import { contracts } from '../../shared/contracts'
import { writesOf } from '../../shared/data-changes'
import { AppError, type Envelope, type ErrorShape } from '../../shared/errors'
import type { AppContext } from '../context'
import { exclusiveGate } from '../db/exclusive'
import type { Handler } from './handler'
import { handlers } from './handlers'

export interface ValidationIssue {
  path: string
  message: string
  code: string
}

/**
 * The one wrapper every transport goes through: known channel, input validated by the contract's
 * schema, the handler run, and every outcome (including unexpected throws) turned into an envelope.
 * Transports check the caller (sender frame or token) before calling this.
 */
export async function dispatch(
  ctx: AppContext,
  channel: unknown,
  input: unknown,
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    return failure({ code: 'UNKNOWN_CHANNEL', message: `Unknown method: ${String(channel)}` })
  }
  const parsed = contracts[channel].input.safeParse(input)
  if (!parsed.success) {
    const issues = toIssues(parsed.error)
    return failure({
      code: 'VALIDATION',
      message: `Invalid input for ${channel}: ${summarize(issues)}`,
      details: { issues },
    })
  }
  try {
    // An import storing its rows holds the connection: run after it, not inside its transaction.
    const gate = exclusiveGate(ctx.sqlite)
    if (gate.held) await gate.whenFree()
    const handler = handlers[channel] as Handler<typeof channel>
    const value = await handler(ctx, parsed.data as never)
    const changed = writesOf(channel)
    if (changed.length) ctx.events.emit('data:changed', { kinds: [...changed] })
    return { ok: true, value }
  } catch (error) {
    if (error instanceof AppError) return failure(error.toShape())
    // Unexpected: keep the detail in main's log, give the renderer a message it can show.
    console.error(`${channel} failed:`, error)
    return failure({ code: 'INTERNAL', message: `${channel} failed unexpectedly` })
  }
}

function failure(error: ErrorShape): Envelope<never> {
  return { ok: false, error }
}

function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
    code: issue.code,
  }))
}

function summarize(issues: ValidationIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''
  return shown.join('; ') + more
}
