import type { AccountListInput } from '../../../shared/contracts/accounts'
import type { AccountDto, Page } from '../../../shared/contracts/dto'
import {
  endpointLabel,
  likeContains,
  notFound,
  stmt,
  type ServiceContext,
} from '../service-context'

const ACCOUNT_SELECT = `SELECT a.id, a.model_id, m.name AS model_name, a.platform, a.username,
    a.status, a.proxy_id, p.host, p.port, a.notes, a.created_at, a.updated_at
  FROM accounts a
  JOIN models m ON m.id = a.model_id
  LEFT JOIN proxies p ON p.id = a.proxy_id`

interface AccountRow {
  id: number
  model_id: number
  model_name: string
  platform: AccountDto['platform']
  username: string
  status: AccountDto['status']
  proxy_id: number | null
  host: string | null
  port: number | null
  notes: string | null
  created_at: number
  updated_at: number
}

function toAccountDto(row: AccountRow): AccountDto {
  return {
    id: row.id,
    modelId: row.model_id,
    modelName: row.model_name,
    platform: row.platform,
    username: row.username,
    status: row.status,
    proxyId: row.proxy_id,
    proxyLabel: row.host === null ? null : endpointLabel(row.host, row.port ?? 0),
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function getAccount(ctx: ServiceContext, id: number): AccountDto {
  const row = stmt(ctx.sqlite, `${ACCOUNT_SELECT} WHERE a.id = ?`).get(id) as AccountRow | undefined
  if (!row) throw notFound('account', id)
  return toAccountDto(row)
}

/** Active accounts on a proxy, in id order. */
export function accountsOnProxy(ctx: ServiceContext, proxyId: number): AccountDto[] {
  const rows = stmt(
    ctx.sqlite,
    `${ACCOUNT_SELECT} WHERE a.proxy_id = ? AND a.status = 'active' ORDER BY a.id`,
  ).all(proxyId) as AccountRow[]
  return rows.map(toAccountDto)
}

const sortColumns: Record<AccountListInput['sortBy'], string> = {
  id: 'a.id',
  username: 'a.username',
  platform: 'a.platform',
  status: 'a.status',
  model: 'm.name',
  proxy: 'a.proxy_id',
  createdAt: 'a.created_at',
  updatedAt: 'a.updated_at',
}

export function listAccounts(ctx: ServiceContext, input: AccountListInput): Page<AccountDto> {
  const where: string[] = []
  const params: unknown[] = []
  if (input.modelId !== undefined) {
    where.push('a.model_id = ?')
    params.push(input.modelId)
  }
  if (input.proxyId !== undefined) {
    where.push('a.proxy_id = ?')
    params.push(input.proxyId)
  }
  for (const [column, values] of [
    ['a.platform', input.platform],
    ['a.status', input.status],
  ] as const) {
    if (!values) continue
    where.push(`${column} IN (SELECT value FROM json_each(?))`)
    params.push(JSON.stringify(values))
  }
  if (input.assigned === true) where.push('a.proxy_id IS NOT NULL')
  if (input.assigned === false) where.push(`a.proxy_id IS NULL AND a.status = 'active'`)
  if (input.search) {
    where.push(`(a.username LIKE ? ESCAPE '\\' OR a.notes LIKE ? ESCAPE '\\')`)
    params.push(likeContains(input.search), likeContains(input.search))
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const total = (
    stmt(ctx.sqlite, `SELECT count(*) AS n FROM accounts a ${whereSql}`).get(...params) as {
      n: number
    }
  ).n
  const dir = input.sortDir === 'desc' ? 'DESC' : 'ASC'
  const rows = stmt(
    ctx.sqlite,
    `${ACCOUNT_SELECT} ${whereSql}
      ORDER BY ${sortColumns[input.sortBy]} ${dir}, a.id ${dir} LIMIT ? OFFSET ?`,
  ).all(...params, input.pageSize, (input.page - 1) * input.pageSize) as AccountRow[]
  return { items: rows.map(toAccountDto), total, page: input.page, pageSize: input.pageSize }
}
