import { detectStoredProtocol } from '../../checks/detect-protocol'
import type { HandlerMap } from '../handler'

export const detectHandlers: HandlerMap<'proxies:detectProtocol'> = {
  'proxies:detectProtocol': async (ctx, input) =>
    detectStoredProtocol(ctx, await ctx.checks.checker(), input),
}
