import type * as NodeCrypto from 'node:crypto'
import type { MessagePort } from 'node:worker_threads'

/*
 * The one implementation of sealing (the `v1` layout of sealed-secret.ts). It runs in two places:
 * the vault calls `sealingCore` directly, and the seal worker (seal-worker.ts) runs the *source
 * text* of these two functions in a `worker_thread` started with `eval: true`, so no worker file
 * has to be found on disk in vitest (TS source), tsx (bench) or the packaged app (out/main inside
 * app.asar). Hence the rules for this file: both functions are self-contained. They use only
 * their parameters and globals (`Buffer`), never an import's value or a module-level binding; the
 * imports above are types only, erased before the text is taken.
 */

/** Why a secret cannot be sealed: no row identity, or a lone UTF-16 surrogate UTF-8 cannot hold. */
export type SealRefusal = 'aad' | 'surrogate'

export interface SealingCore {
  readonly layout: {
    readonly format: string
    readonly algorithm: 'aes-256-gcm'
    readonly nonceBytes: number
    readonly tagBytes: number
  }
  refusal(plaintext: string, aad: string): SealRefusal | null
  /** Seals a plaintext `refusal` accepted: `v1.<key version>.<nonce>.<ciphertext+tag>`. */
  seal(key: Uint8Array, version: number, plaintext: string, aad: string): string
}

type Crypto = Pick<typeof NodeCrypto, 'createCipheriv' | 'randomFillSync'>

export function sealingCore(crypto: Crypto): SealingCore {
  const layout = {
    format: 'v1',
    algorithm: 'aes-256-gcm',
    nonceBytes: 12,
    tagBytes: 16,
  } as const
  // With the `u` flag a correctly paired surrogate reads as one code point, so only lone halves
  // match: UTF-8 cannot carry those, and sealing would silently turn them into U+FFFD.
  const loneSurrogate = /\p{Surrogate}/u
  // Nonces come from a pool filled by the CSPRNG 4 KiB at a time: one syscall per ~340 nonces
  // instead of one each (measured ~40% of sealing time on a 100k-line import). Every byte is used
  // once. One pool per thread: each instance of this core has its own.
  const noncePool = Buffer.alloc(layout.nonceBytes * 341)
  let poolOffset = noncePool.length
  const freshNonce = (): Buffer => {
    if (poolOffset + layout.nonceBytes > noncePool.length) {
      crypto.randomFillSync(noncePool)
      poolOffset = 0
    }
    const nonce = Buffer.from(noncePool.subarray(poolOffset, poolOffset + layout.nonceBytes))
    poolOffset += layout.nonceBytes
    return nonce
  }
  return {
    layout,
    refusal: (plaintext, aad) => {
      // Without a row identity a sealed secret could be moved between rows unnoticed.
      if (aad.length === 0 || loneSurrogate.test(aad)) return 'aad'
      return loneSurrogate.test(plaintext) ? 'surrogate' : null
    },
    seal: (key, version, plaintext, aad) => {
      const nonce = freshNonce()
      const cipher = crypto.createCipheriv(layout.algorithm, key, nonce, {
        authTagLength: layout.tagBytes,
      })
      cipher.setAAD(Buffer.from(aad, 'utf8'))
      const sealed = Buffer.concat([
        cipher.update(plaintext, 'utf8'),
        cipher.final(),
        cipher.getAuthTag(),
      ])
      return [
        layout.format,
        String(version),
        nonce.toString('base64url'),
        sealed.toString('base64url'),
      ].join('.')
    },
  }
}

/** main → worker: the key once (transferred, never written anywhere), then jobs. */
export type SealRequest =
  | { type: 'key'; key: Uint8Array; version: number }
  | { type: 'seal'; job: number; plaintexts: (string | null)[]; aads: string[] }

/** worker → main. A refused row ends its job: the commit fails as the vault would have. */
export type SealReply =
  | { type: 'ready' }
  | { type: 'sealed'; job: number; sealed: (string | null)[] }
  | { type: 'refused'; job: number; index: number; reason: SealRefusal }

/** The worker's program; runs only inside the worker, on `parentPort`. Self-contained, as above. */
export function sealWorkerMain(port: MessagePort, core: SealingCore): void {
  let key: Uint8Array | null = null
  let version = 0
  port.on('message', (message: SealRequest) => {
    if (message.type === 'key') {
      key = message.key
      version = message.version
      port.postMessage({ type: 'ready' } satisfies SealReply)
      return
    }
    if (key === null) throw new Error('the seal worker got a job before its key')
    const { job, plaintexts, aads } = message
    const sealed: (string | null)[] = new Array<string | null>(plaintexts.length)
    for (let i = 0; i < plaintexts.length; i++) {
      const plaintext = plaintexts[i] ?? null
      if (plaintext === null) {
        sealed[i] = null
        continue
      }
      const aad = aads[i] ?? ''
      const reason = core.refusal(plaintext, aad)
      if (reason !== null) {
        port.postMessage({ type: 'refused', job, index: i, reason } satisfies SealReply)
        return
      }
      sealed[i] = core.seal(key, version, plaintext, aad)
    }
    port.postMessage({ type: 'sealed', job, sealed } satisfies SealReply)
  })
}

/**
 * The worker's whole source. tsx (the bench) compiles with esbuild's keepNames, which wraps inner
 * functions in `__name(fn, "name")` calls to a helper that lives outside the function's text:
 * the worker defines a do-nothing one. The main build and vitest emit no such calls.
 */
export function sealWorkerSource(): string {
  return [
    'var __name = function (target) { return target }',
    `;(${sealWorkerMain.toString()})(`,
    `  require('node:worker_threads').parentPort,`,
    `  (${sealingCore.toString()})(require('node:crypto')),`,
    ')',
  ].join('\n')
}
