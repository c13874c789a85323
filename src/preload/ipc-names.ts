/**
 * Electron IPC names shared by main and the preload. Invoke channels are the contract's channel
 * names as they are; pushes travel on `event:<event channel>` so they can never collide with them.
 */
export const EVENT_CHANNEL_PREFIX = 'event:'

export function eventIpcName(event: string): string {
  return EVENT_CHANNEL_PREFIX + event
}
