import { listHistory } from '../../services/history'
import type { HandlerMap } from '../handler'

/** The audit trail is append-only, so no write contract exists. */
export const historyHandlers: HandlerMap<'history:list'> = {
  'history:list': (ctx, input) => listHistory(ctx, input),
}
