/**
 * Every IPC channel and event channel by name, with no schema attached, so the sandboxed preload
 * can allow-list them without bundling zod. `contracts/index.ts` is type-checked against this list.
 */
export const channels = ['app:info', 'settings:get', 'settings:set'] as const

export type Channel = (typeof channels)[number]

export const eventChannels = ['settings:changed', 'app:notice'] as const

export type EventChannel = (typeof eventChannels)[number]

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (channels as readonly string[]).includes(value)
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (eventChannels as readonly string[]).includes(value)
}
