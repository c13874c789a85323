import {
  MAX_BULK_ACCOUNTS,
  type AccountBulkInput,
  type AccountBulkLine,
  type AccountBulkPreview,
  type AccountBulkResult,
} from '../../../shared/contracts/accounts'
import { isWellFormedText } from '../../../shared/contracts/fields'
import { accountPlatforms, type AccountPlatform } from '../../../shared/domain'
import { AppError } from '../../../shared/errors'
import { accounts } from '../../db/schema'
import {
  inTransaction,
  insertRow,
  missingIds,
  notFound,
  stmt,
  type ServiceContext,
} from '../service-context'

type ErrorLine = Extract<AccountBulkLine, { status: 'error' }>

const platforms = new Set<string>(accountPlatforms)

/**
 * Reads `platform,username` lines (a tab or `;` works as the comma too) and judges each against
 * the earlier lines and the stored accounts. Usernames follow the single form's rules: trimmed,
 * 1-200 characters, unique per platform.
 */
function judgeLines(ctx: ServiceContext, text: string): AccountBulkLine[] {
  const out: AccountBulkLine[] = []
  const seen = new Map<string, number>()
  const stored = stmt(ctx.sqlite, 'SELECT id FROM accounts WHERE platform = ? AND username = ?')
  const physical = text.split(/\r\n|\n|\r/)
  for (let i = 0; i < physical.length; i++) {
    const raw = (physical[i] ?? '').trim()
    if (raw === '' || raw.startsWith('#')) continue
    if (out.length === MAX_BULK_ACCOUNTS) {
      throw new AppError(
        'VALIDATION',
        `At most ${MAX_BULK_ACCOUNTS.toLocaleString('en')} accounts at once; split the list.`,
        { issues: [{ path: 'text', message: 'Too many lines', code: 'custom' }] },
      )
    }
    const line = i + 1
    const cut = raw.search(/[,;\t]/)
    if (cut === -1) {
      out.push(error(line, 'malformed_line', 'write platform,username', null, null))
      continue
    }
    const platformText = raw.slice(0, cut).trim().toLowerCase()
    const username = raw.slice(cut + 1).trim()
    const platform = platforms.has(platformText) ? (platformText as AccountPlatform) : null
    if (!platform) {
      out.push(
        error(
          line,
          'unknown_platform',
          `the platform is one of ${accountPlatforms.join(', ')}`,
          null,
          username || null,
        ),
      )
      continue
    }
    if (username.length === 0 || username.length > 200 || !isWellFormedText(username)) {
      out.push(error(line, 'invalid_username', 'a username is 1 to 200 characters', platform, null))
      continue
    }
    const key = `${platform}\u0000${username}`
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      out.push(error(line, 'repeated_line', `repeats line ${earlier}`, platform, username))
      continue
    }
    seen.set(key, line)
    const clash = stored.get(platform, username) as { id: number } | undefined
    if (clash) {
      out.push(
        error(
          line,
          'already_exists',
          `account #${clash.id} already uses this username`,
          platform,
          username,
        ),
      )
      continue
    }
    out.push({ line, status: 'new', platform, username })
  }
  return out
}

function error(
  line: number,
  reason: ErrorLine['reason'],
  message: string,
  platform: AccountPlatform | null,
  username: string | null,
): ErrorLine {
  return { line, status: 'error', reason, message, platform, username }
}

function assertModel(ctx: ServiceContext, modelId: number): void {
  if (missingIds(ctx.sqlite, 'models', [modelId]).length) throw notFound('model', modelId)
}

export function previewBulkAccounts(
  ctx: ServiceContext,
  input: AccountBulkInput,
): AccountBulkPreview {
  assertModel(ctx, input.modelId)
  const lines = judgeLines(ctx, input.text)
  const created = lines.filter((l) => l.status === 'new').length
  return { lines, counts: { total: lines.length, new: created, error: lines.length - created } }
}

/**
 * Judges the text again (the database may have changed since the preview) and stores every new
 * line in one transaction, unassigned and active, as `accounts:create` does one (which writes no
 * history either: history records proxy moves). A line refused now is reported, not stored.
 */
export function createBulkAccounts(
  ctx: ServiceContext,
  input: AccountBulkInput,
): AccountBulkResult {
  return inTransaction(ctx, () => {
    assertModel(ctx, input.modelId)
    const lines = judgeLines(ctx, input.text)
    const now = ctx.clock.now()
    const ids: number[] = []
    const errors: ErrorLine[] = []
    for (const line of lines) {
      if (line.status === 'error') {
        errors.push(line)
        continue
      }
      ids.push(
        insertRow(ctx, accounts, {
          modelId: input.modelId,
          platform: line.platform,
          username: line.username,
          createdAt: now,
          updatedAt: now,
        }),
      )
    }
    return { created: ids.length, ids, errors }
  })
}
