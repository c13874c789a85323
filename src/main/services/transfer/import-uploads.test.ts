import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../../../test/support/context'
import { manualClock, type ManualClock } from '../../../../test/support/fixture'
import { call, provider, rejection, storedProxies } from '../../../../test/support/transfer'
import {
  MAX_IMPORT_TEXT_CHARS,
  MAX_UPLOAD_CHUNK_CHARS,
  UPLOAD_TTL_MS,
} from '../../../shared/contracts/import'
import type { AppContext } from '../../context'

function lines(count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `10.7.${i >> 8}.${i & 255}:8080:user${i}:pass${i}`,
  ).join('\n')
}

/** Sends `text` in pieces of `size` through the real dispatch, as the renderer does. */
async function upload(ctx: AppContext, text: string, size: number): Promise<string> {
  let uploadId: string | undefined
  for (let offset = 0; offset < text.length; offset += size) {
    const answer = await call(ctx, 'import:upload', {
      ...(uploadId ? { uploadId } : {}),
      offset,
      chunk: text.slice(offset, offset + size),
    })
    uploadId = answer.uploadId
    expect(answer.receivedChars).toBe(Math.min(text.length, offset + size))
  }
  return uploadId as string
}

describe('import:upload: a large input in pieces', () => {
  let test: TestContext
  let ctx: AppContext
  let clock: ManualClock

  beforeEach(async () => {
    clock = manualClock()
    test = await createTestContext({ clock })
    ctx = test.ctx
  })
  afterEach(() => test.dispose())

  it('previews and commits the joined pieces exactly as the same text sent whole', async () => {
    const providerId = provider(ctx, 'Main')
    const text = lines(3_000)
    const uploadId = await upload(ctx, text, 10_007)
    const fromUpload = await call(ctx, 'import:preview', {
      source: 'upload',
      uploadId,
      fileName: 'list.txt',
    })
    const whole = await call(ctx, 'import:preview', { source: 'text', text })
    expect(fromUpload.counts).toEqual(whole.counts)
    expect(fromUpload.counts.new).toBe(3_000)
    expect(fromUpload.fileName).toBe('list.txt')
    expect(fromUpload.rows.items).toEqual(whole.rows.items)
    await call(ctx, 'import:discard', { importId: whole.importId })

    const result = await call(ctx, 'import:commit', { importId: fromUpload.importId, providerId })
    expect(result.inserted).toBe(3_000)
    const stored = storedProxies(ctx)
    expect(stored).toHaveLength(3_000)
    expect(stored[2_999]).toMatchObject({ host: '10.7.11.183', password: 'pass2999' })
  })

  it('is used up by its preview', async () => {
    const uploadId = await upload(ctx, lines(10), 1_000)
    await call(ctx, 'import:preview', { source: 'upload', uploadId })
    const again = await rejection(call(ctx, 'import:preview', { source: 'upload', uploadId }))
    expect(again.code).toBe('NOT_FOUND')
    expect(again.message).toContain('Paste or choose the file again')
  })

  it('refuses a piece sent twice, skipped or out of order, and keeps what it holds', async () => {
    const text = lines(20)
    const first = await call(ctx, 'import:upload', { offset: 0, chunk: text.slice(0, 100) })
    const repeated = await rejection(
      call(ctx, 'import:upload', {
        uploadId: first.uploadId,
        offset: 0,
        chunk: text.slice(0, 100),
      }),
    )
    expect(repeated.code).toBe('CONFLICT')
    expect(repeated.message).toContain('holds 100')
    const skipped = await rejection(
      call(ctx, 'import:upload', { uploadId: first.uploadId, offset: 200, chunk: 'x' }),
    )
    expect(skipped.code).toBe('CONFLICT')
    await call(ctx, 'import:upload', {
      uploadId: first.uploadId,
      offset: 100,
      chunk: text.slice(100),
    })
    const preview = await call(ctx, 'import:preview', {
      source: 'upload',
      uploadId: first.uploadId,
    })
    expect(preview.counts.new).toBe(20)
  })

  it('starts an upload only at offset 0, and knows no made-up id', async () => {
    const late = await rejection(call(ctx, 'import:upload', { offset: 5, chunk: 'abc' }))
    expect(late.code).toBe('VALIDATION')
    const unknown = await rejection(
      call(ctx, 'import:upload', { uploadId: randomUUID(), offset: 0, chunk: 'abc' }),
    )
    expect(unknown.code).toBe('NOT_FOUND')
    const notAnId = await rejection(
      call(ctx, 'import:upload', { uploadId: 'nope', offset: 0, chunk: 'abc' }),
    )
    expect(notAnId.code).toBe('VALIDATION')
  })

  it('validates each piece: not empty, not too long, well-formed text', async () => {
    const empty = await rejection(call(ctx, 'import:upload', { offset: 0, chunk: '' }))
    expect(empty.code).toBe('VALIDATION')
    const tooLong = await rejection(
      call(ctx, 'import:upload', { offset: 0, chunk: 'a'.repeat(MAX_UPLOAD_CHUNK_CHARS + 1) }),
    )
    expect(tooLong.code).toBe('VALIDATION')
    expect(tooLong.message).toContain('at most 1,048,576 characters')
    // A piece cut inside a surrogate pair is not text on its own.
    const halfPair = await rejection(call(ctx, 'import:upload', { offset: 0, chunk: 'a\uD83D' }))
    expect(halfPair.code).toBe('VALIDATION')
    const nul = await rejection(call(ctx, 'import:upload', { offset: 0, chunk: 'a\0b' }))
    expect(nul.code).toBe('VALIDATION')
  })

  it('refuses to grow past the largest input and drops that upload', async () => {
    const piece = 'x'.repeat(MAX_UPLOAD_CHUNK_CHARS)
    const pieces = MAX_IMPORT_TEXT_CHARS / MAX_UPLOAD_CHUNK_CHARS
    let uploadId = ''
    for (let i = 0; i < pieces; i++) {
      const answer = await call(ctx, 'import:upload', {
        ...(uploadId ? { uploadId } : {}),
        offset: i * piece.length,
        chunk: piece,
      })
      uploadId = answer.uploadId
    }
    const over = await rejection(
      call(ctx, 'import:upload', { uploadId, offset: MAX_IMPORT_TEXT_CHARS, chunk: 'x' }),
    )
    expect(over.code).toBe('VALIDATION')
    expect(over.message).toContain('larger than 64 MB')
    const gone = await rejection(call(ctx, 'import:preview', { source: 'upload', uploadId }))
    expect(gone.code).toBe('NOT_FOUND')
  })

  it('expires after ten minutes without a piece; each piece extends it', async () => {
    const text = lines(4)
    const first = await call(ctx, 'import:upload', { offset: 0, chunk: text.slice(0, 10) })
    expect(first.expiresAt).toBe(clock.now() + UPLOAD_TTL_MS)
    clock.advance(UPLOAD_TTL_MS - 1)
    const second = await call(ctx, 'import:upload', {
      uploadId: first.uploadId,
      offset: 10,
      chunk: text.slice(10),
    })
    expect(second.expiresAt).toBe(clock.now() + UPLOAD_TTL_MS)
    clock.advance(UPLOAD_TTL_MS)
    const expired = await rejection(
      call(ctx, 'import:preview', { source: 'upload', uploadId: first.uploadId }),
    )
    expect(expired.code).toBe('NOT_FOUND')
  })

  it('holds at most one largest input over all uploads: the oldest makes room', async () => {
    const piece = 'y'.repeat(MAX_UPLOAD_CHUNK_CHARS)
    const half = MAX_IMPORT_TEXT_CHARS / MAX_UPLOAD_CHUNK_CHARS / 2
    const fill = async () => {
      let uploadId = ''
      for (let i = 0; i < half; i++) {
        const answer = await call(ctx, 'import:upload', {
          ...(uploadId ? { uploadId } : {}),
          offset: i * piece.length,
          chunk: piece,
        })
        uploadId = answer.uploadId
      }
      return uploadId
    }
    const oldest = await fill()
    const middle = await fill()
    // A third upload's first piece goes over: the oldest upload is dropped, not the new one.
    const newest = await call(ctx, 'import:upload', { offset: 0, chunk: lines(3) })
    expect(
      (
        await rejection(
          call(ctx, 'import:upload', {
            uploadId: oldest,
            offset: MAX_IMPORT_TEXT_CHARS / 2,
            chunk: 'y',
          }),
        )
      ).code,
    ).toBe('NOT_FOUND')
    await call(ctx, 'import:upload', {
      uploadId: middle,
      offset: MAX_IMPORT_TEXT_CHARS / 2,
      chunk: 'y',
    })
    const preview = await call(ctx, 'import:preview', {
      source: 'upload',
      uploadId: newest.uploadId,
    })
    expect(preview.counts.new).toBe(3)
  })
})
