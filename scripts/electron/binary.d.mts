// Types for the part of binary.mjs the TypeScript tests use.
export const electronDir: string
export const electronVersion: string
/** The installed Electron executable, found without downloading anything; null when missing. */
export function installedElectron(): string | null
