import type { Dispatcher } from 'undici'
import { elapsed, type AttemptContext, type AttemptState } from './attempt-state'
import { CheckFailure, judgeFailure, judgeTlsFailure, judgeUnreached } from './failure'
import type { EchoedHeaders } from './anonymity'
import { undiciShaped, type JudgeResponse } from './http-exchange'
import { bodyContains, parseJudgeAnswer, readCapped, type JudgeAnswer } from './judge-answer'
import { CLOSED_SILENTLY_HINT, nothingRead, parserData, socksAnswerHint } from './mismatch'
import { openTransport, type Transport } from './transport'
import type { CheckTarget } from './types'

export interface AttemptSpec {
  url: string
  /** Custom check: success means the body contains this; no exit IP is read. */
  keyword?: string
  bodyLimit: number
  /**
   * Read the request headers a header-echo judge reports, when the request went as plain HTTP
   * through an HTTP(S) proxy (the only way the proxy's own headers can reach the judge).
   */
  withHeaders?: boolean
}

export type AttemptOutcome =
  | { ok: true; exitIp: string | null; headers: EchoedHeaders | null }
  | { ok: false; failure: CheckFailure }

const NO_ANSWER: JudgeAnswer = Object.freeze({ ip: null, headers: null })

/**
 * One request to one judge through the proxy. Never throws; `register` receives the dispatcher as
 * soon as it exists so the check's deadline can destroy it.
 */
export async function runAttempt(
  target: CheckTarget,
  spec: AttemptSpec,
  state: AttemptState,
  context: AttemptContext,
  register: (dispatcher: Dispatcher) => void,
): Promise<AttemptOutcome> {
  let url: URL
  try {
    url = new URL(spec.url)
  } catch {
    return { ok: false, failure: judgeFailure('judge URL is not a valid URL') }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, failure: judgeFailure('judge URL must be http or https') }
  }

  let transport: Transport | undefined
  try {
    transport = openTransport(target, url, state, context)
    if (transport.dispatcher) register(transport.dispatcher)
    const response = await transport.send()
    state.ttfbMs = elapsed(state)
    state.stage = 'reading the answer'
    const answer = await readAnswer(target, spec, transport, response)
    return { ok: true, exitIp: answer.ip, headers: answer.headers }
  } catch (error) {
    return { ok: false, failure: requestFailure(error, state, transport) }
  }
}

async function readAnswer(
  target: CheckTarget,
  spec: AttemptSpec,
  transport: Transport,
  response: JudgeResponse,
): Promise<JudgeAnswer> {
  const status = response.statusCode
  if (status < 200 || status > 299) {
    response.discard()
    // Forwarded plain HTTP: the proxy's own refusals come back as responses. A 401 to a request
    // that carried proxy credentials is tinyproxy's answer to a wrong password.
    if (transport.forwarded && (status === 407 || (status === 401 && target.username !== null))) {
      throw new CheckFailure('auth_failed', 'proxy', `proxy rejected the credentials (${status})`)
    }
    // A 5xx forwarded by an HTTP proxy may be its own "cannot connect" page, not the judge's.
    if (transport.forwarded && status >= 500) {
      throw judgeUnreached(`proxy or judge answered ${status}`)
    }
    throw judgeFailure(
      transport.forwarded ? `proxy or judge answered ${status}` : `judge answered ${status}`,
    )
  }
  if (spec.keyword !== undefined) {
    if (await bodyContains(response.body, spec.keyword, spec.bodyLimit)) return NO_ANSWER
    throw new CheckFailure(
      'bad_response',
      'proxy',
      `keyword not found in the first ${spec.bodyLimit} bytes`,
    )
  }
  const body = await readCapped(response.body, spec.bodyLimit)
  if (body === null) {
    throw new CheckFailure('bad_response', 'judge', `judge answer over ${spec.bodyLimit} bytes`)
  }
  const answer = parseJudgeAnswer(
    body.toString('utf8'),
    spec.withHeaders === true && transport.forwarded,
  )
  if (answer.ip === null) {
    // Over plain HTTP a proxy could have written this page, but a judge that changed its format
    // is far likelier, and must not fail every proxy at once.
    throw new CheckFailure('bad_response', 'judge', 'judge answer holds no IP address')
  }
  return answer
}

/** Classifies what ended a request through the proxy (also used for reachability targets). */
export function requestFailure(
  error: unknown,
  state: AttemptState,
  transport: Transport | undefined,
): CheckFailure {
  if (error instanceof CheckFailure) return error
  error = undiciShaped(error)
  const code = (error as { code?: unknown } | null)?.code
  const name = error instanceof Error ? error.name : ''
  if (
    state.closed ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'UND_ERR_DESTROYED' ||
    code === 'UND_ERR_ABORTED'
  ) {
    return new CheckFailure('timeout', 'proxy', `no answer in time (${state.stage})`)
  }
  if (state.stage === 'TLS with the judge') return judgeTlsFailure(error)
  const detail = typeof code === 'string' ? code : name || 'error'
  if (state.stage === 'connecting to the proxy' || state.stage === 'proxy handshake') {
    // Forwarded plain HTTP: the proxy took the connection and then closed it or spoke junk. A
    // SOCKS proxy does either (mismatch.ts); the answer's first byte or its absence says which.
    let hint = ''
    if (transport?.forwarded) {
      hint = socksAnswerHint(parserData(error))
      if (!hint && code === 'UND_ERR_SOCKET' && nothingRead(state)) hint = CLOSED_SILENTLY_HINT
    }
    return new CheckFailure('protocol_error', 'proxy', `proxy broke the request (${detail})${hint}`)
  }
  if (name === 'HTTPParserError' && transport?.judgeTls) {
    return judgeFailure('judge answered malformed HTTP')
  }
  return new CheckFailure('protocol_error', 'either', `connection failed mid-request (${detail})`)
}
