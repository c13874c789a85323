import { Agent, request } from 'undici'
import type { RotateResult } from '../../shared/contracts/checks'
import type { HistoryActor } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { recordHistory } from '../services/history'
import { inTransaction, notFound, stmt, type ServiceContext } from '../services/service-context'

/** The provider's answer is read (so the connection ends cleanly) but never kept beyond this. */
const BODY_LIMIT = 64 * 1024

export interface RotateOptions {
  timeoutMs: number
  actor?: HistoryActor
  /** Checks the proxy again after a successful call (the service runs it as a run of one). */
  recheck?: (proxyId: number) => Promise<Pick<RotateResult, 'recheck' | 'recheckSkipped'>>
}

/**
 * Calls the proxy's rotation URL (a provider API that changes the exit IP) with a GET, directly
 * rather than through the proxy, within one deadline. On a 2xx answer every active account on the
 * proxy gets a `rotated` / `rotation` history row, since each of them now has a new IP. A failed
 * call records nothing and says why. A proxy without a rotation URL is refused. After a 2xx the
 * proxy is re-checked (`options.recheck`), so the answer holds the old and the new exit IP.
 */
export async function rotateProxy(
  ctx: ServiceContext,
  proxyId: number,
  options: RotateOptions,
): Promise<RotateResult> {
  const row = stmt(ctx.sqlite, 'SELECT rotation_url, exit_ip FROM proxies WHERE id = ?').get(
    proxyId,
  ) as { rotation_url: string | null; exit_ip: string | null } | undefined
  if (!row) throw notFound('proxy', proxyId)
  if (!row.rotation_url) {
    throw new AppError(
      'RULE_VIOLATION',
      `Proxy ${proxyId} has no rotation URL; set one on the proxy to rotate its exit IP from here.`,
      { rule: 'no_rotation_url', proxyId },
    )
  }
  const previousExitIp = row.exit_ip
  const call = await callRotationUrl(row.rotation_url, options.timeoutMs)
  if (!call.ok) return { ...call, accounts: 0, previousExitIp, recheck: null, recheckSkipped: null }
  const accounts = inTransaction(ctx, () => {
    const onProxy = stmt(
      ctx.sqlite,
      `SELECT id, model_id FROM accounts WHERE proxy_id = ? AND status = 'active' ORDER BY id`,
    ).all(proxyId) as { id: number; model_id: number }[]
    for (const account of onProxy) {
      recordHistory(ctx, {
        proxyId,
        accountId: account.id,
        modelId: account.model_id,
        action: 'rotated',
        reason: 'rotation',
        actor: options.actor ?? 'operator',
      })
    }
    return onProxy.length
  })
  const after = options.recheck
    ? await options.recheck(proxyId)
    : { recheck: null, recheckSkipped: 'not asked to check the proxy again' }
  return { ...call, accounts, previousExitIp, ...after }
}

type CallOutcome = Pick<RotateResult, 'ok' | 'status' | 'message'>

async function callRotationUrl(url: string, timeoutMs: number): Promise<CallOutcome> {
  // A dispatcher of its own, destroyed at the deadline: a stalled server cannot hold the call.
  const backstop = timeoutMs + 1_000
  const agent = new Agent({
    connectTimeout: backstop,
    headersTimeout: backstop,
    bodyTimeout: backstop,
  })
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<CallOutcome>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, status: null, message: `no answer within ${timeoutMs} ms` }),
      timeoutMs,
    )
  })
  const attempt = (async (): Promise<CallOutcome> => {
    try {
      const response = await request(url, {
        dispatcher: agent,
        method: 'GET',
        headers: { 'user-agent': 'ProxyDeck-rotate/1', accept: '*/*' },
      })
      let read = 0
      for await (const chunk of response.body) {
        read += (chunk as Buffer).length
        if (read > BODY_LIMIT) {
          response.body.destroy()
          break
        }
      }
      const status = response.statusCode
      const ok = status >= 200 && status < 300
      return { ok, status, message: ok ? null : `the rotation URL answered HTTP ${status}` }
    } catch (error) {
      // The URL may carry an API key: describe the failure by its code, never by the URL.
      const code = (error as { code?: string }).code
      return {
        ok: false,
        status: null,
        message: `the rotation URL could not be reached (${code ?? (error as Error).name})`,
      }
    }
  })()
  try {
    return await Promise.race([attempt, deadline])
  } finally {
    clearTimeout(timer)
    agent.destroy().catch(() => {})
  }
}
