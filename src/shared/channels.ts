/**
 * Every IPC channel and event channel by name, with no schema attached, so the sandboxed preload
 * can allow-list them without bundling zod. `contracts/index.ts` is type-checked against this list.
 */
export const channels = [
  'app:info',
  'settings:get',
  'settings:set',
  'providers:list',
  'providers:create',
  'providers:update',
  'providers:remove',
  'providers:proxies',
  'proxies:list',
  'proxies:get',
  'proxies:create',
  'proxies:update',
  'proxies:remove',
  'proxies:setStatus',
  'proxies:revealPassword',
  'proxies:connectionString',
  'models:list',
  'models:get',
  'models:create',
  'models:update',
  'models:remove',
  'accounts:list',
  'accounts:get',
  'accounts:create',
  'accounts:update',
  'accounts:setStatus',
  'accounts:remove',
  'accounts:bulkPreview',
  'accounts:bulkCreate',
  'assignments:auto',
  'assignments:assign',
  'assignments:release',
  'assignments:reassign',
  'assignments:list',
  'assignments:available',
  'assignments:collisions',
  'history:list',
  'analytics:summary',
  'analytics:trends',
  'import:upload',
  'import:preview',
  'import:previewRows',
  'import:commit',
  'import:discard',
  'import:parseLine',
  'export:proxies',
  'export:history',
  'proxies:test',
  'proxies:testCancel',
  'proxies:checks',
  'proxies:rotate',
  'proxies:detectProtocol',
  'checks:status',
  'monitor:runNow',
  'geo:databases',
  'geo:chooseDatabase',
  'geo:useBundled',
  'app:backup',
  'app:backups',
  'app:restore',
  'app:exportKey',
  'app:importKey',
  'app:resetPasswords',
] as const

export type Channel = (typeof channels)[number]

export const eventChannels = [
  'settings:changed',
  'app:notice',
  'import:progress',
  'checks:progress',
  'monitor:alert',
  'monitor:health',
  'data:changed',
] as const

export type EventChannel = (typeof eventChannels)[number]

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (channels as readonly string[]).includes(value)
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (eventChannels as readonly string[]).includes(value)
}
