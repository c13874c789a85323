/**
 * Copies the files electronegativity reads (scripts, HTML, package manifests) from the project
 * into a scan folder, leaving out dependencies, build output and other generated folders.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs'
import { extname, join, relative } from 'node:path'

/** Folders never scanned: dependencies, build output, caches and generated native builds. */
export const SKIPPED_DIRS = new Set([
  '.git',
  'node_modules',
  'out',
  'dist',
  'coverage',
  '.vite',
  '.electron-native',
])

const SCANNED_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.tsx', '.html', '.htm'])
// package.json and its lock tell electronegativity the Electron version (some checks depend on it).
const SCANNED_NAMES = new Set(['package.json', 'package-lock.json'])

export function isScanned(name) {
  return SCANNED_NAMES.has(name) || SCANNED_EXTENSIONS.has(extname(name))
}

/** Copies the scanned files under `root` into `dest`, keeping relative paths; returns the count. */
export function stageSources(root, dest) {
  let count = 0
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) visit(path)
      } else if (entry.isFile() && isScanned(entry.name)) {
        const target = join(dest, relative(root, path))
        mkdirSync(join(target, '..'), { recursive: true })
        copyFileSync(path, target)
        count++
      }
    }
  }
  visit(root)
  return count
}
