import { schemeLength } from './scheme'

const MAX_RAW_LENGTH = 160
const MASK = '***'

/**
 * A failed line as it may be shown back to the operator: what the line's shape says is a
 * password is replaced by `***` (best effort: a line too broken to read may keep it), and the
 * result is truncated.
 */
export function redactLine(line: string): string {
  const masked = maskPasswordInLine(line)
  return masked.length > MAX_RAW_LENGTH ? `${masked.slice(0, MAX_RAW_LENGTH)}…` : masked
}

function maskPasswordInLine(line: string): string {
  const schemeEnd = schemeLength(line)
  const start = schemeEnd > 0 ? schemeEnd + 3 : 0
  const at = line.lastIndexOf('@')
  if (at > start) {
    // user:pass@host:port, and the tail of host:port@user:pass
    const colon = line.indexOf(':', start)
    const head = colon >= 0 && colon < at ? `${line.slice(0, colon + 1)}${MASK}` : line.slice(0, at)
    const tail = line.slice(at)
    const tailColon = tail.indexOf(':')
    const tailIsPort = /^:\d*$/.test(tail.slice(tailColon))
    return head + (tailColon < 0 || tailIsPort ? tail : `${tail.slice(0, tailColon + 1)}${MASK}`)
  }
  // host:port:user:pass: everything after the third separator, brackets of IPv6 skipped.
  let index = start
  if (line.charCodeAt(index) === 91 /* [ */) index = Math.max(line.indexOf(']', index), index)
  for (let separators = 0; separators < 3; separators++) {
    index = line.indexOf(':', index + (separators === 0 ? 0 : 1))
    if (index < 0) return line
  }
  return `${line.slice(0, index + 1)}${MASK}`
}

/**
 * Masks known credentials (raw and URL-encoded) in a message, e.g. a check's error text. Secrets
 * shorter than 3 characters are left alone: masking every "a" would garble messages and reveal
 * nothing.
 */
export function redactCredentials(
  message: string,
  credentials: { username: string | null; password: string | null },
): string {
  let result = message
  for (const secret of [credentials.password, credentials.username]) {
    if (secret === null || secret.length < 3) continue
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      result = result.split(form).join(MASK)
    }
  }
  return result
}
