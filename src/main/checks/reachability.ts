import type { Dispatcher } from 'undici'
import type { ReachabilityResult } from '../../shared/contracts/dto'
import type { ReachabilityOutcome } from '../../shared/domain'
import { redactCredentials } from '../formats/redact'
import { newAttemptState, type AttemptContext, type AttemptState } from './attempt-state'
import { requestFailure } from './attempt'
import { bodyContains } from './judge-answer'
import { openTransport, type Transport } from './transport'
import { REACH_BODY_LIMIT, type CheckTarget, type ReachTarget } from './types'

// Sites answer a bare client differently from a browser (Reddit refuses unknown agents outright),
// and the question is what the account's browser will get through this proxy.
const BROWSER_HEADERS: Readonly<Record<string, string>> = {
  'user-agent':
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-language': 'en-US,en;q=0.9',
}

interface Fetch {
  state: AttemptState
  dispatcher: Dispatcher | null
}

/**
 * Fetches every target through the proxy at once (each over its own connection, like a browser's
 * tabs) and classifies each answer. Never throws. `over` resolves when the check's deadline
 * passes or it is cancelled: the targets still going are then cut off and reported `failed` /
 * `timeout`. Results are in the order of `targets`.
 */
export async function reachTargets(
  proxy: CheckTarget,
  targets: readonly ReachTarget[],
  context: AttemptContext,
  over: Promise<unknown>,
): Promise<ReachabilityResult[]> {
  const fetches: Fetch[] = targets.map(() => ({ state: newAttemptState(), dispatcher: null }))
  const results: (ReachabilityResult | null)[] = targets.map(() => null)
  const all = Promise.all(
    targets.map((reach, index) =>
      fetchTarget(proxy, reach, fetches[index] as Fetch, context).then((result) => {
        results[index] ??= result
      }),
    ),
  )
  await Promise.race([all, over])
  targets.forEach((reach, index) => {
    const fetch = fetches[index] as Fetch
    results[index] ??= outcome(reach, 'failed', null, {
      code: 'timeout',
      message: `no answer within the check's deadline (${siteWords(fetch.state.stage)})`,
    })
    fetch.state.closed = true
    fetch.dispatcher?.destroy(TARGET_OVER).catch(() => {})
    for (const socket of fetch.state.sockets) socket.destroy()
  })
  return results.map((result) => {
    const done = result as ReachabilityResult
    if (done.message !== null) done.message = redactCredentials(done.message, proxy)
    return done
  })
}

const TARGET_OVER = Object.assign(new Error('the target fetch is over'), {
  code: 'UND_ERR_DESTROYED',
})

async function fetchTarget(
  proxy: CheckTarget,
  reach: ReachTarget,
  fetch: Fetch,
  context: AttemptContext,
): Promise<ReachabilityResult> {
  const { state } = fetch
  let transport: Transport | undefined
  try {
    const url = new URL(reach.url)
    if (url.protocol !== 'https:') {
      return outcome(reach, 'failed', null, {
        code: 'bad_response',
        message: 'a target must be an https:// address',
      })
    }
    transport = openTransport(proxy, url, state, context)
    fetch.dispatcher = transport.dispatcher
    const response = await transport.send(BROWSER_HEADERS)
    state.stage = 'reading the answer'
    const status = response.statusCode
    if (status < reach.minStatus || status > reach.maxStatus) {
      response.discard()
      return outcome(reach, 'blocked_status', status, {
        code: null,
        message: `answered ${status}, expected ${reach.minStatus}–${reach.maxStatus}`,
      })
    }
    if (reach.keyword === null) {
      response.discard()
      return outcome(reach, 'reached', status, null)
    }
    if (await bodyContains(response.body, reach.keyword, REACH_BODY_LIMIT)) {
      return outcome(reach, 'reached', status, null)
    }
    return outcome(reach, 'keyword_missing', status, {
      code: null,
      message: `answered ${status} without the keyword in its first ${REACH_BODY_LIMIT} bytes`,
    })
  } catch (error) {
    const failure = requestFailure(error, state, transport)
    return outcome(reach, 'failed', null, {
      code: failure.code,
      message: siteWords(failure.message),
    })
  }
}

/** The checker's failure texts speak of the judge; here the far end is the platform's site. */
function siteWords(message: string): string {
  return message.replace(/\bjudges?\b/g, 'site')
}

function outcome(
  reach: ReachTarget,
  kind: ReachabilityOutcome,
  status: number | null,
  why: { code: ReachabilityResult['errorCode']; message: string } | null,
): ReachabilityResult {
  return {
    platform: reach.platform,
    url: reach.url,
    outcome: kind,
    status,
    errorCode: why?.code ?? null,
    message: why?.message ?? null,
  }
}
