import {
  createTheme,
  Anchor,
  DEFAULT_THEME,
  Drawer,
  Modal,
  Pagination,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core'
import { DatePickerInput, DateTimePicker, type CalendarAriaLabels } from '@mantine/dates'
import { over, readableOn } from './lib/contrast'

const paginationControlLabels = {
  first: 'First page',
  previous: 'Previous page',
  next: 'Next page',
  last: 'Last page',
} as const

// The level buttons ("December 2026") keep their visible text as their name (axe
// label-content-name-mismatch); only the icon-only arrows need one.
const calendarAriaLabels: CalendarAriaLabels = {
  nextMonth: 'Next month',
  previousMonth: 'Previous month',
  nextYear: 'Next year',
  previousYear: 'Previous year',
  nextDecade: 'Next decade',
  previousDecade: 'Previous decade',
}

/**
 * Date pickers: named arrow buttons (icons only); no days of the neighbouring months (Mantine
 * greys them to 2:1); and their popover is no "dialog" (Mantine would name it after an id that
 * the picker's button does not carry): it is the input's dropdown, as a select's is.
 */
const datePickerDefaults = {
  ariaLabels: calendarAriaLabels,
  hideOutsideDates: true,
  popoverProps: { withRoles: false },
}

/** System fonts only: the CSP and offline use rule out web fonts. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  headings: { fontWeight: '650' },
  components: {
    // A link inside a sentence must stand out by more than its colour (axe link-in-text-block).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // Every table's pager (MRT renders Mantine's Pagination): its arrow buttons are icons only, so
    // each gets a name, disabled or not (axe button-name), whatever props a table passes.
    DatePickerInput: DatePickerInput.extend({ defaultProps: datePickerDefaults }),
    DateTimePicker: DateTimePicker.extend({ defaultProps: datePickerDefaults }),
    // Their × is an icon: a name for it wherever a dialog keeps Mantine's own close button.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    Pagination: Pagination.extend({
      defaultProps: {
        getItemProps: (page: number) => ({ 'aria-label': `Page ${page}` }),
        getControlProps: (control: keyof typeof paginationControlLabels) => ({
          'aria-label': paginationControlLabels[control],
        }),
      },
    }),
  },
})

const white = '#ffffff'
const { gray, dark } = DEFAULT_THEME.colors
/** The surfaces text sits on: page, striped/hovered rows, cards, in each scheme. */
const lightSurfaces = [white, gray[0], gray[1]]
const darkSurfaces = [dark[7], dark[6], dark[5]]

/**
 * Mantine's default shades put coloured text at 2–3.9:1 (teal, green, orange, yellow, cyan, red
 * light badges; red/teal text; white on teal or yellow fills) and dimmed text at 3.3:1 (light) and
 * 4:1 (dark). Every colour's text-bearing variables are re-derived here so text reads at 4.5:1
 * (WCAG AA) on the scheme's surfaces, in both schemes and for any colour a view picks; shades that
 * already pass are kept, so the palette looks the same where it was readable.
 */
function colorVariables(name: string, c: MantineColorsTuple, scheme: 'light' | 'dark') {
  if (scheme === 'light') {
    // Light variant: shade 6 at 10–12 % over the surface (Mantine's light/light-hover).
    const tinted = lightSurfaces.map((s) => over(c[6], 0.12, s))
    const text = readableOn([c[6], c[7], c[8], c[9]], lightSurfaces)
    const filled = readableOn([c[6], c[7], c[8], c[9]], [white])
    return {
      [`--mantine-color-${name}-light-color`]: readableOn([c[6], c[7], c[8], c[9]], tinted),
      [`--mantine-color-${name}-text`]: text,
      [`--mantine-color-${name}-outline`]: text,
      [`--mantine-color-${name}-filled`]: filled,
      [`--mantine-color-${name}-filled-hover`]: readableOn([filled], [white], 5.5),
    }
  }
  const tinted = darkSurfaces.map((s) => over(c[6], 0.2, s))
  const text = readableOn([c[4], c[3], c[2]], darkSurfaces)
  const filled = readableOn([c[8], c[9]], [white])
  return {
    [`--mantine-color-${name}-light-color`]: readableOn([c[3], c[2], c[1]], tinted),
    [`--mantine-color-${name}-text`]: text,
    [`--mantine-color-${name}-outline`]: text,
    [`--mantine-color-${name}-filled`]: filled,
    [`--mantine-color-${name}-filled-hover`]: readableOn([filled], [white], 5.5),
  }
}

export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const light: Record<string, string> = {}
  const darkVars: Record<string, string> = {}
  for (const [name, shades] of Object.entries(resolved.colors)) {
    Object.assign(light, colorVariables(name, shades, 'light'))
    Object.assign(darkVars, colorVariables(name, shades, 'dark'))
  }
  const primary = resolved.colors[resolved.primaryColor] ?? DEFAULT_THEME.colors.indigo
  return {
    variables: {},
    light: {
      ...light,
      '--mantine-color-dimmed': readableOn([gray[6]], lightSurfaces),
      // Placeholders are the only label some filters show ("Any status"): readable like text.
      '--mantine-color-placeholder': readableOn([gray[5]], lightSurfaces),
      '--mantine-color-error': readableOn([resolved.colors.red[6]], lightSurfaces),
      '--mantine-color-anchor': readableOn([primary[6], primary[7]], lightSurfaces),
      // Focus ring (global.css): 3:1 against the surfaces (WCAG 2.2 focus appearance).
      '--pd-focus-ring': readableOn([primary[6], primary[7]], lightSurfaces, 3.5),
    },
    dark: {
      ...darkVars,
      '--mantine-color-dimmed': readableOn([dark[2]], darkSurfaces),
      '--mantine-color-placeholder': readableOn([dark[3]], darkSurfaces),
      '--mantine-color-error': readableOn([resolved.colors.red[6]], darkSurfaces),
      '--mantine-color-anchor': readableOn([primary[4], primary[3]], darkSurfaces),
      '--pd-focus-ring': readableOn([primary[4], primary[3]], darkSurfaces, 3.5),
    },
  }
}
