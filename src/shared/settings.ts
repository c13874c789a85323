import { z } from 'zod'
import { text, url } from './contracts/fields'
import { accountPlatforms, type AccountPlatform } from './domain'

/**
 * One reachability target (checks/reachability.ts): an https page fetched through the proxy after
 * a successful check. `reached` when its status is within minStatus..maxStatus and, with a keyword
 * set, the first MiB of the body contains it (case-sensitive bytes).
 */
export const reachTargetSchema = z
  .strictObject({
    enabled: z.boolean(),
    url: url({ protocol: /^https$/, error: 'Enter an https:// address' }),
    minStatus: z.number().int().min(100).max(599),
    maxStatus: z.number().int().min(100).max(599),
    /** Null or empty: the status alone decides. */
    keyword: text()
      .max(200, { error: 'A keyword is at most 200 characters' })
      .nullable()
      .transform((value) => (value === '' ? null : value)),
  })
  .refine((target) => target.minStatus <= target.maxStatus, {
    path: ['maxStatus'],
    message: 'The highest expected status cannot be below the lowest',
  })

export type ReachTargetSetting = z.output<typeof reachTargetSchema>

const platformTargetsSchema = z.strictObject(
  Object.fromEntries(accountPlatforms.map((platform) => [platform, reachTargetSchema])) as Record<
    AccountPlatform,
    typeof reachTargetSchema
  >,
)

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
  /** Per platform: the page a check fetches through proxies whose accounts are on it. */
  platformTargets: platformTargetsSchema,
  /** The operator's own URL + keyword check, fetched through every proxy a check includes. */
  customTarget: reachTargetSchema,
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
  // What each site answers a cookieless GET (no browser, a browser-like User-Agent): a working
  // exit gets the page itself (200); blocked or flagged exits get a 4xx (403 from a bot wall, 429
  // "please wait") or a redirect (3xx; redirects are not followed, so a 302 to a login or
  // challenge page counts as blocked). So the ranges are 2xx only, and a keyword is set where the
  // page reliably names its site, so a captive portal or the proxy's own page cannot pass.
  platformTargets: {
    // The home page is the login page for a cookieless visitor; its <title> is "Instagram".
    // Flagged exits get 429 or a 302 to /accounts/login/ or /challenge/.
    instagram: target('https://www.instagram.com/', 200, 299, 'Instagram'),
    // 200 with the app shell ("TikTok" in the title); regions where TikTok is banned get a 3xx
    // to a notice page, datacenter ranges often a 403 from its CDN.
    tiktok: target('https://www.tiktok.com/', 200, 299, 'TikTok'),
    // twitter.com only redirects (301) to x.com, so the target is x.com: 200 with a JavaScript
    // shell whose text is not stable enough for a keyword. Blocked countries cut the connection.
    twitter: target('https://x.com/', 200, 299, null),
    // Reddit answers datacenter and flagged exits with 403 "blocked by network security" (a
    // page that also says reddit, hence no keyword): the status is the signal.
    reddit: target('https://www.reddit.com/', 200, 299, null),
    // A Cloudflare-fronted app shell: 200 for a clean exit, 403 (challenge) for a flagged one.
    onlyfans: target('https://onlyfans.com/', 200, 299, null),
    // No site to guess for "other": off until the operator names one.
    other: { ...target('https://example.com/', 200, 299, 'Example Domain'), enabled: false },
  },
  customTarget: { ...target('https://example.com/', 200, 299, 'Example Domain'), enabled: false },
  exitWindowDays: 7,
  exitMatch: 'ip',
}

function target(
  url: string,
  minStatus: number,
  maxStatus: number,
  keyword: string | null,
): ReachTargetSetting {
  return { enabled: true, url, minStatus, maxStatus, keyword }
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
