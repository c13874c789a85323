import type { Channel } from './channels'

/**
 * What the stored data is made of, as far as views care: a `data:changed` event names the kinds a
 * write touched, and each view refreshes when it shows one of them. This is how a table stays true
 * while the health monitor, a check run or another window changes rows behind it.
 */
export const dataKinds = [
  'providers',
  'proxies',
  'models',
  'accounts',
  'history',
  'checks',
  'backups',
  /** Whether passwords can be read: the keychain key in use. */
  'vault',
] as const
export type DataKind = (typeof dataKinds)[number]

export interface DataChanged {
  kinds: DataKind[]
}

interface ChannelEffect {
  /** What a successful call may have changed: main announces these after it. */
  writes?: readonly DataKind[]
  /** What its answer shows: a view holding that answer refreshes when one of these changes. */
  reads?: readonly DataKind[]
}

const assignmentWrite = { writes: ['accounts', 'proxies', 'history'] } as const
// A proxy row shows its provider, its model and its account count.
const proxyRead = { reads: ['proxies', 'providers', 'models', 'accounts'] } as const
const accountRead = { reads: ['accounts', 'models', 'proxies'] } as const

/**
 * Every channel, so a new one cannot be added without deciding this. Settings have an event of
 * their own (`settings:changed`); test runs report through `checks:progress` and their results
 * arrive as `checks` / `proxies` changes from the run itself.
 */
export const channelEffects: Record<Channel, ChannelEffect> = {
  // Its keychain status changes with a key import, a reset or a restore.
  'app:info': { reads: ['vault'] },
  'settings:get': {},
  'settings:set': {},
  'providers:list': { reads: ['providers', 'proxies'] },
  'providers:create': { writes: ['providers'] },
  'providers:update': { writes: ['providers'] },
  // With `deleteProxies` it removes them too, releasing their accounts.
  'providers:remove': { writes: ['providers', 'proxies', 'accounts', 'history'] },
  'providers:proxies': { reads: ['proxies'] },
  'proxies:list': proxyRead,
  'proxies:get': proxyRead,
  'proxies:create': { writes: ['proxies'] },
  'proxies:update': { writes: ['proxies'] },
  'proxies:remove': assignmentWrite,
  'proxies:setStatus': assignmentWrite,
  'proxies:revealPassword': {},
  'proxies:connectionString': {},
  'models:list': { reads: ['models', 'accounts', 'proxies'] },
  'models:get': { reads: ['models', 'accounts', 'proxies'] },
  'models:create': { writes: ['models'] },
  'models:update': { writes: ['models'] },
  'models:remove': { writes: ['models', 'accounts'] },
  'accounts:list': accountRead,
  'accounts:get': accountRead,
  'accounts:create': assignmentWrite,
  'accounts:update': assignmentWrite,
  'accounts:setStatus': assignmentWrite,
  'accounts:remove': assignmentWrite,
  'accounts:bulkPreview': { reads: ['accounts', 'models'] },
  'accounts:bulkCreate': { writes: ['accounts'] },
  'assignments:auto': assignmentWrite,
  'assignments:assign': assignmentWrite,
  'assignments:release': assignmentWrite,
  'assignments:reassign': assignmentWrite,
  'assignments:list': { reads: ['accounts', 'proxies', 'models', 'providers'] },
  'assignments:available': { reads: ['proxies', 'accounts'] },
  'assignments:collisions': { reads: ['proxies', 'accounts', 'models', 'checks'] },
  'history:list': { reads: ['history'] },
  'analytics:summary': { reads: ['providers', 'proxies', 'models', 'accounts', 'history'] },
  // Check rows and expiry dates; a check run's burst refreshes it at the cost-scaled rate.
  'analytics:trends': { reads: ['checks', 'proxies'] },
  'import:upload': {},
  'import:preview': {},
  'import:previewRows': {},
  'import:commit': { writes: ['proxies'] },
  'import:discard': {},
  'import:parseLine': {},
  'export:proxies': {},
  'export:history': {},
  'proxies:test': {},
  'proxies:testCancel': {},
  'proxies:checks': { reads: ['checks'] },
  'proxies:rotate': { writes: ['history', 'proxies'] },
  // Writes only with `apply: true`; views refresh either way, which costs one re-read.
  'proxies:detectProtocol': { writes: ['proxies'] },
  'checks:status': {},
  // The databases' own state comes back in each answer; nothing stored changes with them.
  'geo:databases': {},
  'geo:chooseDatabase': {},
  'geo:useBundled': {},
  'monitor:runNow': {},
  'app:backup': { writes: ['backups'] },
  'app:backups': { reads: ['backups'] },
  // Every row may differ afterwards: every view refreshes.
  'app:restore': { writes: dataKinds },
  'app:exportKey': {},
  'app:importKey': { writes: ['vault'] },
  'app:resetPasswords': { writes: ['proxies', 'vault'] },
}

export function writesOf(channel: Channel): readonly DataKind[] {
  return channelEffects[channel].writes ?? []
}

export function readsOf(channel: Channel): readonly DataKind[] {
  return channelEffects[channel].reads ?? []
}

/** True when a change of `kinds` may alter what `channel` answers. */
export function affects(change: DataChanged, channel: Channel): boolean {
  const reads = readsOf(channel)
  return change.kinds.some((kind) => reads.includes(kind))
}
