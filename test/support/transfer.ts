// Shared by the import/export tests (not a test file itself): real contexts on temp-dir SQLite
// files with keychain entries of their own, calls through the real contract dispatch, and the
// stored proxies read back with their passwords decrypted.
import { createTestContext, type TestContext } from './context'
import type { Channel } from '../../src/shared/channels'
import type { InputOf, OutputOf } from '../../src/shared/contracts'
import { AppError } from '../../src/shared/errors'
import type { EventChannel } from '../../src/shared/channels'
import type { AppContext } from '../../src/main/context'
import { dispatch } from '../../src/main/ipc/dispatch'
import { createProvider } from '../../src/main/services/providers'
import { passwordAad } from '../../src/main/services/proxies'

/** Calls a channel the way the transports do; an error envelope is thrown as its AppError. */
export async function call<K extends Channel>(
  ctx: AppContext,
  channel: K,
  input: InputOf<K>,
): Promise<OutputOf<K>> {
  const envelope = await dispatch(ctx, channel, input)
  if (!envelope.ok) throw AppError.fromShape(envelope.error)
  return envelope.value as OutputOf<K>
}

/** The AppError a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected the call to fail')
}

export async function withContext(): Promise<TestContext> {
  return createTestContext()
}

export function provider(ctx: AppContext, name: string): number {
  return createProvider(ctx, { name, monthlyCostPerProxyCents: 100 }).id
}

/** A stored proxy as an import or export sees it, password decrypted. */
export interface StoredProxy {
  id: number
  provider: string
  protocol: string
  remoteDns: boolean
  host: string
  port: number
  username: string | null
  password: string | null
  rotationUrl: string | null
  location: string | null
  country: string | null
  tags: string[]
  notes: string | null
}

export function storedProxies(ctx: AppContext): StoredProxy[] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT p.id, pp.name AS provider, p.protocol, p.remote_dns, p.host, p.port, p.username,
              p.password_encrypted, p.rotation_url, p.location, p.country, p.tags, p.notes
         FROM proxies p JOIN proxy_providers pp ON pp.id = p.provider_id ORDER BY p.id`,
    )
    .all() as (Omit<StoredProxy, 'password' | 'remoteDns' | 'tags' | 'rotationUrl'> & {
    remote_dns: number
    password_encrypted: string | null
    rotation_url: string | null
    tags: string
  })[]
  return rows.map(({ remote_dns, password_encrypted, rotation_url, tags, ...row }) => ({
    ...row,
    remoteDns: remote_dns === 1,
    rotationUrl: rotation_url,
    tags: JSON.parse(tags) as string[],
    password:
      password_encrypted === null
        ? null
        : ctx.vault.decrypt(password_encrypted, passwordAad(row.id)),
  }))
}

/** The database file's content as SQLite serializes it: equal buffers, equal databases. */
export function snapshot(ctx: AppContext): Buffer {
  return ctx.sqlite.serialize()
}

/** Every event of a channel emitted while the returned list is being recorded. */
export function recordEvents<E extends EventChannel>(
  ctx: AppContext,
  channel: E,
): { payloads: unknown[]; stop(): void } {
  const payloads: unknown[] = []
  const stop = ctx.events.subscribe((event, payload) => {
    if (event === channel) payloads.push(payload)
  })
  return { payloads, stop }
}
