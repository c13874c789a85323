import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../ipc/dispatch'
import { assignAccount } from '../assignment/moves'
import { call } from '../../../../test/support/transfer'
import { createFixture, type Fixture } from '../../../../test/support/fixture'

let f: Fixture
let model: number

beforeEach(async () => {
  f = await createFixture()
  model = f.model('Ava')
})
afterEach(async () => {
  await f.dispose()
})

const TEXT = [
  '# accounts for Ava',
  'instagram,ava.one',
  'TikTok , ava.two',
  'myspace,ava.three',
  'instagram,ava.one',
  'reddit',
  'twitter,taken',
  '',
  'reddit;ava.four',
].join('\n')

describe('accounts: bulk add by paste', () => {
  it('previews every line with its own error and stores nothing', async () => {
    f.account(model, { platform: 'twitter', username: 'taken' })
    const before = f.count('SELECT count(*) FROM accounts')
    const preview = await call(f.ctx, 'accounts:bulkPreview', { modelId: model, text: TEXT })
    expect(preview.counts).toEqual({ total: 7, new: 3, error: 4 })
    expect(preview.lines.map((l) => [l.line, l.status === 'error' ? l.reason : 'new'])).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'unknown_platform'],
      [5, 'repeated_line'],
      [6, 'malformed_line'],
      [7, 'already_exists'],
      [9, 'new'],
    ])
    expect(preview.lines[1]).toMatchObject({ platform: 'tiktok', username: 'ava.two' })
    expect(f.count('SELECT count(*) FROM accounts')).toBe(before)
  })

  it('stores the new lines for the model in one go and reports the rest', async () => {
    const result = await call(f.ctx, 'accounts:bulkCreate', { modelId: model, text: TEXT })
    expect(result.created).toBe(4)
    expect(result.errors.map((e) => e.line)).toEqual([4, 5, 6])
    const rows = f.rows<{ platform: string; username: string; status: string; proxy_id: null }>(
      'SELECT platform, username, status, proxy_id FROM accounts WHERE model_id = ? ORDER BY id',
      model,
    )
    expect(rows.map((r) => `${r.platform},${r.username}`)).toEqual([
      'instagram,ava.one',
      'tiktok,ava.two',
      'twitter,taken',
      'reddit,ava.four',
    ])
    expect(rows.every((r) => r.status === 'active' && r.proxy_id === null)).toBe(true)
  })

  it('validates in main: an unknown model, an empty text', async () => {
    const missing = await dispatch(f.ctx, 'accounts:bulkCreate', { modelId: 999, text: 'reddit,x' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const empty = await dispatch(f.ctx, 'accounts:bulkPreview', { modelId: model, text: '' })
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(f.count('SELECT count(*) FROM accounts')).toBe(0)
  })
})

describe('accounts: invalidate with a reason', () => {
  it('keeps the reason and note in the history row of the released proxy', async () => {
    const proxy = f.proxy(f.provider())
    const account = f.account(model)
    assignAccount(f.ctx, account, proxy, { reason: 'manual', actor: 'operator' })
    await call(f.ctx, 'accounts:setStatus', {
      ids: [account],
      status: 'invalid',
      invalidReason: 'other',
      note: 'phone number lost',
    })
    const [row] = f.rows<{ reason: string; detail: string }>(
      `SELECT reason, detail FROM proxy_assignment_history WHERE action = 'released'`,
    )
    expect(row).toEqual({ reason: 'account_invalid', detail: 'Other: phone number lost' })
  })

  it('refuses "other" without a note, and a reason with another status', async () => {
    const account = f.account(model)
    const noNote = await dispatch(f.ctx, 'accounts:setStatus', {
      ids: [account],
      status: 'invalid',
      invalidReason: 'other',
    })
    expect(noNote).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const removed = await dispatch(f.ctx, 'accounts:setStatus', {
      ids: [account],
      status: 'removed',
      invalidReason: 'banned',
    })
    expect(removed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})
