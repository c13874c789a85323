import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  freePort,
  serverGroup,
  startJudge,
  startTarpit,
  startTinyproxy,
  type RunningJudge,
  type RunningServer,
} from '../../../test/fixtures'
import { createChecksFixture } from '../../../test/support/checks'
import { deleteVaultKey } from '../secrets'
import type { Timers } from './monitor'

const ROOT = join(__dirname, '../../..')
const servers = serverGroup()
let tinyproxy: RunningServer
let tarpit: RunningServer
let judge: RunningJudge

beforeAll(async () => {
  ;[tinyproxy, tarpit, judge] = await Promise.all([
    startTinyproxy().then(servers.add),
    startTarpit('silent').then(servers.add),
    startJudge().then(servers.add),
  ])
})

afterAll(() => servers.stopAll())

interface LeftBehind {
  dead: number[]
  tarpit: number
  spare: number
  accounts: number[]
}

/** Starts the child's run and SIGKILLs it once it has written its failing proxies as `error`. */
async function killMidRun(dataDir: string, keychainService: string): Promise<LeftBehind> {
  const args = [
    join(ROOT, 'test/support/crashing-check-run.ts'),
    dataDir,
    keychainService,
    String(await freePort()),
    String(tarpit.port),
    String(tinyproxy.port),
  ]
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = once(child, 'exit')
  try {
    const lines = createInterface({ input: child.stdout })
    const [first] = (await Promise.race([
      once(lines, 'line'),
      exited.then(() => {
        throw new Error('the child exited before its run wrote the failing proxies')
      }),
    ])) as [string]
    return JSON.parse(first) as LeftBehind
  } finally {
    child.kill('SIGKILL')
    await exited
  }
}

function manualTimers(): Timers & { fire(): void } {
  const pending: (() => void)[] = []
  return {
    setTimeout: (fn) => pending.push(fn),
    clearTimeout: () => void pending.splice(0),
    fire: () => pending.shift()?.(),
  }
}

describe('failover after kill -9 in the middle of a check run', () => {
  it("the next start's first monitor round moves the accounts off the error proxies", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'proxydeck-crash-')), 'data')
    const keychainService = `ProxyDeck-test-${randomUUID()}`
    try {
      const left = await killMidRun(dataDir, keychainService)
      const timers = manualTimers()
      const f = await createChecksFixture([judge.url('/')], {
        dataDir,
        keychainService,
        monitor: { timers, firstRoundDelayMs: 1_000 },
      })
      try {
        // What the killed run left: proxies in error, the accounts still on them.
        for (const id of left.dead) expect(f.proxyRow(id).status).toBe('error')
        for (const accountId of left.accounts) {
          expect(left.dead).toContain((await f.call('accounts:get', { id: accountId })).proxyId)
        }
        await f.call('proxies:setStatus', { ids: [left.tarpit], status: 'inactive' })
        f.ctx.checks.monitor.start()
        timers.fire()
        const round = await f.ctx.checks.monitor.runRound()
        for (const accountId of left.accounts) {
          expect((await f.call('accounts:get', { id: accountId })).proxyId).toBe(left.spare)
        }
        expect(round.alert?.message).toContain('3 accounts moved off proxies left failing.')
        f.ctx.checks.monitor.stop()
      } finally {
        await f.dispose()
      }
    } finally {
      await deleteVaultKey(keychainService)
      rmSync(join(dataDir, '..'), { recursive: true, force: true })
    }
  })
})
