import { sql, type SQL } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core'
import {
  accountPlatforms,
  accountStatuses,
  anonymityLevels,
  checkErrorCodes,
  historyActions,
  historyActors,
  historyReasons,
  modelStatuses,
  providerServiceTypes,
  providerStatuses,
  proxyProtocols,
  proxyStatuses,
} from '../../shared/domain'
import type { ReachabilityResult } from '../../shared/contracts/dto'

/*
 * Conventions: timestamps are integer epoch milliseconds (services pass their clock's value; the
 * default only covers raw inserts), money is integer cents, booleans are 0/1. Ids that other rows
 * keep after a delete (history) use AUTOINCREMENT so a deleted id is never handed out again.
 */

const nowMs = sql`(CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER))`

function oneOf(column: AnySQLiteColumn, values: readonly string[]): SQL {
  const list = values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ')
  return sql`${column} IN (${sql.raw(list)})`
}

function bool(column: AnySQLiteColumn): SQL {
  return sql`${column} IN (0, 1)`
}

const timestamps = {
  createdAt: integer('created_at').notNull().default(nowMs),
  updatedAt: integer('updated_at').notNull().default(nowMs),
}

export const proxyProviders = sqliteTable(
  'proxy_providers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull().unique('proxy_providers_name_unique'),
    monthlyCostPerProxyCents: integer('monthly_cost_per_proxy_cents').notNull().default(0),
    contactEmail: text('contact_email'),
    website: text('website'),
    serviceType: text('service_type', { enum: providerServiceTypes }),
    status: text('status', { enum: providerStatuses }).notNull().default('active'),
    notes: text('notes'),
    ...timestamps,
  },
  (t) => [
    check('proxy_providers_name_not_empty', sql`length(trim(${t.name})) > 0`),
    check('proxy_providers_cost_not_negative', sql`${t.monthlyCostPerProxyCents} >= 0`),
    check(
      'proxy_providers_service_type_valid',
      sql`${t.serviceType} IS NULL OR ${oneOf(t.serviceType, providerServiceTypes)}`,
    ),
    check('proxy_providers_status_valid', oneOf(t.status, providerStatuses)),
  ],
)

export const models = sqliteTable(
  'models',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull().unique('models_name_unique'),
    notes: text('notes'),
    status: text('status', { enum: modelStatuses }).notNull().default('active'),
    ...timestamps,
  },
  (t) => [
    check('models_name_not_empty', sql`length(trim(${t.name})) > 0`),
    check('models_status_valid', oneOf(t.status, modelStatuses)),
  ],
)

