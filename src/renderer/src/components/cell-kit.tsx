import type { HTMLAttributes, ReactNode } from 'react'
import classes from './cell-kit.module.css'

/*
 * The pieces table cells are drawn with: plain elements and a class (cell-kit.module.css), no
 * Mantine component tree and no per-cell floating tooltip. A cell's hover text is its `data-tip`
 * attribute, shown by the one <HoverTips /> of the app. Used by every view's table and by the
 * shared badges (StatusBadge, CapacityBar, RelativeTime), so each row mounts a handful of
 * elements.
 */

export type PillVariant = 'light' | 'outline' | 'filled' | 'default'
export type PillSize = 'xs' | 'sm' | 'md' | 'lg'

export interface PillProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'color'> {
  /** A Mantine palette colour name ('teal', 'red', ...). */
  color?: string
  variant?: PillVariant
  size?: PillSize
  /** Mantine badges are upper case; 'none' keeps the words as written. */
  textCase?: 'upper' | 'none' | 'lower'
  /** A smaller side padding, for one- or two-letter pills. */
  tight?: boolean
  icon?: ReactNode
  /** Hover and focus text (HoverTips). */
  tip?: string
  'data-testid'?: string
  [data: `data-${string}`]: string | number | undefined
}

/** A badge, drawn as Mantine's Badge is (same sizes, variants and colour variables). */
export function Pill({
  color = 'gray',
  variant = 'light',
  size = 'sm',
  textCase = 'upper',
  tight = false,
  icon,
  tip,
  children,
  className,
  ...rest
}: PillProps) {
  return (
    <span
      {...rest}
      className={className ? `${classes.pill} ${className}` : classes.pill}
      data-color={color}
      data-variant={variant}
      data-size={size}
      data-case={textCase === 'upper' ? undefined : textCase}
      data-tight={tight || undefined}
      data-tip={tip}
    >
      {icon}
      <span className={classes.pillLabel}>{children}</span>
    </span>
  )
}

/** The empty cell: a dimmed dash. */
export function Dash({ text = '—' }: { text?: string }) {
  return <span className={classes.dim}>{text}</span>
}

interface CellTextProps {
  children: ReactNode
  dimmed?: boolean
  mono?: boolean
  numeric?: boolean
  small?: boolean
  /** Cut with an ellipsis at this width (px); the full text is the native title. */
  maxWidth?: number
  title?: string
  tip?: string
  italic?: boolean
  bold?: boolean
  color?: string
}

/** Text in a cell, styled by class (Mantine `Text` is a component per cell). */
export function CellText({
  children,
  dimmed,
  mono,
  numeric,
  small,
  maxWidth,
  title,
  tip,
  italic,
  bold,
  color,
}: CellTextProps) {
  const names = [
    dimmed && classes.dim,
    mono && classes.mono,
    numeric && classes.numeric,
    small && classes.small,
    maxWidth !== undefined && classes.truncate,
  ]
  const style =
    maxWidth !== undefined || italic || bold || color
      ? {
          maxWidth,
          fontStyle: italic ? 'italic' : undefined,
          fontWeight: bold ? 600 : undefined,
          color: color ? `var(--mantine-color-${color}-text)` : undefined,
        }
      : undefined
  return (
    <span
      className={names.filter(Boolean).join(' ') || undefined}
      style={style}
      title={title}
      data-tip={tip}
    >
      {children}
    </span>
  )
}

/** A row of inline pieces with a gap (Mantine `Group wrap="nowrap"`). */
export function CellRow({
  gap = 6,
  children,
  ...rest
}: { gap?: number; children: ReactNode } & HTMLAttributes<HTMLDivElement>) {
  return (
    <div {...rest} className={classes.row} style={{ gap }}>
      {children}
    </div>
  )
}

export const cellClasses = classes
