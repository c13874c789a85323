import { analyticsSummary } from '../../services/analytics'
import { analyticsTrends } from '../../services/analytics-trends'
import type { HandlerMap } from '../handler'

export const analyticsHandlers: HandlerMap<'analytics:summary' | 'analytics:trends'> = {
  'analytics:summary': (ctx) => analyticsSummary(ctx),
  'analytics:trends': (ctx, input) => analyticsTrends(ctx, input),
}