export const proxies = sqliteTable(
  'proxies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // RESTRICT: a provider's proxies are deleted (releasing their accounts) by the service first.
    providerId: integer('provider_id')
      .notNull()
      .references(() => proxyProviders.id, { onDelete: 'restrict' }),
    protocol: text('protocol', { enum: proxyProtocols }).notNull(),
    remoteDns: integer('remote_dns', { mode: 'boolean' }).notNull().default(false),
    host: text('host').notNull(),
    port: integer('port').notNull(),
    username: text('username'),
    passwordEncrypted: text('password_encrypted'),
    location: text('location'),
    country: text('country'),
    status: text('status', { enum: proxyStatuses }).notNull().default('active'),
    // Both maintained by triggers from `accounts`; a direct write that disagrees is refused.
    assignedModelId: integer('assigned_model_id').references(() => models.id, {
      onDelete: 'restrict',
    }),
    accountCount: integer('account_count').notNull().default(0),
    maxAccounts: integer('max_accounts').notNull().default(3),
    monthlyCostOverrideCents: integer('monthly_cost_override_cents'),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
    notes: text('notes'),
    expiresAt: integer('expires_at'),
    rotationUrl: text('rotation_url'),
    sticky: integer('sticky', { mode: 'boolean' }).notNull().default(false),
    lastTestedAt: integer('last_tested_at'),
    lastSuccessAt: integer('last_success_at'),
    lastErrorCode: text('last_error_code', { enum: checkErrorCodes }),
    lastErrorMessage: text('last_error_message'),
    responseTimeMs: integer('response_time_ms'),
    exitIp: text('exit_ip'),
    // The last successful check's exit profile (checks/geo.ts, checks/anonymity, reachability).
    // Added by ALTER TABLE, so their value checks are triggers (0004_exit_profile_checks.sql): a
    // table CHECK would make drizzle-kit rebuild `proxies`, which drops its triggers.
    exitRegion: text('exit_region'),
    exitCity: text('exit_city'),
    exitTimezone: text('exit_timezone'),
    exitAsn: integer('exit_asn'),
    exitOrg: text('exit_org'),
    anonymity: text('anonymity', { enum: anonymityLevels }),
    reachability: text('reachability', { mode: 'json' }).$type<ReachabilityResult[]>(),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    // SQLite treats NULLs as distinct in UNIQUE; IP-whitelisted proxies (no username) must still
    // clash. CASE rather than coalesce(): drizzle-kit splits index expressions at commas.
    uniqueIndex('proxies_endpoint_unique').on(
      t.protocol,
      t.host,
      t.port,
      sql`(CASE WHEN ${t.username} IS NULL THEN '' ELSE ${t.username} END)`,
    ),
    // Filtered lists by status and model, and the assignment engine's candidates.
    index('proxies_assignable_idx').on(t.status, t.assignedModelId, t.accountCount),
    // Only proxies with room: "lowest id for model M (or for no model)" is one index seek each,
    // where the index above would sort every active proxy. Queries must repeat the WHERE terms.
    // No plain index on assigned_model_id: the planner would prefer it and walk full proxies; the
    // FK check when deleting a model scans proxies instead (rare, milliseconds at 100k rows).
    index('proxies_available_idx')
      .on(t.assignedModelId, t.id)
      .where(sql`${t.status} = 'active' AND ${t.accountCount} < ${t.maxAccounts}`),
    index('proxies_provider_idx').on(t.providerId),
    index('proxies_host_idx').on(t.host),
    index('proxies_country_idx').on(t.country),
    index('proxies_last_tested_idx').on(t.lastTestedAt),
    index('proxies_expires_idx').on(t.expiresAt),
    // Sort orders of the proxies list (services/proxies/proxy-list.ts walks them for a page instead
    // of sorting every match); each ends in the rowid, which is the list's `id` tie-break.
    index('proxies_response_time_idx').on(t.responseTimeMs),
    index('proxies_account_count_idx').on(t.accountCount),
    // Status and protocol sort through an expression no filter names (same order, text || ''):
    // a plain index on either would be picked for `status = ?` filters over the more selective
    // ones (country, provider) and read most of the table.
    index('proxies_status_sort_idx').on(sql`(${t.status} || '')`),
    index('proxies_protocol_sort_idx').on(sql`(${t.protocol} || '')`),
    check('proxies_port_range', sql`${t.port} BETWEEN 1 AND 65535`),
    check('proxies_host_not_empty', sql`length(${t.host}) > 0`),
    check('proxies_protocol_valid', oneOf(t.protocol, proxyProtocols)),
    check('proxies_status_valid', oneOf(t.status, proxyStatuses)),
    check('proxies_max_accounts_positive', sql`${t.maxAccounts} >= 1`),
    check('proxies_account_count_not_negative', sql`${t.accountCount} >= 0`),
    check('proxies_account_count_within_max', sql`${t.accountCount} <= ${t.maxAccounts}`),
    check(
      'proxies_model_iff_accounts',
      sql`(${t.accountCount} = 0) = (${t.assignedModelId} IS NULL)`,
    ),
    check(
      'proxies_cost_override_not_negative',
      sql`${t.monthlyCostOverrideCents} IS NULL OR ${t.monthlyCostOverrideCents} >= 0`,
    ),
    check(
      'proxies_last_error_code_valid',
      sql`${t.lastErrorCode} IS NULL OR ${oneOf(t.lastErrorCode, checkErrorCodes)}`,
    ),
    check(
      'proxies_response_time_not_negative',
      sql`${t.responseTimeMs} IS NULL OR ${t.responseTimeMs} >= 0`,
    ),
    check('proxies_consecutive_failures_not_negative', sql`${t.consecutiveFailures} >= 0`),
    check('proxies_tags_json_array', sql`json_valid(${t.tags}) AND json_type(${t.tags}) = 'array'`),
    check('proxies_remote_dns_bool', bool(t.remoteDns)),
    check('proxies_sticky_bool', bool(t.sticky)),
  ],
)

