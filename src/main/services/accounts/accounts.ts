import { accounts } from '../../db/schema'
import type {
  AccountCreateInput,
  AccountUpdateInput,
  InvalidReason,
} from '../../../shared/contracts/accounts'
import type { AccountDto } from '../../../shared/contracts/dto'
import { AppError } from '../../../shared/errors'
import type { AccountStatus, HistoryActor, HistoryReason } from '../../../shared/domain'
import { releaseAccount } from '../assignment/moves'
import { getAccountRuleRow } from '../assignment/rules'
import {
  inTransaction,
  missingIds,
  notFound,
  insertRow,
  patchRow,
  stmt,
  type ServiceContext,
} from '../service-context'
import { getAccount } from './account-queries'

/** Accounts are created unassigned; `assignments:*` put them on proxies. */
export function createAccount(ctx: ServiceContext, input: AccountCreateInput): AccountDto {
  const id = inTransaction(ctx, () => {
    assertModelExists(ctx, input.modelId)
    assertUsernameFree(ctx, input.platform, input.username, null)
    const now = ctx.clock.now()
    return insertRow(ctx, accounts, { ...input, createdAt: now, updatedAt: now })
  })
  return getAccount(ctx, id)
}

const releaseReasons: Record<Exclude<AccountStatus, 'active'>, HistoryReason> = {
  invalid: 'account_invalid',
  removed: 'account_removed',
}

/**
 * Edits an account. Leaving `active` releases its proxy in the same transaction (reason
 * `account_invalid`/`account_removed`); a new model releases it too (reason `manual`), since
 * its proxy serves the old one.
 */
export function updateAccount(ctx: ServiceContext, input: AccountUpdateInput): AccountDto {
  inTransaction(ctx, () => {
    const account = getAccountRuleRow(ctx, input.id)
    const current = stmt(ctx.sqlite, 'SELECT platform, username FROM accounts WHERE id = ?').get(
      input.id,
    ) as { platform: AccountDto['platform']; username: string }
    if (input.modelId !== undefined) assertModelExists(ctx, input.modelId)
    if (input.platform !== undefined || input.username !== undefined) {
      assertUsernameFree(
        ctx,
        input.platform ?? current.platform,
        input.username ?? current.username,
        input.id,
      )
    }
    const status = input.status ?? account.status
    if (account.proxy_id !== null) {
      if (status !== 'active') {
        releaseAccount(ctx, account, { reason: releaseReasons[status], actor: 'operator' }, status)
      } else if (input.modelId !== undefined && input.modelId !== account.model_id) {
        releaseAccount(ctx, account, { reason: 'manual', actor: 'operator' })
      }
    }
    const { id, ...fields } = input
    patchRow(ctx, accounts, id, { ...fields, status })
  })
  return getAccount(ctx, input.id)
}

/**
 * Bulk status change in one transaction: unknown ids refuse the whole request. Accounts leaving
 * `active` release their proxies with one history row each.
 */
export function setAccountsStatus(
  ctx: ServiceContext,
  ids: readonly number[],
  status: AccountStatus,
  actor: HistoryActor = 'operator',
  detail?: string,
): { updated: number; released: number } {
  return inTransaction(ctx, () => {
    const missing = missingIds(ctx.sqlite, 'accounts', ids)
    if (missing.length) throw notFound('account', missing)
    let updated = 0
    let released = 0
    const now = ctx.clock.now()
    for (const id of ids) {
      const account = getAccountRuleRow(ctx, id)
      if (account.status === status) continue
      updated++
      if (status !== 'active' && account.proxy_id !== null) {
        releaseAccount(ctx, account, { reason: releaseReasons[status], actor, detail }, status)
        released++
      } else {
        stmt(ctx.sqlite, 'UPDATE accounts SET status = ?, updated_at = ? WHERE id = ?').run(
          status,
          now,
          id,
        )
      }
    }
    return { updated, released }
  })
}

const invalidReasonWords: Record<InvalidReason, string> = {
  banned: 'Banned',
  suspended: 'Suspended',
  lost_access: 'Lost access',
  other: 'Other',
}

/** The history detail of an invalidation: "Banned", "Other: phone number lost". */
export function invalidDetail(reason?: InvalidReason, note?: string): string | undefined {
  if (!reason) return note || undefined
  const words = invalidReasonWords[reason]
  return note ? `${words}: ${note}` : words
}

function assertModelExists(ctx: ServiceContext, modelId: number): void {
  if (missingIds(ctx.sqlite, 'models', [modelId]).length) throw notFound('model', modelId)
}

function assertUsernameFree(
  ctx: ServiceContext,
  platform: string,
  username: string,
  exceptId: number | null,
): void {
  const clash = stmt(ctx.sqlite, 'SELECT id FROM accounts WHERE platform = ? AND username = ?').get(
    platform,
    username,
  ) as { id: number } | undefined
  if (clash && clash.id !== exceptId) {
    throw new AppError(
      'CONFLICT',
      `Account ${clash.id} already uses the ${platform} username "${username}".`,
      { constraint: 'accounts_platform_username_unique', existingId: clash.id },
    )
  }
}
