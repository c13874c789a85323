import {
  createProvider,
  listProviders,
  providerProxies,
  removeProvider,
  updateProvider,
} from '../../services/providers'
import type { HandlerMap } from '../handler'

export const providerHandlers: HandlerMap<
  | 'providers:list'
  | 'providers:create'
  | 'providers:update'
  | 'providers:remove'
  | 'providers:proxies'
> = {
  'providers:list': (ctx, filter) => listProviders(ctx, filter),
  'providers:create': (ctx, input) => createProvider(ctx, input),
  'providers:update': (ctx, input) => updateProvider(ctx, input),
  'providers:remove': (ctx, { id, withProxies }) => removeProvider(ctx, id, withProxies),
  'providers:proxies': (ctx, input) => providerProxies(ctx, input),
}
