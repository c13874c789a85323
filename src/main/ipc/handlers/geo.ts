import type { HandlerMap } from '../handler'

export const geoHandlers: HandlerMap<'geo:databases' | 'geo:chooseDatabase' | 'geo:useBundled'> = {
  'geo:databases': (ctx) => ctx.checks.geo.describe(),
  'geo:chooseDatabase': (ctx, { kind }) => ctx.checks.geo.choose(kind, ctx.dialogs),
  'geo:useBundled': (ctx, { kind }) => ctx.checks.geo.useBundled(kind),
}
