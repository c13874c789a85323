// Types for stage-sources.mjs, so the TypeScript tests can import it.
export const SKIPPED_DIRS: ReadonlySet<string>
export function isScanned(name: string): boolean
export function stageSources(root: string, dest: string): number
