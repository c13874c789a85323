import { useEffect, useRef, useState } from 'react'
import classes from './hover-tips.module.css'

interface Tip {
  text: string
  left: number
  top: number
  below: boolean
}

const OPEN_DELAY_MS = 300
const GAP_PX = 6
let tipCount = 0

/**
 * The one tooltip of every `data-tip` element (table cells, badges: cell-kit.tsx). A Mantine
 * Tooltip per cell is a portal, a floating-ui instance and a transition each; a page of rows held
 * hundreds, mounted and unmounted on every sort. This listens on the document instead: hover
 * shows the text after 300 ms, keyboard focus at once; it leaves with the pointer or the focus,
 * on Escape, a click or a scroll. The shown element is described by the tip (aria-describedby).
 */
export function HoverTips() {
  const [tip, setTip] = useState<Tip | null>(null)
  const idRef = useRef(`pd-tip-${++tipCount}`)

  useEffect(() => {
    const id = idRef.current
    let current: HTMLElement | null = null
    let timer: ReturnType<typeof setTimeout> | undefined

    const hide = () => {
      clearTimeout(timer)
      if (current?.getAttribute('aria-describedby') === id)
        current.removeAttribute('aria-describedby')
      current = null
      setTip(null)
    }
    const show = (target: HTMLElement) => {
      const text = target.dataset.tip
      if (!text || !target.isConnected) return
      const rect = target.getBoundingClientRect()
      // Above the element unless there is no room, then below.
      const below = rect.top < 48
      setTip({
        text,
        left: Math.min(Math.max(8, rect.left + rect.width / 2), window.innerWidth - 8),
        top: below ? rect.bottom + GAP_PX : rect.top - GAP_PX,
        below,
      })
      if (!target.hasAttribute('aria-describedby')) target.setAttribute('aria-describedby', id)
    }
    const follow = (event: Event, delay: number) => {
      const target =
        event.target instanceof Element ? event.target.closest<HTMLElement>('[data-tip]') : null
      if (target === current) return
      hide()
      if (!target) return
      current = target
      timer = setTimeout(() => show(target), delay)
    }
    const onOver = (event: PointerEvent) => follow(event, OPEN_DELAY_MS)
    const onFocus = (event: FocusEvent) => follow(event, 0)
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && current) hide()
    }
    const onLeaveWindow = (event: PointerEvent) => {
      if (!event.relatedTarget) hide()
    }
    // Capture for pointerdown and scroll: a scroll inside any container, a press anywhere.
    const listeners: [string, (event: never) => void, boolean][] = [
      ['pointerover', onOver, false],
      ['pointerout', onLeaveWindow, false],
      ['focusin', onFocus, false],
      ['focusout', hide, false],
      ['pointerdown', hide, true],
      ['scroll', hide, true],
      ['keydown', onKey, false],
    ]
    for (const [type, listener, capture] of listeners) {
      document.addEventListener(type, listener as EventListener, capture)
    }
    return () => {
      hide()
      for (const [type, listener, capture] of listeners) {
        document.removeEventListener(type, listener as EventListener, capture)
      }
    }
  }, [])

  if (!tip) return null
  return (
    <div
      id={idRef.current}
      role="tooltip"
      className={classes.tip}
      data-below={tip.below || undefined}
      style={{ left: tip.left, top: tip.top }}
    >
      {tip.text}
    </div>
  )
}
