import type { HistoryAction, HistoryActor, HistoryReason } from '../../../../shared/domain'
import { historyActions, historyReasons } from '../../../../shared/domain'

const actions: Record<HistoryAction, { label: string; color: string }> = {
  assigned: { label: 'Assigned', color: 'teal' },
  released: { label: 'Released', color: 'orange' },
  reassigned: { label: 'Reassigned', color: 'blue' },
  rotated: { label: 'IP rotated', color: 'grape' },
}

const reasons: Record<HistoryReason, { label: string; color: string }> = {
  automatic: { label: 'Auto-assign', color: 'indigo' },
  manual: { label: 'Manual', color: 'cyan' },
  cleanup: { label: 'Cleanup', color: 'gray' },
  account_invalid: { label: 'Account invalid', color: 'red' },
  account_removed: { label: 'Account removed', color: 'gray' },
  proxy_failed: { label: 'Proxy failed', color: 'red' },
  proxy_removed: { label: 'Proxy deleted', color: 'orange' },
  rotation: { label: 'IP rotation', color: 'grape' },
}

const actors: Record<HistoryActor, string> = { system: 'System', operator: 'Operator' }

export const actionInfo = (action: HistoryAction) => actions[action]
export const reasonInfo = (reason: HistoryReason) => reasons[reason]
export const actorLabel = (actor: HistoryActor) => actors[actor]

export const actionOptions = historyActions.map((value) => ({ value, label: actions[value].label }))
export const reasonOptions = historyReasons.map((value) => ({ value, label: reasons[value].label }))
