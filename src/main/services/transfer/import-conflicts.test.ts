import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestContext } from '../../../../test/support/context'
import type { AppContext } from '../../context'
import {
  call,
  provider,
  rejection,
  storedProxies,
  withContext,
} from '../../../../test/support/transfer'

// Lines 1 and 3 name one proxy with two passwords; line 4 repeats line 2 exactly; lines 5-7 name
// another proxy three times, the last line also carrying a location.
const INPUT = [
  '10.9.0.1:8080:alice:first-pw',
  '10.9.0.2:8080:bob:same-pw',
  '10.9.0.1:8080:alice:second-pw',
  '10.9.0.2:8080:bob:same-pw',
  'socks5://carol:one@10.9.0.3:1080',
  'socks5://carol:two@10.9.0.3:1080',
  'socks5://carol:three@10.9.0.3:1080',
].join('\n')

describe('import: a repeated proxy with another password is a conflict the operator settles', () => {
  let test: TestContext
  let ctx: AppContext
  let main: number

  beforeEach(async () => {
    test = await withContext()
    ctx = test.ctx
    main = provider(ctx, 'Main')
  })
  afterEach(() => test.dispose())

  const passwords = () =>
    Object.fromEntries(storedProxies(ctx).map((p) => [p.username ?? '', p.password]))

  it('shows conflicts apart from identical repeats, naming the first line of the key', async () => {
    const preview = await call(ctx, 'import:preview', { source: 'text', text: INPUT })
    expect(preview.conflicts).toBe(3)
    expect(preview.counts).toMatchObject({ new: 3, duplicate: 1, duplicateOfLine: 1 })
    const rows = await call(ctx, 'import:previewRows', {
      importId: preview.importId,
      filter: 'conflict',
    })
    expect(
      rows.items.map((row) => [row.line, row.status === 'conflict' && row.conflictOf]),
    ).toEqual([
      [3, { line: 1 }],
      [6, { line: 5 }],
      [7, { line: 5 }],
    ])
    expect(JSON.stringify(rows)).not.toContain('second-pw')
  })

  it('keeps the first line of every conflict by default', async () => {
    const { importId } = await call(ctx, 'import:preview', { source: 'text', text: INPUT })
    const result = await call(ctx, 'import:commit', { importId, providerId: main })
    expect(result).toMatchObject({
      inserted: 3,
      skippedLines: 1,
      conflicts: { keptFirst: 2, keptLast: 0 },
    })
    expect(passwords()).toEqual({ alice: 'first-pw', bob: 'same-pw', carol: 'one' })
  })

  it('keeps the last line for all, or per conflict', async () => {
    const all = await call(ctx, 'import:preview', { source: 'text', text: INPUT })
    await call(ctx, 'import:commit', {
      importId: all.importId,
      providerId: main,
      conflicts: 'last',
    })
    expect(passwords()).toEqual({ alice: 'second-pw', bob: 'same-pw', carol: 'three' })
  })

  it('honours a choice per conflict over the choice for all', async () => {
    const { importId } = await call(ctx, 'import:preview', { source: 'text', text: INPUT })
    const result = await call(ctx, 'import:commit', {
      importId,
      providerId: main,
      conflicts: 'first',
      conflictChoices: [{ line: 5, keep: 'last' }],
    })
    expect(result.conflicts).toEqual({ keptFirst: 1, keptLast: 1 })
    expect(passwords()).toEqual({ alice: 'first-pw', bob: 'same-pw', carol: 'three' })
    // Ids follow the first line of each key, whichever line's fields were stored.
    expect(storedProxies(ctx).map((p) => p.username)).toEqual(['alice', 'bob', 'carol'])
  })

  it('updates a stored proxy from the chosen line', async () => {
    const first = await call(ctx, 'import:preview', {
      source: 'text',
      text: '10.9.0.1:8080:alice:x',
    })
    await call(ctx, 'import:commit', { importId: first.importId, providerId: main })
    const { importId } = await call(ctx, 'import:preview', { source: 'text', text: INPUT })
    const result = await call(ctx, 'import:commit', {
      importId,
      providerId: main,
      duplicates: 'update',
      conflictChoices: [{ line: 1, keep: 'last' }],
    })
    expect(result).toMatchObject({ inserted: 2, updated: 1 })
    expect(passwords().alice).toBe('second-pw')
  })

  it('refuses a choice for a line that starts no conflict, storing nothing', async () => {
    const { importId } = await call(ctx, 'import:preview', { source: 'text', text: INPUT })
    const error = await rejection(
      call(ctx, 'import:commit', {
        importId,
        providerId: main,
        conflictChoices: [{ line: 2, keep: 'last' }],
      }),
    )
    expect(error.code).toBe('VALIDATION')
    expect(storedProxies(ctx)).toHaveLength(0)
    // The batch is still there for a corrected try.
    await call(ctx, 'import:commit', { importId, providerId: main })
    expect(storedProxies(ctx)).toHaveLength(3)
  })
})
