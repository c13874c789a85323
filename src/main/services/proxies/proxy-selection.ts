import type { ProxyListFilters, ProxySelection } from '../../../shared/contracts/proxies'
import { exitGuard } from '../assignment/exit-collisions'
import { missingIds, notFound, stmt, type ServiceContext } from '../service-context'
import { proxyFilterSql } from './proxy-list'

/**
 * A "select all matching" selection as a WHERE over `proxies p`: the list's filter, less the
 * rows the operator unticked. Bulk tests and exports read their rows through it.
 */
export function filterSelectionSql(
  ctx: Pick<ServiceContext, 'sqlite' | 'clock'>,
  filter: ProxyListFilters,
  exceptIds: readonly number[] = [],
): { where: string; params: unknown[] } {
  const sql = proxyFilterSql(filter, filter.collision === undefined ? null : exitGuard(ctx))
  if (exceptIds.length === 0) return sql
  const except = 'p.id NOT IN (SELECT value FROM json_each(?))'
  return {
    where: sql.where ? `${sql.where} AND ${except}` : `WHERE ${except}`,
    params: [...sql.params, JSON.stringify(exceptIds)],
  }
}

/**
 * The ids a bulk action's selection names, in id order. Explicit ids must all exist (the
 * operator saw those rows: if some are gone, say so rather than act on fewer); a filter
 * selection is whatever matches now. Call it inside the action's transaction.
 */
export function selectedProxyIds(ctx: ServiceContext, selection: ProxySelection): number[] {
  if ('ids' in selection) {
    const missing = missingIds(ctx.sqlite, 'proxies', selection.ids)
    if (missing.length) throw notFound('proxy', missing)
    return [...selection.ids]
  }
  const { where, params } = filterSelectionSql(ctx, selection.filter, selection.exceptIds)
  return (
    stmt(ctx.sqlite, `SELECT p.id AS id FROM proxies p ${where} ORDER BY p.id`).all(...params) as {
      id: number
    }[]
  ).map((row) => row.id)
}
