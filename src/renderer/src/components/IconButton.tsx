import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react'
import classes from './icon-button.module.css'

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'color'> {
  /** The accessible name: the button shows only its icon. */
  'aria-label': string
  color?: 'gray' | 'red'
  /** Hover and focus text (HoverTips). */
  tip?: string
  /** A spinner in place of the icon; clicks are ignored meanwhile. */
  loading?: boolean
  children: ReactNode
  ref?: Ref<HTMLButtonElement>
}

/**
 * An icon-only button for table rows (Mantine's subtle ActionIcon look, a plain <button>): the
 * proxies table draws four a row. Views elsewhere keep Mantine's ActionIcon.
 */
export function IconButton({
  color = 'gray',
  tip,
  loading = false,
  children,
  onClick,
  ref,
  type = 'button',
  ...rest
}: IconButtonProps) {
  return (
    <button
      {...rest}
      ref={ref}
      type={type}
      className={classes.button}
      data-color={color}
      data-tip={tip}
      data-loading={loading || undefined}
      aria-busy={loading || undefined}
      onClick={loading ? undefined : onClick}
    >
      {loading ? <span className={classes.spinner} aria-hidden /> : children}
    </button>
  )
}
