/**
 * Small process helpers for the Electron launch and packaging scripts: child processes with their
 * output captured (shown only when useful), an environment cleaned of npm's config, and errors that
 * reach the operator as one plain message instead of a stack trace.
 */
import { spawn } from 'node:child_process'

/** An error whose message is written for the operator and is printed as it is. */
export class UserFacingError extends Error {
  constructor(message) {
    super(message)
    this.name = 'UserFacingError'
  }
}

const OUTPUT_LIMIT = 256 * 1024

/**
 * Runs a command to completion, capturing stdout and stderr together (the last 256 KiB).
 * Resolves with the exit code; rejects only when the command cannot be started.
 */
export function runCaptured(command, args, { cwd, env, onOutput } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const collect = (chunk) => {
      const text = chunk.toString()
      onOutput?.(text)
      output = (output + text).slice(-OUTPUT_LIMIT)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.once('error', reject)
    child.once('close', (code, signal) => resolvePromise({ code: code ?? 1, signal, output }))
  })
}

/**
 * The environment for child tools without npm's config: `npm start` exports `npm_config_nodedir`
 * (this machine's npmrc points it at Node's headers), and node-gyp and prebuild-install let those
 * variables override their command line, which would quietly produce a Node build labelled
 * Electron. Proxy, CA, cache and better-sqlite3 mirror settings are kept.
 */
export function toolEnv(env = process.env, extra = {}) {
  const keep =
    /^npm_config_(https?_proxy|proxy|noproxy|no_proxy|cafile|ca|strict_ssl|cache|better_sqlite3_binary_host(_mirror)?)$/i
  const result = {}
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) continue
    if (/^npm_(config|package_config)_/i.test(key) && !keep.test(key)) continue
    if (key === 'ELECTRON_RUN_AS_NODE') continue
    result[key] = value
  }
  return { ...result, ...extra }
}

/** One readable line from an error, for "… failed (<reason>)". */
export function describeError(error) {
  if (error && typeof error === 'object') {
    const cause = error.cause
    if (cause && typeof cause === 'object' && typeof cause.message === 'string' && cause.message) {
      return oneLine(cause.message)
    }
    if (typeof error.message === 'string' && error.message) return oneLine(error.message)
  }
  return oneLine(String(error))
}

/** The most telling line of a tool's output: its last error line, else its last line. */
export function lastErrorLine(output) {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(
      (line) =>
        line !== '' &&
        !/^(gyp ERR! )?(stack|cwd|node -v|node-gyp -v|command|System|not ok)\b/.test(line),
    )
  const errors = lines.filter((line) =>
    /err|fail|error|denied|not found|refused|\b[45]\d\d\b/i.test(line),
  )
  const pick = errors.at(-1) ?? lines.at(-1) ?? 'no output'
  return oneLine(pick.replace(/^(gyp ERR!|prebuild-install (warn|WARN|err!?|ERR!?))\s*/i, ''))
}

function oneLine(text) {
  const line = text.split(/\r?\n/).find((part) => part.trim() !== '') ?? text
  return line.trim().slice(0, 300)
}

/** Prints the operator's message (no stack trace) and exits with 1. */
export function exitWithError(error) {
  if (error instanceof UserFacingError) {
    console.error(`\n${error.message}\n`)
  } else {
    console.error(`\nProxyDeck could not start: ${describeError(error)}\n`)
    if (process.env.PROXYDECK_DEBUG) console.error(error)
  }
  process.exit(1)
}
