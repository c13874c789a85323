import { useEffect } from 'react'
import { findViewSearch, isTyping } from './view-search'

/**
 * The window's single-key shortcuts: `/` focuses the view's search, `?` shows the shortcuts.
 * Ignored while typing (they are characters then) and while a dialog is open (it holds the focus).
 * Ctrl/⌘+K belongs to the command palette (CommandPalette.tsx); Esc to each drawer and dialog.
 */
export function useGlobalKeys({ showShortcuts }: { showShortcuts: () => void }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return
      if (event.key !== '/' && event.key !== '?') return
      if (isTyping(event.target) || document.querySelector('[aria-modal="true"]')) return
      if (event.key === '?') {
        event.preventDefault()
        showShortcuts()
        return
      }
      const search = findViewSearch()
      if (!search) return
      event.preventDefault()
      search.focus()
      search.select()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [showShortcuts])
}
