import { getAppInfo } from '../../services/app-info'
import { readSettings, writeSettings } from '../../services/settings'
import type { HandlerMap } from '../handler'

export const appHandlers: HandlerMap<'app:info' | 'settings:get' | 'settings:set'> = {
  'app:info': (ctx) => getAppInfo(ctx),
  'settings:get': (ctx) => readSettings(ctx.sqlite),
  'settings:set': (ctx, patch) => {
    const settings = writeSettings(ctx.sqlite, patch)
    ctx.events.emit('settings:changed', settings)
    return settings
  },
}
