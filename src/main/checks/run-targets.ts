import type { ProxiesTestInput } from '../../shared/contracts/checks'
import { AppError } from '../../shared/errors'
import { filterSelectionSql } from '../services/proxies'
import { passwordAad } from '../services/proxies'
import {
  endpointLabel,
  missingIds,
  notFound,
  stmt,
  type ServiceContext,
} from '../services/service-context'
import type { CheckTarget } from './types'

/** A stored proxy as a run needs it; the password stays sealed until its check starts. */
export interface RunTarget {
  id: number
  label: string
  protocol: CheckTarget['protocol']
  remoteDns: boolean
  host: string
  port: number
  username: string | null
  passwordEncrypted: string | null
}

interface TargetRow {
  id: number
  protocol: CheckTarget['protocol']
  remote_dns: number
  host: string
  port: number
  username: string | null
  password_encrypted: string | null
}

const TARGET_COLUMNS =
  'p.id, p.protocol, p.remote_dns, p.host, p.port, p.username, p.password_encrypted'

function toTarget(row: TargetRow): RunTarget {
  return {
    id: row.id,
    label: endpointLabel(row.host, row.port),
    protocol: row.protocol,
    remoteDns: row.remote_dns === 1,
    host: row.host,
    port: row.port,
    username: row.username,
    passwordEncrypted: row.password_encrypted,
  }
}

/** The proxies a `proxies:test` selection names, in id order. Unknown ids are refused. */
export function selectRunTargets(ctx: ServiceContext, selection: ProxiesTestInput): RunTarget[] {
  if ('ids' in selection) {
    const missing = missingIds(ctx.sqlite, 'proxies', selection.ids)
    if (missing.length) throw notFound('proxy', missing)
    return targetsByIds(ctx, selection.ids)
  }
  if ('filter' in selection) {
    const filter = filterSelectionSql(ctx, selection.filter, selection.exceptIds)
    const rows = ctx.sqlite
      .prepare(`SELECT ${TARGET_COLUMNS} FROM proxies p ${filter.where} ORDER BY p.id`)
      .all(...filter.params) as TargetRow[]
    return rows.map(toTarget)
  }
  return (
    stmt(
      ctx.sqlite,
      `SELECT ${TARGET_COLUMNS} FROM proxies p
        WHERE p.status = 'error' OR p.consecutive_failures > 0 ORDER BY p.id`,
    ).all() as TargetRow[]
  ).map(toTarget)
}

/** What the health monitor re-tests: active and error proxies (inactive ones are switched off). */
export function monitoredTargets(ctx: ServiceContext): RunTarget[] {
  return (
    stmt(
      ctx.sqlite,
      `SELECT ${TARGET_COLUMNS} FROM proxies p WHERE p.status IN ('active', 'error') ORDER BY p.id`,
    ).all() as TargetRow[]
  ).map(toTarget)
}

export function targetsByIds(ctx: ServiceContext, ids: readonly number[]): RunTarget[] {
  const rows = stmt(
    ctx.sqlite,
    `SELECT ${TARGET_COLUMNS} FROM proxies p
      WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.id`,
  ).all(JSON.stringify(ids)) as TargetRow[]
  return rows.map(toTarget)
}

/**
 * Opens the target's password (in main only, just before its check). Returns null when it cannot
 * be opened (keychain unavailable, wrong key): the run skips that proxy instead of failing it.
 */
export function openTarget(
  ctx: Pick<ServiceContext, 'vault'>,
  target: RunTarget,
): CheckTarget | null {
  let password: string | null = null
  if (target.passwordEncrypted !== null) {
    try {
      password = ctx.vault.decrypt(target.passwordEncrypted, passwordAad(target.id))
    } catch {
      return null
    }
  }
  return {
    protocol: target.protocol,
    remoteDns: target.remoteDns,
    host: target.host,
    port: target.port,
    username: target.username,
    password,
  }
}

/** Refuses a run up front when it needs passwords the vault cannot open: the operator must act. */
export function assertPasswordsReadable(
  ctx: Pick<ServiceContext, 'vault'>,
  targets: RunTarget[],
): void {
  if (ctx.vault.status.status === 'available') return
  const sealed = targets.filter((target) => target.passwordEncrypted !== null).length
  if (sealed === 0) return
  throw new AppError(
    'KEYCHAIN_UNAVAILABLE',
    `${sealed} of these proxies have passwords, which cannot be read while the keychain is unavailable: ${ctx.vault.status.message ?? 'keychain unavailable'}`,
    { proxiesWithPasswords: sealed },
  )
}
