import type { AppError } from '../../../shared/errors'
import { formatDate } from '../lib/format'

type Details = Record<string, unknown>

/*
 * The assignment rules main enforces, said the way an operator thinks about them. Main's own
 * message (which names ids) is the fallback for a rule this list does not know yet.
 */
const rules: Record<string, (details: Details) => string> = {
  proxy_full: (d) =>
    `That proxy is full: it already holds its maximum of ${num(d.maxAccounts) ?? 'its'} accounts. Pick a proxy with a free slot.`,
  proxy_model_mismatch: (d) =>
    `That proxy already serves another model${typeof d.assignedModelName === 'string' ? ` ("${d.assignedModelName}")` : ''}. A proxy only carries accounts of one model, so pick a proxy serving this model or none.`,
  proxy_not_active: (d) =>
    `That proxy is ${typeof d.status === 'string' ? d.status : 'not active'}: only active proxies take accounts.`,
  proxy_expired: (d) =>
    `That proxy expired${num(d.expiresAt) ? ` on ${formatDate(num(d.expiresAt))}` : ''}: renew it or pick another.`,
  account_not_active: (d) =>
    `This account is ${typeof d.status === 'string' ? d.status : 'not active'}: only active accounts get a proxy.`,
  account_already_assigned: () =>
    'This account already has a proxy. Use Reassign to move it to another one.',
  account_not_assigned: () => 'This account has no proxy to move from: assign it instead.',
  same_proxy: () => 'The account is already on that proxy.',
  no_capacity_for_model: () =>
    'No proxy has room for this model: every active, unexpired proxy is full or serves another model. Add proxies or free some slots.',
  model_has_accounts: (d) =>
    `This model still has ${num(d.accounts) ?? 'some'} active or invalid ${num(d.accounts) === 1 ? 'account' : 'accounts'}. Remove them first; removed accounts are deleted with the model.`,
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined
}

/** The rule a RULE_VIOLATION names (`details.rule`), or null for any other error. */
export function ruleName(error: AppError | null | undefined): string | null {
  if (!error || error.code !== 'RULE_VIOLATION') return null
  const rule = (error.details as Details | undefined)?.rule
  return typeof rule === 'string' ? rule : null
}

/** An error from an assignment or status change, in plain words. */
export function plainError(error: AppError): string {
  const rule = ruleName(error)
  const explain = rule ? rules[rule] : undefined
  if (explain) return explain((error.details as Details | undefined) ?? {})
  return error.message
}

/** Why auto-assign left accounts waiting, per `UnassignedReason`. */
export const unassignedReasonText: Record<string, string> = {
  no_capacity_for_model:
    'no proxy has room for this model (every active, unexpired proxy is full or serves another model)',
  exit_collision:
    'the proxies with room share a recent exit IP with a proxy of another model (an exit collision)',
}
