import type Database from 'better-sqlite3'
import {
  defaultSettings,
  geoDatabaseSettingKeys,
  geoDatabaseSettingSchema,
  settingsShape,
  type GeoDatabaseSetting,
  type SettingKey,
  type Settings,
  type SettingsPatch,
} from '../../shared/settings'

/**
 * The stored settings merged over the defaults. A stored value that no longer validates (an older
 * version's shape, a hand edit) falls back to its default instead of breaking start-up.
 */
export function readSettings(sqlite: Database.Database): Settings {
  const rows = sqlite.prepare('SELECT key, value FROM settings').all() as {
    key: string
    value: string
  }[]
  const settings: Record<string, unknown> = { ...defaultSettings }
  for (const row of rows) {
    if (!(row.key in settingsShape)) continue
    const key = row.key as SettingKey
    const parsed = settingsShape[key].safeParse(safeJson(row.value))
    if (parsed.success) settings[key] = parsed.data
  }
  return settings as Settings
}

/** Writes the named keys in one transaction (all or nothing) and returns the full settings. */
export function writeSettings(sqlite: Database.Database, patch: SettingsPatch): Settings {
  const upsert = sqlite.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  )
  sqlite.transaction(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) upsert.run(key, JSON.stringify(value))
    }
  })()
  return readSettings(sqlite)
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** The operator's chosen database files of a kind, or null for the bundled copy. */
export function readGeoDatabaseSetting(
  sqlite: Database.Database,
  kind: keyof typeof geoDatabaseSettingKeys,
): GeoDatabaseSetting {
  const row = sqlite
    .prepare('SELECT value FROM settings WHERE key = ?')
    .get(geoDatabaseSettingKeys[kind]) as { value: string } | undefined
  if (!row) return null
  const parsed = geoDatabaseSettingSchema.safeParse(safeJson(row.value))
  return parsed.success ? parsed.data : null
}

/** Only for paths main has opened and checked (checks/geo-databases.ts). */
export function writeGeoDatabaseSetting(
  sqlite: Database.Database,
  kind: keyof typeof geoDatabaseSettingKeys,
  value: GeoDatabaseSetting,
): void {
  sqlite
    .prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    )
    .run(geoDatabaseSettingKeys[kind], JSON.stringify(geoDatabaseSettingSchema.parse(value)))
}
