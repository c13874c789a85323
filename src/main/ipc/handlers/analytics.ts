import { analyticsSummary } from '../../services/analytics'
import type { HandlerMap } from '../handler'

export const analyticsHandlers: HandlerMap<'analytics:summary'> = {
  'analytics:summary': (ctx) => analyticsSummary(ctx),
}
