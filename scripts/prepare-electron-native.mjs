#!/usr/bin/env node
/**
 * Prepares the Electron-ABI better-sqlite3 binary (see scripts/electron/sqlite-native.mjs) and
 * prints its path. `npm start` and the packaging hook call the same code; run this by hand to
 * prepare ahead of time or for another architecture:
 *   node scripts/prepare-electron-native.mjs [--arch x64|arm64] [--platform linux|darwin|win32]
 */
import { parseArgs } from 'node:util'
import { prepareElectronSqlite } from './electron/sqlite-native.mjs'
import { exitWithError } from './electron/process.mjs'

try {
  const { values } = parseArgs({
    options: { arch: { type: 'string' }, platform: { type: 'string' } },
  })
  const file = await prepareElectronSqlite({
    arch: values.arch ?? process.arch,
    platform: values.platform ?? process.platform,
    log: (line) => console.error(line),
  })
  console.log(file)
} catch (error) {
  exitWithError(error)
}
