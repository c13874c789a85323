// Run by the crash test as a child process (tsx), never imported: a real context that starts a
// check run, announces on stdout (one JSON line) once the run has written its failing proxies as
// `error`, and then waits, its run held open by a tarpit, for the test to kill it with SIGKILL
// before failover can run. Arguments: dataDir keychainService deadPort tarpitPort sparePort.
import type { Channel } from '../../src/shared/channels'
import type { InputOf, OutputOf } from '../../src/shared/contracts'
import { createContext } from '../../src/main/context'
import { dispatch } from '../../src/main/ipc/dispatch'

async function main(): Promise<void> {
  const [dataDir, keychainService, deadPort, tarpitPort, sparePort] = process.argv.slice(2)
  const ctx = await createContext({
    dataDir: dataDir as string,
    runtime: 'node',
    version: '0.0.0-crash',
    keychainService,
    geo: false,
  })
  const call = async <K extends Channel>(channel: K, input: InputOf<K>): Promise<OutputOf<K>> => {
    const envelope = await dispatch(ctx, channel, input)
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`)
    return envelope.value as OutputOf<K>
  }
  // The tarpit never answers: the run stays open for as long as the test needs.
  await call('settings:set', {
    failoverEnabled: true,
    failureThreshold: 1,
    checkTimeoutMs: 120_000,
  })
  const providerId = (
    await call('providers:create', { name: 'Crash', monthlyCostPerProxyCents: 1 })
  ).id
  const proxy = async (port: string | undefined, username: string) =>
    (
      await call('proxies:create', {
        providerId,
        protocol: 'http',
        host: '127.0.0.1',
        port: Number(port),
        username,
        password: 'crash-pass',
      })
    ).id
  const dead = [await proxy(deadPort, 'dead-a'), await proxy(deadPort, 'dead-b')]
  const tarpit = await proxy(tarpitPort, 'tarpit')
  const spare = await proxy(sparePort, 'spare')
  const modelId = (await call('models:create', { name: 'Crash model' })).id
  const accounts: number[] = []
  for (const [index, proxyId] of [dead[0], dead[0], dead[1]].entries()) {
    const { id } = await call('accounts:create', {
      modelId,
      platform: 'instagram',
      username: `crash-${index}`,
    })
    await call('assignments:assign', { accountId: id, proxyId: proxyId as number })
    accounts.push(id)
  }
  const failing = ctx.sqlite.prepare(
    `SELECT count(*) AS n FROM proxies WHERE status = 'error' AND id IN (?, ?)`,
  )
  let announced = false
  ctx.events.subscribe((event) => {
    if (announced || event !== 'checks:progress') return
    if ((failing.get(dead[0], dead[1]) as { n: number }).n < 2) return
    announced = true
    process.stdout.write(`${JSON.stringify({ dead, tarpit, spare, accounts })}\n`)
  })
  await call('proxies:test', { ids: [...dead, tarpit] })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
