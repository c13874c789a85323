import { MAX_UPLOAD_CHUNK_CHARS } from '../../../../shared/contracts/import'
import type { Client } from '../../../../shared/client'

/*
 * A large list is held outside the textarea. A controlled textarea holding 100,000 lines costs
 * seconds per change (the browser lays out every line, React compares and copies the value, the
 * autosize measures it again): the window stops painting. Held text lives in pieces (PIECE_CHARS),
 * counted and sent a piece per task with awaits between.
 */

/** From here on (~2,000 lines) a paste or a file is held, not put in the editable textarea. */
export const LARGE_INPUT_CHARS = 100_000

/**
 * Characters (or file bytes) per piece: a quarter of what main takes. Encoding and sending a
 * piece is one task here (JSON or structured clone, then the copy to the network or IPC): at
 * 1 MB that task was as long as the dialog's own render on a busy machine.
 */
export const PIECE_CHARS = Math.min(256 * 1024, MAX_UPLOAD_CHUNK_CHARS)

/** What the dialog shows of held text; the pieces themselves stay out of React state. */
export interface HeldSummary {
  /** Non-blank lines, as the textarea's own count. */
  lines: number
  chars: number
  fileName: string | null
}

export interface HeldInput extends HeldSummary {
  pieces: string[]
}

/** Yields to the event loop so the window paints between pieces. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/**
 * Cuts `text` into pieces of at most `max` characters, after a line break where the piece has
 * one, and never inside a surrogate pair (each piece must be well-formed text on its own).
 */
export function cutPieces(text: string, max = PIECE_CHARS): string[] {
  const pieces: string[] = []
  let start = 0
  while (start < text.length) {
    let end = Math.min(text.length, start + max)
    if (end < text.length) {
      const newline = text.lastIndexOf('\n', end - 1)
      if (newline >= start) end = newline + 1
      else if (isHighSurrogate(text.charCodeAt(end - 1))) end--
    }
    pieces.push(text.slice(start, end))
    start = end
  }
  return pieces
}

// What String.prototype.trim removes: a line of only these is blank.
function isBlank(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/** Non-blank lines over pieces fed one at a time (a line may run across pieces). */
export class LineCounter {
  private lines = 0
  /** The line being read has a non-blank character. */
  private filled = false

  add(piece: string): void {
    let start = 0
    for (;;) {
      const end = piece.indexOf('\n', start)
      const stop = end === -1 ? piece.length : end
      for (let i = start; !this.filled && i < stop; i++) {
        if (!isBlank(piece.charCodeAt(i))) this.filled = true
      }
      if (end === -1) return
      if (this.filled) this.lines++
      this.filled = false
      start = end + 1
    }
  }

  get count(): number {
    return this.lines + (this.filled ? 1 : 0)
  }
}

/** Pasted (or dropped) text as held pieces, counted a piece per task. */
export async function holdText(text: string, fileName: string | null): Promise<HeldInput> {
  const pieces = cutPieces(text)
  const counter = new LineCounter()
  for (const piece of pieces) {
    await nextTask()
    counter.add(piece)
  }
  return { pieces, lines: counter.count, chars: text.length, fileName }
}

/**
 * A chosen file read a slice at a time (never `file.text()`: it would be one string, and it
 * replaces bytes that are not UTF-8 with U+FFFD silently); throws on bytes that are not UTF-8.
 */
export async function readFileHeld(
  file: File,
  onProgress: (bytesRead: number) => void,
): Promise<HeldInput> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const counter = new LineCounter()
  const pieces: string[] = []
  let chars = 0
  const keep = (piece: string) => {
    if (!piece) return
    counter.add(piece)
    pieces.push(piece)
    chars += piece.length
  }
  // A slice of N bytes decodes to at most N UTF-16 units, so a piece is never over the limit; a
  // multi-byte character cut by the slice waits in the decoder for the next one.
  for (let offset = 0; offset < file.size; offset += PIECE_CHARS) {
    const bytes = await file.slice(offset, offset + PIECE_CHARS).arrayBuffer()
    keep(decoder.decode(bytes, { stream: true }))
    onProgress(Math.min(file.size, offset + PIECE_CHARS))
  }
  keep(decoder.decode())
  return { pieces, lines: counter.count, chars, fileName: file.name }
}

/** Sends held pieces to main in order, one call each, and answers the upload's id. */
export async function uploadHeld(
  client: Client,
  pieces: readonly string[],
  onProgress: (charsSent: number) => void,
): Promise<string> {
  let uploadId: string | undefined
  let offset = 0
  for (const chunk of pieces) {
    const answer = await client.call('import:upload', {
      ...(uploadId ? { uploadId } : {}),
      offset,
      chunk,
    })
    uploadId = answer.uploadId
    offset = answer.receivedChars
    onProgress(offset)
  }
  if (!uploadId) throw new Error('Nothing to upload')
  return uploadId
}
