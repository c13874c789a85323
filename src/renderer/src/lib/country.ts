/**
 * A country code as the operator reads it: the flag (two regional-indicator letters, which the
 * system's emoji font draws) and the English name. Anything not two letters gets neither.
 */
const REGIONAL_A = 0x1f1e6

export function countryFlag(code: string | null | undefined): string | null {
  if (!code || !/^[A-Za-z]{2}$/.test(code)) return null
  const upper = code.toUpperCase()
  return String.fromCodePoint(
    REGIONAL_A + upper.charCodeAt(0) - 65,
    REGIONAL_A + upper.charCodeAt(1) - 65,
  )
}

let names: Intl.DisplayNames | null = null

/** `DE` → `Germany`; an unknown but well-formed code comes back as itself. */
export function countryName(code: string | null | undefined): string | null {
  if (!code || !/^[A-Za-z]{2}$/.test(code)) return null
  names ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' })
  try {
    return names.of(code.toUpperCase()) ?? code.toUpperCase()
  } catch {
    return code.toUpperCase()
  }
}
