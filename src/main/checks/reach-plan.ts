import type Database from 'better-sqlite3'
import type { ReachSelection } from '../../shared/contracts/checks'
import { accountPlatforms, type AccountPlatform } from '../../shared/domain'
import type { ReachTargetSetting, Settings } from '../../shared/settings'
import type { ReachTarget } from './types'

/** What a run needs to pick each proxy's targets: the selection and the settings of that moment. */
export interface ReachSettings {
  selection: ReachSelection
  platformTargets: Settings['platformTargets']
  customTarget: ReachTargetSetting
}

/** The targets of one proxy in a run; undefined (nothing fetched) for most proxies. */
export type ReachPlan = (proxyId: number) => readonly ReachTarget[] | undefined

const nothing: ReachPlan = () => undefined

function toTarget(platform: ReachTarget['platform'], setting: ReachTargetSetting): ReachTarget {
  return {
    platform,
    url: setting.url,
    minStatus: setting.minStatus,
    maxStatus: setting.maxStatus,
    keyword: setting.keyword,
  }
}

/**
 * Resolves, once per run, which targets each proxy fetches. `assigned` reads the platforms of the
 * active accounts on the run's proxies in one query, and proxies with the same platforms share one
 * list, so a run of thousands of proxies costs one query and a handful of small arrays.
 */
export function planReach(
  sqlite: Database.Database,
  proxyIds: readonly number[],
  settings: ReachSettings,
): ReachPlan {
  if (settings.selection === 'none') return nothing
  const enabled = (platform: AccountPlatform): ReachTarget | null => {
    const setting = settings.platformTargets[platform]
    return setting.enabled ? toTarget(platform, setting) : null
  }
  const custom = settings.customTarget.enabled ? toTarget('custom', settings.customTarget) : null
  const withCustom = (list: ReachTarget[]): readonly ReachTarget[] | undefined => {
    if (custom) list.push(custom)
    return list.length ? list : undefined
  }

  if (settings.selection === 'all') {
    const every = withCustom(accountPlatforms.flatMap((platform) => enabled(platform) ?? []))
    return () => every
  }

  const rows = sqlite
    .prepare(
      `SELECT DISTINCT proxy_id AS proxyId, platform FROM accounts
        WHERE status = 'active' AND proxy_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(proxyIds)) as { proxyId: number; platform: AccountPlatform }[]
  const platformsOf = new Map<number, Set<AccountPlatform>>()
  for (const row of rows) {
    let set = platformsOf.get(row.proxyId)
    if (!set) platformsOf.set(row.proxyId, (set = new Set()))
    set.add(row.platform)
  }
  // Keyed by the platforms in their canonical order, so equal sets share one array.
  const shared = new Map<string, readonly ReachTarget[] | undefined>()
  const onlyCustom = withCustom([])
  return (proxyId) => {
    const set = platformsOf.get(proxyId)
    if (!set) return onlyCustom
    const platforms = accountPlatforms.filter((platform) => set.has(platform))
    const key = platforms.join(',')
    if (!shared.has(key)) {
      shared.set(key, withCustom(platforms.flatMap((platform) => enabled(platform) ?? [])))
    }
    return shared.get(key)
  }
}
