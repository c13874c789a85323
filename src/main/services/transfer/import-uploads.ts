import { randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3'
import {
  MAX_IMPORT_TEXT_CHARS,
  UPLOAD_TTL_MS,
  type ImportPreviewInput,
  type ImportPreviewRequest,
  type ImportUpload,
  type ImportUploadInput,
} from '../../../shared/contracts/import'
import { AppError } from '../../../shared/errors'
import type { Clock } from '../../clock'

/*
 * Large inputs arrive in pieces (`import:upload`) so neither side handles one multi-megabyte
 * message in a single task; `import:preview({ source: 'upload' })` then joins them and previews
 * the text as if it had been sent whole. Uploads hold text only: nothing is parsed or stored here.
 */

interface Upload {
  readonly id: string
  readonly pieces: string[]
  received: number
  expiresAt: number
}

type UploadContext = { sqlite: Database.Database; clock: Clock }

class UploadStore {
  private readonly uploads = new Map<string, Upload>()
  private sweepTimer: NodeJS.Timeout | null = null

  constructor(public clock: Clock) {}

  append(input: ImportUploadInput): ImportUpload {
    this.sweep()
    const upload =
      input.uploadId === undefined ? this.start(input.offset) : this.get(input.uploadId)
    if (input.offset !== upload.received) {
      throw new AppError(
        'CONFLICT',
        `This piece starts at character ${input.offset.toLocaleString('en')} but the upload ` +
          `holds ${upload.received.toLocaleString('en')}: send the pieces in order, each once.`,
        { entity: 'upload', uploadId: upload.id, receivedChars: upload.received },
      )
    }
    if (upload.received + input.chunk.length > MAX_IMPORT_TEXT_CHARS) {
      // Nothing more can be added to it, so its memory goes back now.
      this.uploads.delete(upload.id)
      throw new AppError(
        'VALIDATION',
        'The input is larger than 64 MB; split it into smaller files.',
      )
    }
    upload.pieces.push(input.chunk)
    upload.received += input.chunk.length
    upload.expiresAt = this.clock.now() + UPLOAD_TTL_MS
    this.makeRoom(upload)
    this.scheduleSweep()
    return { uploadId: upload.id, receivedChars: upload.received, expiresAt: upload.expiresAt }
  }

  /** The whole text, and the upload is gone: a preview uses it up. */
  take(id: string): string {
    this.sweep()
    const upload = this.get(id)
    this.uploads.delete(id)
    return upload.pieces.join('')
  }

  private start(offset: number): Upload {
    if (offset !== 0) {
      throw new AppError(
        'VALIDATION',
        'The first piece of an upload starts at offset 0; name the upload (uploadId) to add more.',
      )
    }
    const upload: Upload = { id: randomUUID(), pieces: [], received: 0, expiresAt: 0 }
    this.uploads.set(upload.id, upload)
    return upload
  }

  private get(id: string): Upload {
    const upload = this.uploads.get(id)
    if (!upload) {
      throw new AppError(
        'NOT_FOUND',
        'This upload is no longer available (it was previewed already, or nothing was added to ' +
          'it for 10 minutes). Paste or choose the file again.',
        { entity: 'upload', uploadId: id },
      )
    }
    return upload
  }

  /** All held uploads together stay within one largest input: the oldest others make room. */
  private makeRoom(current: Upload): void {
    let held = 0
    for (const upload of this.uploads.values()) held += upload.received
    // Oldest first (Map keeps insertion order); an abandoned upload goes before a live one.
    for (const [id, upload] of this.uploads) {
      if (held <= MAX_IMPORT_TEXT_CHARS) break
      if (upload === current) continue
      this.uploads.delete(id)
      held -= upload.received
    }
  }

  private sweep(): void {
    const now = this.clock.now()
    for (const [id, upload] of this.uploads) {
      if (upload.expiresAt <= now) this.uploads.delete(id)
    }
  }

  // An upload the renderer walked away from (dialog closed mid-way) must not hold its text until
  // the next import; unref'd so it keeps no finished process alive.
  private scheduleSweep(): void {
    if (this.sweepTimer) return
    this.sweepTimer = setTimeout(() => {
      this.sweepTimer = null
      this.sweep()
      if (this.uploads.size > 0) this.scheduleSweep()
    }, UPLOAD_TTL_MS)
    this.sweepTimer.unref()
  }
}

// One store per database connection, as the batches (import-batches.ts): contexts never share.
const stores = new WeakMap<Database.Database, UploadStore>()

function uploadStore(ctx: UploadContext): UploadStore {
  let store = stores.get(ctx.sqlite)
  if (!store) {
    store = new UploadStore(ctx.clock)
    stores.set(ctx.sqlite, store)
  }
  store.clock = ctx.clock
  return store
}

/** `import:upload`: appends a piece to an upload (a new one when no id is given). */
export function appendUpload(ctx: UploadContext, input: ImportUploadInput): ImportUpload {
  return uploadStore(ctx).append(input)
}

/** What `previewImport` reads for any preview request: an upload becomes its joined text. */
export function previewSource(ctx: UploadContext, input: ImportPreviewRequest): ImportPreviewInput {
  if (input.source !== 'upload') return input
  const { uploadId, ...options } = input
  return { ...options, source: 'text', text: uploadStore(ctx).take(uploadId) }
}
