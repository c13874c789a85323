import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestContext } from '../../../../test/support/context'
import type { AppContext } from '../../context'
import { call, provider, storedProxies, withContext } from '../../../../test/support/transfer'
import { ROWS_PER_INSERT } from './import-write'

// Full chunks go through the chunk INSERT (import-insert.ts), which binds once what every row of
// the chunk shares. Each column here is shared by the rows of some chunks and differs in others
// (in one row only, or on every row), and every stored row must still be exactly its line.

const CHUNKS = 3
const ROWS = CHUNKS * ROWS_PER_INSERT + 17

interface Line {
  protocol: string
  host: string
  port: number
  username: string
  password: string
  provider: string
  location: string
  country: string
  tags: string[]
  notes: string
}

/** Chunk c varies its own columns: chunk 0 nothing but the key, 1 one row, 2 every row. */
function line(i: number): Line {
  const chunk = Math.floor(i / ROWS_PER_INSERT)
  const lastOfChunk = i % ROWS_PER_INSERT === ROWS_PER_INSERT - 1
  const varies = chunk === 2 || (chunk === 1 && lastOfChunk)
  return {
    protocol: varies && i % 2 ? 'socks5' : 'http',
    // One host for the whole chunk 0 (ports differ): the host is shared there too.
    host: chunk === 0 ? 'gate.example.com' : `10.9.${i >> 8}.${i & 255}`,
    port: 1000 + i,
    username: `user${i}`,
    password: `pw${i}`,
    provider: varies && i % 3 ? 'Other' : '',
    location: varies ? `loc${i}` : '',
    country: varies && i % 5 ? 'DE' : '',
    tags: varies ? [`t${i % 4}`] : [],
    notes: varies ? `note ${i}` : '',
  }
}

function csv(lines: Line[]): string {
  const header = 'protocol,host,port,username,password,provider,location,country,tags,notes'
  const rows = lines.map((l) =>
    [
      l.protocol,
      l.host,
      l.port,
      l.username,
      l.password,
      l.provider,
      l.location,
      l.country,
      `"${l.tags.join(',')}"`,
      l.notes,
    ].join(','),
  )
  return [header, ...rows].join('\n')
}

describe('import: chunks whose rows share some columns and not others', () => {
  let test: TestContext
  let ctx: AppContext

  beforeEach(async () => {
    test = await withContext()
    ctx = test.ctx
  })
  afterEach(() => test.dispose())

  it('stores every row exactly as its line, whatever its chunk shared', async () => {
    const main = provider(ctx, 'Main')
    provider(ctx, 'Other')
    const lines = Array.from({ length: ROWS }, (_, i) => line(i))
    const preview = await call(ctx, 'import:preview', { source: 'text', text: csv(lines) })
    expect(preview.counts).toMatchObject({ new: ROWS, error: 0 })
    const result = await call(ctx, 'import:commit', {
      importId: preview.importId,
      providerId: main,
    })
    expect(result.inserted).toBe(ROWS)
    const stored = storedProxies(ctx)
    expect(stored.map(({ id: _id, remoteDns: _dns, rotationUrl: _url, ...row }) => row)).toEqual(
      lines.map((l) => ({
        provider: l.provider || 'Main',
        protocol: l.protocol,
        host: l.host,
        port: l.port,
        username: l.username,
        password: l.password,
        location: l.location || null,
        country: l.country || null,
        tags: l.tags,
        notes: l.notes || null,
      })),
    )
    // Ids follow the lines, as before.
    const ids = stored.map((p) => p.id)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
  })
})
