import type { ProxyDetail } from '../../../shared/contracts/dto'
import { accountsOnProxy } from '../accounts/account-queries'
import type { ServiceContext } from '../service-context'
import { getProxyDto } from './proxy-rows'

export { proxyConnectionString } from './connection-string'
export {
  LAST_CHECK_CASE,
  lastCheckSql,
  listProxies,
  proxyFilterSql,
  proxyPageSql,
} from './proxy-list'
export { removeProxies, setProxiesStatus } from './proxy-remove'
export { filterSelectionSql, selectedProxyIds } from './proxy-selection'
export { findProxyDto, getProxyDto, proxyDtosByIds } from './proxy-rows'
export {
  createProxy,
  insertProxyRows,
  passwordAad,
  revealProxyPassword,
  updateProxy,
} from './proxy-write'

export function getProxyDetail(ctx: ServiceContext, id: number): ProxyDetail {
  return { ...getProxyDto(ctx, id), accounts: accountsOnProxy(ctx, id) }
}
