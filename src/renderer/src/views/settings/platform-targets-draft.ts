import { accountPlatforms, type AccountPlatform } from '../../../../shared/domain'
import type { ReachTargetSetting, Settings, SettingsPatch } from '../../../../shared/settings'

/** One target as the form holds it: numbers may be partial text while typed. */
export interface TargetDraft {
  enabled: boolean
  url: string
  minStatus: number | string
  maxStatus: number | string
  keyword: string
}

export type TargetKey = AccountPlatform | 'custom'
export type TargetsDraft = Record<TargetKey, TargetDraft>
/** Main's messages per target and field (`url`, `minStatus`, `maxStatus`, `keyword`). */
export type TargetErrors = Partial<Record<TargetKey, Partial<Record<keyof TargetDraft, string>>>>

export const targetKeys: readonly TargetKey[] = [...accountPlatforms, 'custom']

function draftOf(target: ReachTargetSetting): TargetDraft {
  return { ...target, keyword: target.keyword ?? '' }
}

export function targetsDraftOf(settings: Settings): TargetsDraft {
  const draft = { custom: draftOf(settings.customTarget) } as TargetsDraft
  for (const platform of accountPlatforms) {
    draft[platform] = draftOf(settings.platformTargets[platform])
  }
  return draft
}

// Values go to main as typed (a partial number stays text): main's schema judges them.
function settingOf(draft: TargetDraft): ReachTargetSetting {
  return {
    enabled: draft.enabled,
    url: draft.url.trim(),
    minStatus: draft.minStatus as number,
    maxStatus: draft.maxStatus as number,
    keyword: draft.keyword === '' ? null : draft.keyword,
  }
}

/** The two settings this section owns, whole (main replaces each key as one value). */
export function targetsPatch(draft: TargetsDraft): SettingsPatch {
  const platformTargets = {} as Settings['platformTargets']
  for (const platform of accountPlatforms) platformTargets[platform] = settingOf(draft[platform])
  return { platformTargets, customTarget: settingOf(draft.custom) }
}

interface Issue {
  path: unknown
  message: unknown
}

/**
 * Places the issues of a VALIDATION error on their target's field: `platformTargets.<platform>.
 * <field>` or `customTarget.<field>` (dotted from main, arrays from zod). The rest comes back apart.
 */
export function targetErrorsFrom(details: unknown): { fields: TargetErrors; other: string[] } {
  const fields: TargetErrors = {}
  const other: string[] = []
  const list: unknown =
    typeof details === 'object' && details !== null && 'issues' in details
      ? details.issues
      : details
  for (const item of Array.isArray(list) ? (list as Issue[]) : []) {
    if (typeof item?.message !== 'string') continue
    const path = Array.isArray(item.path)
      ? item.path.map(String)
      : typeof item.path === 'string'
        ? item.path.split('.')
        : []
    const [key, ...rest] = path
    const target = (key === 'customTarget' ? 'custom' : rest.shift()) as TargetKey | undefined
    const field = rest[0] as keyof TargetDraft | undefined
    const known = key === 'customTarget' || key === 'platformTargets'
    if (!known || !target || !targetKeys.includes(target) || !field) {
      other.push(item.message)
      continue
    }
    const forTarget = (fields[target] ??= {})
    forTarget[field] = forTarget[field] ? `${forTarget[field]}; ${item.message}` : item.message
  }
  return { fields, other }
}
