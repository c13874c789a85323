/**
 * The current view's search field, for the `/` shortcut, found in the page rather than registered
 * by each view: an input marked `data-view-search`, else the first visible input named "Search…"
 * (its label, aria-label or placeholder), else the first field of the view's `role="search"` bar.
 */
export function findViewSearch(root: ParentNode = document): HTMLInputElement | null {
  const main = root.querySelector('main')
  if (!main) return null
  const inputs = [...main.querySelectorAll<HTMLInputElement>('input')].filter(usable)
  return (
    inputs.find((input) => input.hasAttribute('data-view-search')) ??
    inputs.find((input) => /^search/i.test(nameOf(input))) ??
    inputs.find((input) => input.closest('[role="search"]') !== null) ??
    null
  )
}

/** True while the operator is typing somewhere, where `/` and `?` are characters. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT'
}

function usable(input: HTMLInputElement): boolean {
  if (input.disabled || input.type === 'hidden' || input.type === 'checkbox') return false
  if (input.type === 'radio') return false
  return input.getClientRects().length > 0
}

function nameOf(input: HTMLInputElement): string {
  const label = input.labels?.[0]?.textContent ?? ''
  return (input.getAttribute('aria-label') ?? label) || input.placeholder
}
