import { getAppInfo } from '../../services/app-info'
import type { HandlerMap } from '../handler'

export const appHandlers: HandlerMap<'app:info'> = {
  'app:info': (ctx) => getAppInfo(ctx),
}
