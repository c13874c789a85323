/**
 * WCAG 2 contrast arithmetic for the theme (theme.ts): the palette's shades are picked, or pushed
 * darker/lighter, until text on its usual background reads at 4.5:1. Colours are `#rrggbb`.
 */

type Rgb = [number, number, number]

function toRgb(hex: string): Rgb {
  const value = hex.replace('#', '')
  return [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16)) as Rgb
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`
}

function luminance(hex: string): number {
  const [r, g, b] = toRgb(hex).map((c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }) as Rgb
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

export function contrastRatio(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (high + 0.05) / (low + 0.05)
}

/** `top` at `opacity` painted over `under`, as the flat colour the eye (and axe) sees. */
export function over(top: string, opacity: number, under: string): string {
  const t = toRgb(top)
  const u = toRgb(under)
  return toHex(t.map((c, i) => c * opacity + (u[i] as number) * (1 - opacity)) as Rgb)
}

/** `hex` moved `amount` (0–1) of the way to `toward`. */
function mix(hex: string, toward: string, amount: number): string {
  return over(toward, amount, hex)
}

/**
 * The first of `candidates` that reads at `min` on every one of `backgrounds`; failing all, the
 * last candidate mixed step by step toward black (light backgrounds) or white (dark ones) until it
 * does. The backgrounds must be all light or all dark.
 */
export function readableOn(
  candidates: readonly string[],
  backgrounds: readonly string[],
  min = 4.5,
): string {
  const reads = (color: string) => backgrounds.every((bg) => contrastRatio(color, bg) >= min)
  const found = candidates.find(reads)
  if (found) return found
  const last = candidates[candidates.length - 1] ?? '#808080'
  const toward = luminance(backgrounds[0] ?? '#ffffff') > 0.18 ? '#000000' : '#ffffff'
  for (let step = 1; step <= 20; step++) {
    const moved = mix(last, toward, step / 20)
    if (reads(moved)) return moved
  }
  return toward
}
