import type { AccountListInput } from '../../../shared/contracts/accounts'
import type { AccountDto, Page } from '../../../shared/contracts/dto'
import { columnsExcept, type RowOf, type SameKeys } from '../../db/columns'
import { accounts } from '../../db/schema'
import {
  endpointLabel,
  likeContains,
  notFound,
  stmt,
  type ServiceContext,
} from '../service-context'

// The DTO is the row plus the model's name and the proxy's label: a column added to the schema
// must join AccountDto too.
const accountColumns = columnsExcept(accounts, [])
const dtoMatchesSchema: SameKeys<
  AccountDto,
  RowOf<typeof accounts> & { modelName: string; proxyLabel: string | null }
> = true
void dtoMatchesSchema

const ACCOUNT_SELECT = `SELECT ${accountColumns.select('a')}, m.name AS "modelName",
    p.host AS "proxyHost", p.port AS "proxyPort"
  FROM accounts a
  JOIN models m ON m.id = a.model_id
  LEFT JOIN proxies p ON p.id = a.proxy_id`

type SelectedAccount = Omit<AccountDto, 'proxyLabel'> & {
  proxyHost: string | null
  proxyPort: number | null
}

function toAccountDto(row: SelectedAccount): AccountDto {
  const { proxyHost, proxyPort, ...rest } = row
  return {
    ...rest,
    proxyLabel: proxyHost === null ? null : endpointLabel(proxyHost, proxyPort ?? 0),
  }
}

export function getAccount(ctx: ServiceContext, id: number): AccountDto {
  const row = stmt(ctx.sqlite, `${ACCOUNT_SELECT} WHERE a.id = ?`).get(id) as
    SelectedAccount | undefined
  if (!row) throw notFound('account', id)
  return toAccountDto(row)
}

/** Active accounts on a proxy, in id order. */
export function accountsOnProxy(ctx: ServiceContext, proxyId: number): AccountDto[] {
  const rows = stmt(
    ctx.sqlite,
    `${ACCOUNT_SELECT} WHERE a.proxy_id = ? AND a.status = 'active' ORDER BY a.id`,
  ).all(proxyId) as SelectedAccount[]
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
  ).all(...params, input.pageSize, (input.page - 1) * input.pageSize) as SelectedAccount[]
  return { items: rows.map(toAccountDto), total, page: input.page, pageSize: input.pageSize }
}
