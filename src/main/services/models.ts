import { columnsExcept, type RowOf, type SameKeys } from '../db/columns'
import { models } from '../db/schema'
import type { ModelDto, ModelListItem } from '../../shared/contracts/dto'
import type { ModelCreateInput, ModelUpdateInput } from '../../shared/contracts/models'
import { AppError } from '../../shared/errors'
import type { ModelStatus } from '../../shared/domain'
import {
  insertRow,
  patchRow,
  inTransaction,
  statusAndNameWhere,
  notFound,
  ruleViolation,
  stmt,
  type ServiceContext,
} from './service-context'

// A model's DTO is its row, key for key: a column added to the schema must join ModelDto.
const modelColumns = columnsExcept(models, [])
const dtoMatchesSchema: SameKeys<ModelDto, RowOf<typeof models>> = true
void dtoMatchesSchema

type ModelStats = ModelListItem['stats']
type SelectedModel = ModelDto & ModelStats

const MODEL_SELECT = `SELECT ${modelColumns.select('m')},
    (SELECT count(*) FROM accounts a WHERE a.model_id = m.id) AS "accounts",
    (SELECT count(*) FROM accounts a WHERE a.model_id = m.id AND a.status = 'active')
      AS "activeAccounts",
    (SELECT count(*) FROM accounts a WHERE a.model_id = m.id AND a.proxy_id IS NOT NULL)
      AS "assignedAccounts",
    (SELECT count(*) FROM proxies p WHERE p.assigned_model_id = m.id) AS "proxies"
  FROM models m`

function toModelDto(row: SelectedModel): ModelDto {
  const { accounts: _a, activeAccounts: _b, assignedAccounts: _c, proxies: _d, ...dto } = row
  return dto
}

function toModelListItem(row: SelectedModel): ModelListItem {
  const { accounts, activeAccounts, assignedAccounts, proxies, ...dto } = row
  return { ...dto, stats: { accounts, activeAccounts, assignedAccounts, proxies } }
}

export function listModels(
  ctx: ServiceContext,
  filter: { status?: ModelStatus; search?: string } = {},
): ModelListItem[] {
  const { sql: whereSql, params } = statusAndNameWhere('m.', filter)
  const rows = stmt(ctx.sqlite, `${MODEL_SELECT} ${whereSql} ORDER BY m.name, m.id`).all(
    ...params,
  ) as SelectedModel[]
  return rows.map(toModelListItem)
}

export function getModel(ctx: ServiceContext, id: number): ModelListItem {
  const row = stmt(ctx.sqlite, `${MODEL_SELECT} WHERE m.id = ?`).get(id) as
    SelectedModel | undefined
  if (!row) throw notFound('model', id)
  return toModelListItem(row)
}

export function createModel(ctx: ServiceContext, input: ModelCreateInput): ModelDto {
  const id = inTransaction(ctx, () => {
    assertNameFree(ctx, input.name, null)
    const now = ctx.clock.now()
    return insertRow(ctx, models, { ...input, createdAt: now, updatedAt: now })
  })
  return toModelDto(getModelRow(ctx, id))
}

export function updateModel(ctx: ServiceContext, input: ModelUpdateInput): ModelDto {
  inTransaction(ctx, () => {
    getModelRow(ctx, input.id)
    if (input.name !== undefined) assertNameFree(ctx, input.name, input.id)
    const { id, ...fields } = input
    patchRow(ctx, models, id, fields)
  })
  return toModelDto(getModelRow(ctx, input.id))
}

/**
 * Refused while the model has accounts that are not `removed`. Its `removed` accounts (which hold
 * no proxy) are deleted with it; their history rows stay, as history has no foreign keys.
 */
export function removeModel(ctx: ServiceContext, id: number): { removed: true } {
  inTransaction(ctx, () => {
    const model = getModelRow(ctx, id)
    const { n: kept } = stmt(
      ctx.sqlite,
      `SELECT count(*) AS n FROM accounts WHERE model_id = ? AND status <> 'removed'`,
    ).get(id) as { n: number }
    if (kept > 0) {
      throw ruleViolation(
        'model_has_accounts',
        `Model "${model.name}" still has ${kept} active or invalid accounts; remove them first.`,
        { modelId: id, accounts: kept },
      )
    }
    stmt(ctx.sqlite, `DELETE FROM accounts WHERE model_id = ? AND status = 'removed'`).run(id)
    stmt(ctx.sqlite, 'DELETE FROM models WHERE id = ?').run(id)
  })
  return { removed: true }
}

function getModelRow(ctx: ServiceContext, id: number): SelectedModel {
  const row = stmt(ctx.sqlite, `${MODEL_SELECT} WHERE m.id = ?`).get(id) as
    SelectedModel | undefined
  if (!row) throw notFound('model', id)
  return row
}

function assertNameFree(ctx: ServiceContext, name: string, exceptId: number | null): void {
  const clash = stmt(ctx.sqlite, 'SELECT id FROM models WHERE name = ?').get(name) as
    { id: number } | undefined
  if (clash && clash.id !== exceptId) {
    throw new AppError('CONFLICT', `A model named "${name}" already exists.`, {
      constraint: 'models_name_unique',
      existingId: clash.id,
    })
  }
}
