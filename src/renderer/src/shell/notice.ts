/** What a notice says, where it came from and where its subject can be seen. */
export interface Notice {
  level: 'info' | 'success' | 'warning' | 'error'
  title: string
  message: string
  /**
   * What the notice is about. With a source (or at level error or warning) it is also kept in the
   * header's alert list, so closing by itself loses nothing the operator still has to act on.
   */
  source?: AlertSource
  /** A view showing what the notice is about, e.g. `#/proxies?status=error`. */
  link?: NoticeLink
  /** Kept in the alert list only, without a toast: something on screen already says it. */
  quiet?: boolean
}

export type AlertSource = 'monitor' | 'check' | 'import' | 'export' | 'app'

export interface NoticeLink {
  href: string
  label: string
}

/** At most this many toasts on screen; an older one makes room (it stays in the alert list). */
export const MAX_TOASTS = 3

/**
 * Every toast closes by itself (hovering or focusing it holds it open). Info and success keep the
 * 6 s they always had; errors get longer to be read, and are in the alert list afterwards.
 */
export function autoCloseMs(level: Notice['level']): number {
  return level === 'error' ? 10_000 : level === 'warning' ? 8_000 : 6_000
}

export function keptInAlertList(notice: Notice): boolean {
  return notice.source !== undefined || notice.level === 'error' || notice.level === 'warning'
}

export const levelColors: Record<Notice['level'], string> = {
  info: 'blue',
  success: 'teal',
  warning: 'yellow',
  error: 'red',
}
