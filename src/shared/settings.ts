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
  /**
   * A plain-http header-echo judge (httpbin `/get` style) asked through HTTP(S) proxies for their
   * anonymity level when the IP judge that answered echoed no headers (https judges never can:
   * CONNECT hides the proxy's headers). Null: no second request; anonymity is then known only
   * with a plain-http header-echo IP judge.
   */
  anonymityJudge: url({ protocol: /^http$/, error: 'Enter a web address starting with http://' })
    .max(2_048)
    .nullable(),
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
  // httpbin hides Via, X-Forwarded-For and X-Real-Ip from its echo unless `show_env` is set.
  anonymityJudge: 'http://httpbin.org/get?show_env=1',
  backupsKeep: 7,
  exitWindowDays: 7,
  exitMatch: 'ip',
}

/**
 * The operator's own location databases, per kind: absolute paths of one .mmdb file, or of an
 * IPv4 and an IPv6 file; null (or no row) means the copy shipped with ProxyDeck. Stored in the
 * settings table like the rest, but kept out of `settingsShape` on purpose: a path is only ever
 * taken from a file dialog run by main and checked there (`geo:chooseDatabase`), never from
 * `settings:set`, which would hand main a path the renderer made up.
 */
export const geoDatabaseSettingKeys = { city: 'geoCityDatabase', asn: 'geoAsnDatabase' } as const
export const geoDatabaseSettingSchema = z
  .array(z.string().min(1).max(4_096))
  .min(1)
  .max(2)
  .nullable()
export type GeoDatabaseSetting = z.infer<typeof geoDatabaseSettingSchema>