export const accounts = sqliteTable(
  'accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // RESTRICT: a model with accounts cannot vanish from under them.
    modelId: integer('model_id')
      .notNull()
      .references(() => models.id, { onDelete: 'restrict' }),
    platform: text('platform', { enum: accountPlatforms }).notNull(),
    username: text('username').notNull(),
    status: text('status', { enum: accountStatuses }).notNull().default('active'),
    // RESTRICT: deleting a proxy must release its accounts first, writing `proxy_removed` history.
    proxyId: integer('proxy_id').references(() => proxies.id, { onDelete: 'restrict' }),
    notes: text('notes'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('accounts_platform_username_unique').on(t.platform, t.username),
    // (proxy_id, status): counts per proxy for the triggers, and `proxy_id IS NULL AND status =
    // 'active'` in id order for auto-assign, both straight from the index.
    index('accounts_proxy_idx').on(t.proxyId, t.status),
    index('accounts_model_idx').on(t.modelId),
    check('accounts_username_not_empty', sql`length(trim(${t.username})) > 0`),
    check('accounts_platform_valid', oneOf(t.platform, accountPlatforms)),
    check('accounts_status_valid', oneOf(t.status, accountStatuses)),
    check('accounts_only_active_hold_proxy', sql`${t.status} = 'active' OR ${t.proxyId} IS NULL`),
  ],
)

/*
 * History names proxies, accounts and models by id without foreign keys: the audit trail must
 * outlive what it names, and ON DELETE SET NULL would both erase who was involved and be an UPDATE
 * of an append-only table (refused by trigger). AUTOINCREMENT on those tables keeps ids unambiguous.
 */
export const proxyAssignmentHistory = sqliteTable(
  'proxy_assignment_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    proxyId: integer('proxy_id').notNull(),
    accountId: integer('account_id').notNull(),
    modelId: integer('model_id').notNull(),
    action: text('action', { enum: historyActions }).notNull(),
    reason: text('reason', { enum: historyReasons }).notNull(),
    assignedBy: text('assigned_by', { enum: historyActors }).notNull(),
    // Why, in words, when the reason alone does not say (e.g. an operator forcing past an exit
    // collision names the other proxy and the shared address).
    detail: text('detail'),
    createdAt: integer('created_at').notNull().default(nowMs),
  },
  (t) => [
    index('history_created_idx').on(t.createdAt),
    index('history_proxy_idx').on(t.proxyId),
    index('history_account_idx').on(t.accountId),
    index('history_model_idx').on(t.modelId),
    check('history_action_valid', oneOf(t.action, historyActions)),
    check('history_reason_valid', oneOf(t.reason, historyReasons)),
    check('history_assigned_by_valid', oneOf(t.assignedBy, historyActors)),
  ],
)

export const proxyChecks = sqliteTable(
  'proxy_checks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // Checks are measurements, not audit: they go with their proxy.
    proxyId: integer('proxy_id')
      .notNull()
      .references(() => proxies.id, { onDelete: 'cascade' }),
    checkedAt: integer('checked_at').notNull(),
    ok: integer('ok', { mode: 'boolean' }).notNull(),
    errorCode: text('error_code', { enum: checkErrorCodes }),
    errorMessage: text('error_message'),
    connectMs: integer('connect_ms'),
    totalMs: integer('total_ms'),
    exitIp: text('exit_ip'),
    country: text('country'),
    city: text('city'),
    region: text('region'),
    timezone: text('timezone'),
    asn: integer('asn'),
    org: text('org'),
    anonymity: text('anonymity', { enum: anonymityLevels }),
    reachability: text('reachability', { mode: 'json' }).$type<ReachabilityResult[]>(),
    judge: text('judge'),
  },
  (t) => [
    index('checks_proxy_checked_idx').on(t.proxyId, t.checkedAt),
    // The dashboard's per-day trends walk a day's range of checked_at and read only these columns
    // (services/analytics-trends.ts): covering, so the wide rows stay unread. It replaces the
    // index on checked_at alone, which it starts with.
    index('checks_trend_idx').on(t.checkedAt, t.ok, t.totalMs, t.proxyId, t.errorCode),
    check('checks_ok_bool', bool(t.ok)),
    check(
      'checks_error_code_valid',
      sql`${t.errorCode} IS NULL OR ${oneOf(t.errorCode, checkErrorCodes)}`,
    ),
    check(
      'checks_durations_not_negative',
      sql`(${t.connectMs} IS NULL OR ${t.connectMs} >= 0) AND (${t.totalMs} IS NULL OR ${t.totalMs} >= 0)`,
    ),
  ],
)

