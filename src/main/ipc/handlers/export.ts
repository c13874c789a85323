import { exportHistory, exportProxies } from '../../services/transfer'
import type { HandlerMap } from '../handler'

export const exportHandlers: HandlerMap<'export:proxies' | 'export:history'> = {
  'export:proxies': (ctx, input) => exportProxies(ctx, input),
  'export:history': (ctx, input) => exportHistory(ctx, input),
}
