import type { CheckTarget } from './types'

/**
 * Masks the proxy's username and password (raw and URL-encoded) in a message. Secrets shorter
 * than 3 characters are left alone: masking every "a" would garble messages and reveal nothing.
 */
export function redactCredentials(
  message: string,
  target: Pick<CheckTarget, 'username' | 'password'>,
): string {
  let result = message
  for (const secret of [target.password, target.username]) {
    if (secret === null || secret.length < 3) continue
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      result = result.split(form).join('***')
    }
  }
  return result
}
