import type { MouseEvent } from 'react'

export const mainContentId = 'main-content'

/**
 * First stop of Tab: jumps past the header and navigation to the view. It moves focus by hand
 * instead of following `#main-content`, because the hash is the router's (use-hash-route.ts).
 */
export function SkipLink() {
  function skip(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault()
    const main = document.getElementById(mainContentId)
    main?.focus()
    main?.scrollIntoView({ block: 'start' })
  }
  return (
    <a className="pd-skip-link" href={`#${mainContentId}`} onClick={skip}>
      Skip to content
    </a>
  )
}
