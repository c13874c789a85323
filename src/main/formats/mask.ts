import type { ParsedProxy } from './types'

export const PASSWORD_MASK = '••••••••'

/**
 * A proxy fit for a preview: no `password` key at all (so it cannot be saved by mistake), and a
 * fixed-length mask that says a password exists without saying how long it is.
 */
export type MaskedProxy = Omit<ParsedProxy, 'password'> & {
  hasPassword: boolean
  passwordMask: string | null
}

export function maskPassword(p: ParsedProxy): MaskedProxy {
  const { password, ...rest } = p
  return {
    ...rest,
    hasPassword: password !== null,
    passwordMask: password === null ? null : PASSWORD_MASK,
  }
}
