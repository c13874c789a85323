import {
  createProxy,
  getProxyDetail,
  proxyConnectionString,
  listProxies,
  removeProxies,
  revealProxyPassword,
  setProxiesStatus,
  updateProxy,
} from '../../services/proxies'
import type { HandlerMap } from '../handler'

export const proxyHandlers: HandlerMap<
  | 'proxies:list'
  | 'proxies:get'
  | 'proxies:create'
  | 'proxies:update'
  | 'proxies:remove'
  | 'proxies:setStatus'
  | 'proxies:revealPassword'
  | 'proxies:connectionString'
> = {
  'proxies:list': (ctx, input) => listProxies(ctx, input),
  'proxies:get': (ctx, { id }) => getProxyDetail(ctx, id),
  'proxies:create': (ctx, input) => createProxy(ctx, input),
  'proxies:update': (ctx, input) => updateProxy(ctx, input),
  'proxies:remove': (ctx, selection) => removeProxies(ctx, selection, 'operator'),
  'proxies:setStatus': (ctx, { status, ...selection }) => setProxiesStatus(ctx, selection, status),
  'proxies:revealPassword': (ctx, { id }) => revealProxyPassword(ctx, id),
  'proxies:connectionString': (ctx, { id, format }) => proxyConnectionString(ctx, id, format),
}
