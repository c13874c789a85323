/**
 * Where the data lives: `--data-dir <dir>` / `--data-dir=<dir>` on the command line, else the
 * `PROXYDECK_DATA_DIR` environment variable, else the runtime's default (Electron's userData).
 */
export function resolveDataDir(argv: string[], env: NodeJS.ProcessEnv, fallback: string): string {
  const fromArgs = readOption(argv, '--data-dir')
  if (fromArgs) return fromArgs
  const fromEnv = env.PROXYDECK_DATA_DIR?.trim()
  if (fromEnv) return fromEnv
  return fallback
}

/** Value of `--name value` or `--name=value`; undefined when absent or empty. */
export function readOption(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === name) {
      const next = argv[i + 1]
      return next && !next.startsWith('--') ? next : undefined
    }
    if (arg?.startsWith(`${name}=`)) return arg.slice(name.length + 1) || undefined
  }
  return undefined
}
