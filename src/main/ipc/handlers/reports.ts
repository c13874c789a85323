import { analyticsSummary } from '../../services/analytics'
import { listHistory } from '../../services/history'
import type { HandlerMap } from '../handler'

/** Read-only views: the audit trail (append-only, so no write contract exists) and analytics. */
export const reportHandlers: HandlerMap<'history:list' | 'analytics:summary'> = {
  'history:list': (ctx, input) => listHistory(ctx, input),
  'analytics:summary': (ctx) => analyticsSummary(ctx),
}
