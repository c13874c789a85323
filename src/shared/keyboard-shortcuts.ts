/**
 * The window's own keyboard shortcuts (handled in the renderer, in the desktop app and in a browser
 * alike). The renderer's Keyboard shortcuts dialog and the desktop Help > Keyboard Shortcuts list
 * them from here; `mod` is Ctrl, or Cmd on macOS.
 */
export const windowShortcuts = [
  { keys: ['mod', 'K'], label: 'Command palette: go to a view, import, export, test failed…' },
  { keys: ['/'], label: "Focus the view's search" },
  { keys: ['Esc'], label: 'Close the open drawer, dialog or palette' },
  { keys: ['?'], label: 'Show these shortcuts' },
] as const

/** `Ctrl+K` / `Cmd+K`, for a text list. */
export function shortcutText(keys: readonly string[], mac: boolean): string {
  return keys.map((key) => (key === 'mod' ? (mac ? 'Cmd' : 'Ctrl') : key)).join('+')
}
