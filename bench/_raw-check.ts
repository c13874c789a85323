// The check benchmark's baseline: the least a check through a proxy can cost in Node, a bare
// `node:net` client with no library, no classification and no recording. Each check opens a new
// connection to the proxy, does what the product does for an http judge (HTTP proxy: one
// absolute-form GET with Proxy-Authorization; SOCKS5: the user/pass handshake, then the GET) and
// reads the judge's whole answer (content-length, chunked to its last chunk, or until close).
import net from 'node:net'

export interface RawProxy {
  kind: 'http' | 'socks5'
  port: number
  user: string
  pass: string
}

export interface RawJudge {
  host: string
  port: number
  path: string
}

function httpRequest(proxy: RawProxy, judge: RawJudge): Buffer {
  const authority = `${judge.host}:${judge.port}`
  const target = proxy.kind === 'http' ? `http://${authority}${judge.path}` : judge.path
  const auth =
    proxy.kind === 'http'
      ? `proxy-authorization: Basic ${Buffer.from(`${proxy.user}:${proxy.pass}`).toString('base64')}\r\n`
      : ''
  return Buffer.from(
    `GET ${target} HTTP/1.1\r\nhost: ${authority}\r\n${auth}user-agent: raw-check\r\n` +
      `accept: */*\r\nconnection: close\r\n\r\n`,
    'latin1',
  )
}

function socksAuth(proxy: RawProxy): Buffer {
  const user = Buffer.from(proxy.user)
  const pass = Buffer.from(proxy.pass)
  return Buffer.concat([Buffer.from([1, user.length]), user, Buffer.from([pass.length]), pass])
}

function socksConnect(judge: RawJudge): Buffer {
  const ip = judge.host.split('.').map(Number)
  return Buffer.from([5, 1, 0, 1, ...ip, judge.port >> 8, judge.port & 255])
}

/** Whether `answer` (head + body so far) is a complete HTTP answer; `ended`: the peer closed. */
function complete(answer: Buffer, ended: boolean): boolean {
  const headEnd = answer.indexOf('\r\n\r\n')
  if (headEnd < 0) return false
  const head = answer.toString('latin1', 0, headEnd).toLowerCase()
  const length = /\r\ncontent-length: *(\d+)/.exec(head)
  if (length) return answer.length - headEnd - 4 >= Number(length[1])
  if (head.includes('\r\ntransfer-encoding: chunked')) return answer.includes('\r\n0\r\n\r\n')
  return ended
}

/** One check; resolves with the judge's status code. */
export function rawCheck(proxy: RawProxy, judge: RawJudge): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port: proxy.port, noDelay: true })
    let step = proxy.kind === 'http' ? 3 : 0
    let pending: Buffer = Buffer.alloc(0)
    const finish = (ended: boolean): void => {
      if (step !== 3 || !complete(pending, ended)) {
        if (ended) reject(new Error(`raw check: answer cut short at step ${step}`))
        return
      }
      step = 4
      socket.destroy()
      resolve(Number(pending.toString('latin1', 9, 12)))
    }
    socket.on('error', reject)
    socket.on('connect', () => {
      if (step === 3) socket.write(httpRequest(proxy, judge))
      else socket.write(Buffer.from([5, 1, 2]))
    })
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk
      if (step === 0 && pending.length >= 2) {
        if (pending[1] !== 2) return reject(new Error('raw check: no user/pass method'))
        pending = pending.subarray(2)
        step = 1
        socket.write(socksAuth(proxy))
      }
      if (step === 1 && pending.length >= 2) {
        if (pending[1] !== 0) return reject(new Error('raw check: SOCKS auth refused'))
        pending = pending.subarray(2)
        step = 2
        socket.write(socksConnect(judge))
      }
      if (step === 2 && pending.length >= 10) {
        if (pending[1] !== 0) return reject(new Error('raw check: SOCKS connect refused'))
        pending = pending.subarray(10)
        step = 3
        socket.write(httpRequest(proxy, judge))
      }
      if (step === 3) finish(false)
    })
    socket.on('end', () => finish(true))
  })
}

/** `count` raw checks over `proxies` in turn, `concurrency` at a time; checks per second. */
export async function rawRate(
  proxies: RawProxy[],
  judge: RawJudge,
  count: number,
  concurrency: number,
): Promise<number> {
  let next = 0
  const started = process.hrtime.bigint()
  const worker = async (): Promise<void> => {
    while (next < count) {
      const proxy = proxies[next % proxies.length] as RawProxy
      next += 1
      const status = await rawCheck(proxy, judge)
      if (status !== 200) throw new Error(`raw check: judge answered ${status}`)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return count / (Number(process.hrtime.bigint() - started) / 1e9)
}
