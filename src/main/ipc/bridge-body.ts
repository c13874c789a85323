import type { IncomingMessage } from 'node:http'

/** What a POST body turned into: the parsed JSON, or why it was refused (status and message). */
type BodyOutcome =
  { ok: true; input: unknown } | { ok: false; status: 400 | 413 | 415; message: string }

/**
 * `application/json`, optionally with parameters (`; charset=utf-8`), and nothing else: a
 * cross-site form cannot send it without a CORS preflight, and a prefix test would let
 * `application/jsonp` or `application/json-seq` through.
 */
function isJsonMediaType(header: string | undefined): boolean {
  const mediaType = (header ?? '').split(';', 1)[0]?.trim().toLowerCase()
  return mediaType === 'application/json'
}

// fatal: bytes that are not UTF-8 are refused, never replaced by U+FFFD and stored.
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Reads, decodes and parses a JSON request body of at most `limit` bytes. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<BodyOutcome> {
  if (!isJsonMediaType(req.headers['content-type'])) {
    return { ok: false, status: 415, message: 'Send the input as application/json' }
  }
  const bytes = await readBytes(req, limit)
  if (bytes === null) return { ok: false, status: 413, message: 'Request body too large' }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return { ok: false, status: 400, message: 'The request body is not valid UTF-8' }
  }
  try {
    return { ok: true, input: text.length === 0 ? undefined : JSON.parse(text) }
  } catch {
    return { ok: false, status: 400, message: 'The request body is not valid JSON' }
  }
}

function readBytes(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooLarge = true
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}
