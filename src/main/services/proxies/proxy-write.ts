import { proxies } from '../../db/schema'
import type { ProxyDto } from '../../../shared/contracts/dto'
import {
  proxyCreateInput,
  type ProxyCreateInput,
  type ProxyUpdateInput,
} from '../../../shared/contracts/proxies'
import { columnSet } from '../../db/columns'
import { AppError } from '../../../shared/errors'
import {
  patchRow,
  endpointLabel,
  inTransaction,
  missingIds,
  notFound,
  ruleViolation,
  stmt,
  type ServiceContext,
} from '../service-context'
import { getProxyDto } from './proxy-rows'

/**
 * What a create stores: every field of the contract but the password (sealed once the row has its
 * id), named as the schema names it; fields left out take the schema's defaults.
 */
const createdColumns = columnSet(proxies, [
  ...(Object.keys(proxyCreateInput.shape).filter((key) => key !== 'password') as Exclude<
    keyof ProxyCreateInput,
    'password'
  >[]),
  'createdAt',
  'updatedAt',
])
const INSERT_PROXY = `INSERT INTO proxies (${createdColumns.names})
  VALUES (${createdColumns.keys.map(() => '?').join(', ')})`

/** The row identity a password is sealed to: a ciphertext copied onto another row will not open. */
export function passwordAad(proxyId: number): string {
  return `proxy:${proxyId}`
}

/**
 * Inserts proxies in one transaction (a savepoint inside a caller's): all or none. Each password
 * is encrypted with the new row's id as associated data; with the keychain unavailable a row with
 * a password fails with KEYCHAIN_UNAVAILABLE and nothing is stored. Returns the new ids in order.
 */
export function insertProxyRows(ctx: ServiceContext, rows: readonly ProxyCreateInput[]): number[] {
  return inTransaction(ctx, () => {
    const providers = [...new Set(rows.map((row) => row.providerId))]
    const missing = missingIds(ctx.sqlite, 'proxy_providers', providers)
    if (missing.length) throw notFound('provider', missing)
    const now = ctx.clock.now()
    const insert = stmt(ctx.sqlite, INSERT_PROXY)
    const ids: number[] = []
    rows.forEach((row, index) => {
      assertEndpointFree(ctx, row.protocol, row.host, row.port, row.username ?? null, null, index)
      const { password, ...fields } = row
      const params: unknown[] = []
      createdColumns.encodeInto({ ...fields, createdAt: now, updatedAt: now }, params)
      const id = Number(insert.run(params).lastInsertRowid)
      if (password) storePassword(ctx, id, password)
      ids.push(id)
    })
    return ids
  })
}

export function createProxy(ctx: ServiceContext, input: ProxyCreateInput): ProxyDto {
  const [id] = insertProxyRows(ctx, [input]) as [number]
  return getProxyDto(ctx, id)
}

interface EndpointRow {
  protocol: ProxyDto['protocol']
  host: string
  port: number
  username: string | null
  account_count: number
}

export function updateProxy(ctx: ServiceContext, input: ProxyUpdateInput): ProxyDto {
  inTransaction(ctx, () => {
    const current = stmt(
      ctx.sqlite,
      'SELECT protocol, host, port, username, account_count FROM proxies WHERE id = ?',
    ).get(input.id) as EndpointRow | undefined
    if (!current) throw notFound('proxy', input.id)
    if (input.providerId !== undefined) {
      if (missingIds(ctx.sqlite, 'proxy_providers', [input.providerId]).length) {
        throw notFound('provider', input.providerId)
      }
    }
    const endpoint = {
      protocol: input.protocol ?? current.protocol,
      host: input.host ?? current.host,
      port: input.port ?? current.port,
      username: input.username === undefined ? current.username : input.username,
    }
    assertEndpointFree(
      ctx,
      endpoint.protocol,
      endpoint.host,
      endpoint.port,
      endpoint.username,
      input.id,
    )
    if (input.maxAccounts !== undefined && input.maxAccounts < current.account_count) {
      throw ruleViolation(
        'max_below_assigned',
        `The proxy holds ${current.account_count} accounts; release some before lowering its maximum to ${input.maxAccounts}.`,
        { proxyId: input.id, accountCount: current.account_count },
      )
    }
    // The password is sealed separately, below.
    const { id, password: _password, ...fields } = input
    patchRow(ctx, proxies, id, fields)
    // '' means "leave it as it is": the edit form shows an empty field, never the password.
    if (input.password === null) {
      stmt(ctx.sqlite, 'UPDATE proxies SET password_encrypted = NULL WHERE id = ?').run(input.id)
    } else if (input.password) {
      storePassword(ctx, input.id, input.password)
    }
  })
  return getProxyDto(ctx, input.id)
}

/** The only path by which a stored password leaves main. */
export function revealProxyPassword(ctx: ServiceContext, id: number): { password: string | null } {
  const row = stmt(ctx.sqlite, 'SELECT password_encrypted FROM proxies WHERE id = ?').get(id) as
    { password_encrypted: string | null } | undefined
  if (!row) throw notFound('proxy', id)
  if (row.password_encrypted === null) return { password: null }
  return { password: ctx.vault.decrypt(row.password_encrypted, passwordAad(id)) }
}

function storePassword(ctx: ServiceContext, id: number, password: string): void {
  const sealed = ctx.vault.encrypt(password, passwordAad(id))
  stmt(ctx.sqlite, 'UPDATE proxies SET password_encrypted = ? WHERE id = ?').run(sealed, id)
}

function assertEndpointFree(
  ctx: ServiceContext,
  protocol: string,
  host: string,
  port: number,
  username: string | null,
  exceptId: number | null,
  rowIndex?: number,
): void {
  const clash = stmt(
    ctx.sqlite,
    `SELECT id FROM proxies WHERE protocol = ? AND host = ? AND port = ?
        AND (CASE WHEN username IS NULL THEN '' ELSE username END) = ?`,
  ).get(protocol, host, port, username ?? '') as { id: number } | undefined
  if (!clash || clash.id === exceptId) return
  const who = username ? ` with username "${username}"` : ' without a username'
  throw new AppError(
    'CONFLICT',
    `Proxy ${clash.id} already uses ${protocol}://${endpointLabel(host, port)}${who}.`,
    { constraint: 'proxies_endpoint_unique', existingId: clash.id, rowIndex },
  )
}
