export { CapacityBar } from './CapacityBar'
export { ConfirmModal, type ConfirmModalProps } from './ConfirmModal'
export { EmptyState } from './EmptyState'
export { ErrorAlert } from './ErrorAlert'
export { errorTitle, fieldErrors, ruleOf, unplacedIssues, validationIssues } from './form-errors'
export { MoneyInput, type MoneyInputProps } from './MoneyInput'
export { RelativeTime } from './RelativeTime'
export { StatusBadge, statusColor, statusLabel, type AnyStatus } from './StatusBadge'
export { useServerTable, type ServerTableConfig, type ServerTableQuery } from './use-server-table'
export { useMutation, type MutationState } from './use-mutation'
export { RevealedValueActions } from './RevealedValueActions'
export { tableChrome, type TableChromeOptions } from './table-chrome'
export { useLeadingDebounce } from './use-leading-debounce'
export { ColumnPresets } from './ColumnPresets'
export {
  presetVisibility,
  useTablePrefs,
  type ColumnPreset,
  type TablePrefs,
} from './use-table-prefs'
// Shared by the accounts and assignments views (and others), so neither imports the other.
export { FormFooter, type FormFooterProps } from './FormFooter'
export { PlainErrorAlert } from './PlainErrorAlert'
export { plainError, ruleName, unassignedReasonText } from './rule-messages'
export { platformColor, platformLabel, platformOptions } from './platforms'
export { ProxyLink } from './ProxyLink'
// Table cells: plain elements (no Mantine tree per cell) and one document-wide tooltip.
export { CellRow, CellText, Dash, Pill, type PillProps } from './cell-kit'
export { HoverTips } from './HoverTips'
export { IconButton, type IconButtonProps } from './IconButton'
export { fastBodyProps, type FastRowsProps } from './FastTableBody'
