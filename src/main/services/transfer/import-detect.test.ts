import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  freePort,
  serverGroup,
  startDante,
  startJudge,
  startMicrosocks,
  startTinyproxy,
  type RunningServer,
} from '../../../../test/fixtures'
import { createChecksFixture, type ChecksFixture } from '../../../../test/support/checks'

// `import:commit` with `detectProtocol`: real daemons behind a list whose lines name no protocol
// (read as http), checked before the write, the working protocol stored.
const USER = 'import-user'
const PASS = 'Tr0ub4dor-3x'
const servers = serverGroup()
let tinyproxy: RunningServer
let microsocks: RunningServer
let dante: RunningServer
let f: ChecksFixture
let providerId: number

beforeAll(async () => {
  let judgeUrl: string
  ;[tinyproxy, microsocks, dante, judgeUrl] = await Promise.all([
    startTinyproxy({ user: USER, pass: PASS }).then(servers.add),
    startMicrosocks({ user: USER, pass: PASS }).then(servers.add),
    startDante().then(servers.add),
    startJudge()
      .then(servers.add)
      .then((judge) => judge.url('/')),
  ])
  f = await createChecksFixture([judgeUrl])
  providerId = await f.provider()
})

afterAll(async () => {
  await f?.dispose()
  await servers.stopAll()
})

function stored() {
  return f.ctx.sqlite
    .prepare('SELECT port, protocol, remote_dns AS remoteDns FROM proxies ORDER BY id')
    .all() as { port: number; protocol: string; remoteDns: number }[]
}

describe('import with protocol detection', () => {
  it('stores what works, line by line, and reports each change', async () => {
    const dead = await freePort()
    const text = [
      `127.0.0.1:${microsocks.port}:${USER}:${PASS}`,
      `127.0.0.1:${dante.port}`,
      `socks4://127.0.0.1:${dante.port}`,
      `127.0.0.1:${tinyproxy.port}:${USER}:${PASS}`,
      `127.0.0.1:${dead}`,
    ].join('\n')
    const preview = await f.call('import:preview', { source: 'text', text })
    expect(preview.counts.new).toBe(5)
    const result = await f.call('import:commit', {
      importId: preview.importId,
      providerId,
      detectProtocol: true,
    })
    expect(result.inserted).toBe(5)
    expect(result.detection).toEqual({
      checked: 5,
      changed: [
        { line: 1, from: 'http', to: 'socks5h' },
        { line: 2, from: 'http', to: 'socks5h' },
      ],
      noneWorked: [5],
    })
    expect(stored()).toEqual([
      { port: microsocks.port, protocol: 'socks5', remoteDns: 1 },
      { port: dante.port, protocol: 'socks5', remoteDns: 1 },
      // A line that names socks4 and works as socks4 keeps it.
      { port: dante.port, protocol: 'socks4', remoteDns: 0 },
      { port: tinyproxy.port, protocol: 'http', remoteDns: 0 },
      // Nothing worked: stored as it reads.
      { port: dead, protocol: 'http', remoteDns: 0 },
    ])
  })

  it('without the option stores the guess and checks nothing', async () => {
    const text = `127.0.0.2:${microsocks.port}`
    const preview = await f.call('import:preview', { source: 'text', text })
    const result = await f.call('import:commit', { importId: preview.importId, providerId })
    expect(result.detection).toBeUndefined()
    expect(stored().at(-1)).toMatchObject({ protocol: 'http' })
  })

  it('refuses a non-boolean option', async () => {
    const preview = await f.call('import:preview', { source: 'text', text: '127.0.0.3:1' })
    const error = await f.refusal('import:commit', {
      importId: preview.importId,
      providerId,
      detectProtocol: 'yes',
    })
    expect(error.code).toBe('VALIDATION')
    expect(stored().some((row) => row.port === 1)).toBe(false)
  })
})
