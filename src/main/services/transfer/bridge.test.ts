import { get, type IncomingMessage } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestContext } from '../../../../test/support/context'
import { startTestBridge, type TestBridge } from '../../../../test/support/bridge'
import { rawRequest } from '../../../../test/support/http'
import type { ImportProgress } from '../../../shared/import-types'
import type { RunningBridge } from '../../ipc/http-bridge'

// The headless bridge: the same contracts take uploaded text and answer downloadable content, and
// other calls are still answered while a big import works (it yields between chunks).

const TOKEN = 'import-bridge-token'
const LINES = 30_000
let served: TestBridge
let test: TestContext
let bridge: RunningBridge

beforeAll(async () => {
  served = await startTestBridge(TOKEN)
  ;({ test, bridge } = served)
})

afterAll(() => served?.dispose())

async function call<T>(channel: string, body: unknown): Promise<T> {
  const res = await rawRequest({
    port: bridge.port,
    path: `/api/${channel}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(body),
  })
  const envelope = JSON.parse(res.body) as { ok: boolean; value: T; error?: unknown }
  if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`)
  return envelope.value
}

/** The SSE stream's `import:progress` payloads, as the bridge's renderer receives them. */
function progressStream(): Promise<{ events: ImportProgress[]; close(): void }> {
  return new Promise((resolve, reject) => {
    const events: ImportProgress[] = []
    const req = get(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path: '/api/events',
        headers: { authorization: `Bearer ${TOKEN}` },
      },
      (res: IncomingMessage) => {
        let buffer = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          buffer += chunk
          let end: number
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            const data = /^data: (.*)$/m.exec(message)?.[1]
            if (message.startsWith('event: import:progress') && data) {
              events.push(JSON.parse(data) as ImportProgress)
            }
          }
        })
        resolve({ events, close: () => req.destroy() })
      },
    )
    req.on('error', reject)
  })
}

/**
 * Starts `app:info` when the first progress event of `phase` is emitted and reports whether it was
 * answered before `work` finished: main kept serving other calls during that phase.
 */
async function answeredDuring<T>(
  phase: ImportProgress['phase'],
  work: () => Promise<T>,
): Promise<{ result: T; answeredFirst: boolean }> {
  const order: string[] = []
  let probe: Promise<void> | null = null
  const stop = test.ctx.events.subscribe((event, payload) => {
    if (event === 'import:progress' && (payload as ImportProgress).phase === phase && !probe) {
      probe = call('app:info', {}).then(() => void order.push('probe'))
    }
  })
  try {
    const result = await work()
    order.push('work')
    await probe
    return { result, answeredFirst: order[0] === 'probe' }
  } finally {
    stop()
  }
}

describe('import and export through the HTTP bridge', () => {
  it('imports uploaded text, stays responsive, streams progress and offers a download', async () => {
    const provider = await call<{ id: number }>('providers:create', {
      name: 'Uploaded',
      monthlyCostPerProxyCents: 0,
    })
    const text = Array.from(
      { length: LINES },
      (_, i) => `10.9.${i >> 8}.${i & 255}:8080:user${i}:pass${i}`,
    ).join('\n')
    const stream = await progressStream()

    const preview = await answeredDuring('parsing', () =>
      call<{ importId: string; counts: { new: number } }>('import:preview', {
        source: 'text',
        text,
        fileName: 'list.txt',
      }),
    )
    expect(preview.result.counts.new).toBe(LINES)
    expect(preview.answeredFirst).toBe(true)

    const commit = await answeredDuring('encrypting', () =>
      call<{ inserted: number }>('import:commit', {
        importId: preview.result.importId,
        providerId: provider.id,
      }),
    )
    expect(commit.result.inserted).toBe(LINES)
    expect(commit.answeredFirst).toBe(true)

    const file = await call<{ filename: string; content: string; count: number }>(
      'export:proxies',
      { scope: { kind: 'all' }, format: 'txt', destination: 'download' },
    )
    expect(file.count).toBe(LINES)
    expect(file.content.split('\n')[0]).toBe('10.9.0.0:8080:user0:')

    // The last storing event went out on the stream before the commit's answer did.
    stream.close()
    const phases = new Set(stream.events.map((e) => e.phase))
    expect([...phases]).toEqual(['parsing', 'encrypting', 'storing'])
    expect(stream.events.at(-1)).toMatchObject({ phase: 'storing', stored: LINES })
  })
})
