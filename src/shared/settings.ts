import { z } from 'zod'
import { url } from './contracts/fields'

/**
 * Operator settings, stored one row per key in the `settings` table as JSON.
 * The shape carries no defaults so a patch (`settings:set`) never fills in keys it did not name.
 */
export const settingsShape = {
  theme: z.enum(['light', 'dark', 'auto']),
  checkTimeoutMs: z.number().int().min(1_000).max(120_000),
  checkConcurrency: z.number().int().min(1).max(1_024),
  monitorEnabled: z.boolean(),
  monitorIntervalMinutes: z.number().int().min(1).max(1_440),
  failureThreshold: z.number().int().min(1).max(100),
  failoverEnabled: z.boolean(),
  judges: z
    .array(url({ protocol: /^https?$/ }))
    .min(1)
    .max(10),
  checkRetentionPerProxy: z.number().int().min(1).max(10_000),
  /**
   * When a proxy reaches no judge, ask the judges directly (this computer's own address) to tell a
   * dead proxy upstream from dead judges; off, such checks stay `judge_failed`.
   */
  askJudgesDirectly: z.boolean(),
  /** Automatic backups kept in `<dataDir>/backups/`, per kind (daily, pre-migration, ...). */
  backupsKeep: z.number().int().min(1).max(365),
  /**
   * Isolation guard: how long an exit a proxy answered from still counts (a rotating proxy has
   * many), and whether two proxies collide on the exact exit IP (`ip`) or on the same IPv4 /24 or
   * IPv6 /48 (`net`). Exits older than the window are trimmed after each check run.
   */
  exitWindowDays: z.number().int().min(1).max(365),
  exitMatch: z.enum(['ip', 'net']),
}

export const settingsSchema = z.object(settingsShape).strict()
export const settingsPatchSchema = z.object(settingsShape).partial().strict()

export type Settings = z.infer<typeof settingsSchema>
export type SettingsPatch = z.infer<typeof settingsPatchSchema>
export type SettingKey = keyof Settings

export const defaultSettings: Settings = {
  theme: 'auto',
  checkTimeoutMs: 10_000,
  checkConcurrency: 64,
  monitorEnabled: true,
  monitorIntervalMinutes: 15,
  failureThreshold: 2,
  failoverEnabled: false,
  judges: ['https://api.ipify.org?format=json', 'https://ifconfig.co/json'],
  checkRetentionPerProxy: 50,
  askJudgesDirectly: true,
  backupsKeep: 7,
  exitWindowDays: 7,
  exitMatch: 'ip',
}
