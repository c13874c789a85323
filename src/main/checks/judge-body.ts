/**
 * A judge answer's body as http-exchange.ts delivers it: chunks pushed by the parser, read with
 * `for await` by readCapped / bodyContains. Leaving the loop early (cap reached, keyword found)
 * calls `onAbandon`, which closes the connection, as leaving a stream's loop destroys it.
 */
export class JudgeBody implements AsyncIterable<Buffer> {
  private chunks: Buffer[] = []
  private done = false
  private error: unknown = null
  private wake: (() => void) | null = null

  constructor(private readonly onAbandon: () => void) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.signal()
  }

  end(): void {
    this.done = true
    this.signal()
  }

  fail(error: unknown): void {
    this.error = error
    this.done = true
    this.signal()
  }

  /** The reader is not interested in the rest. */
  abandon(): void {
    if (this.done) return
    this.done = true
    this.chunks = []
    this.onAbandon()
  }

  private signal(): void {
    const wake = this.wake
    this.wake = null
    wake?.()
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    let finished = false
    try {
      for (;;) {
        const chunk = this.chunks.shift()
        if (chunk !== undefined) {
          yield chunk
          continue
        }
        if (this.error !== null) throw this.error
        if (this.done) {
          finished = true
          return
        }
        await new Promise<void>((resolve) => {
          this.wake = resolve
        })
      }
    } finally {
      if (!finished) this.abandon()
    }
  }
}
