import { readSettings, writeSettings } from '../../services/settings'
import type { HandlerMap } from '../handler'

export const settingsHandlers: HandlerMap<'settings:get' | 'settings:set'> = {
  'settings:get': (ctx) => readSettings(ctx.sqlite),
  'settings:set': (ctx, patch) => {
    const settings = writeSettings(ctx.sqlite, patch)
    ctx.events.emit('settings:changed', settings)
    return settings
  },
}
