import { statSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { contrastRatio } from '../../src/renderer/src/lib/contrast'

/**
 * A screenshot for a person to look at, with the checks that make it a test: the thing it is
 * about is on screen, the page wears the colour scheme the picture is named for (a dark shot of a
 * light page is the bug it exists to catch), its text reads against the page, and the file was
 * written.
 */
export async function capture(
  page: Page,
  path: string,
  subject: Locator,
  options: { fullPage?: boolean; animations?: 'disabled' | 'allow' } = {},
): Promise<void> {
  await subject.first().waitFor()
  await subject.first().scrollIntoViewIfNeeded()
  expect(await subject.first().isVisible()).toBe(true)
  // A string, not a function: this file compiles without the DOM library.
  const look = (await page.evaluate(`(() => {
    const body = getComputedStyle(document.body)
    return {
      scheme: document.documentElement.getAttribute('data-mantine-color-scheme'),
      background: body.backgroundColor,
      text: body.color,
    }
  })()`)) as { scheme: string | null; background: string; text: string }

  const background = hex(look.background)
  const black = contrastRatio(background, '#000000')
  const white = contrastRatio(background, '#ffffff')
  expect(look.scheme === 'dark' ? white > black : black > white).toBe(true)
  expect(contrastRatio(hex(look.text), background)).toBeGreaterThanOrEqual(4.5)
  await page.screenshot({ path, fullPage: options.fullPage, animations: options.animations })
  expect(statSync(path).size).toBeGreaterThan(1_000)
}

function hex(css: string): string {
  const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).map(Number)
  return `#${[r, g, b]
    .map((c) =>
      Math.round(c ?? 0)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`
}