/**
 * Every exit address a proxy's successful checks answered from, with when it was first and last
 * seen: a rotating proxy has many. The isolation guard compares proxies of different models by
 * these (exact `ip`, or `net`: the IPv4 /24 or IPv6 /48 it lies in). Loopback and private exits
 * count too. Measurements, not audit: they go with their proxy.
 */
export const proxyExits = sqliteTable(
  'proxy_exits',
  {
    proxyId: integer('proxy_id')
      .notNull()
      .references(() => proxies.id, { onDelete: 'cascade' }),
    ip: text('ip').notNull(),
    net: text('net').notNull(),
    firstSeenAt: integer('first_seen_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.proxyId, t.ip] }),
    index('proxy_exits_ip_idx').on(t.ip, t.lastSeenAt),
    index('proxy_exits_net_idx').on(t.net, t.lastSeenAt),
    check('proxy_exits_seen_order', sql`${t.firstSeenAt} <= ${t.lastSeenAt}`),
  ],
)

/**
 * Exit collisions already raised (by the alert after a check run, or accepted by a forced
 * assign), one row per pair of proxies, lower id first: what makes a collision "new". The open
 * collisions themselves are always computed from `proxy_exits` and the proxies' models; a row whose
 * pair no longer collides (or whose models changed) is deleted, so a collision that comes back is
 * raised again. Goes with either proxy.
 */
export const exitCollisions = sqliteTable(
  'exit_collisions',
  {
    proxyId: integer('proxy_id')
      .notNull()
      .references(() => proxies.id, { onDelete: 'cascade' }),
    otherProxyId: integer('other_proxy_id')
      .notNull()
      .references(() => proxies.id, { onDelete: 'cascade' }),
    modelId: integer('model_id').notNull(),
    otherModelId: integer('other_model_id').notNull(),
    /** The shared exit IP, or the shared /24 or /48 in subnet mode. */
    address: text('address').notNull(),
    raisedAt: integer('raised_at').notNull(),
    /** 1: an operator's forced assign created it, so no alert announces it. */
    forced: integer('forced', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.proxyId, t.otherProxyId] }),
    index('exit_collisions_other_idx').on(t.otherProxyId),
    check('exit_collisions_pair_order', sql`${t.proxyId} < ${t.otherProxyId}`),
    check('exit_collisions_forced_bool', bool(t.forced)),
  ],
)

export const settings = sqliteTable(
  'settings',
  {
    key: text('key').primaryKey(),
    value: text('value', { mode: 'json' }).notNull(),
  },
  (t) => [check('settings_value_json', sql`json_valid(${t.value})`)],
)

/**
 * The fingerprint of the master key that seals this database's passwords: an HMAC check value
 * (secrets/fingerprint.ts), never the key. One row. It lets start-up tell "the keychain holds
 * another key" or "no key" from "first start" instead of minting a key that opens nothing.
 */
export const vaultKeyCheck = sqliteTable(
  'vault_key_check',
  {
    id: integer('id').primaryKey(),
    keyVersion: integer('key_version').notNull(),
    checkValue: text('check_value').notNull(),
    recordedAt: integer('recorded_at').notNull(),
  },
  (t) => [
    check('vault_key_check_single_row', sql`${t.id} = 1`),
    check('vault_key_check_version_positive', sql`${t.keyVersion} >= 1`),
  ],
)
