import net from 'node:net'

/**
 * The SOCKS4/4a/5 CONNECT handshake on a socket that is already connected to the proxy, written
 * here rather than through the `socks` package: a check does one handshake and then owns the
 * socket, and the package's general client (state machine, SmartBuffer, ip-address objects, a
 * setImmediate hop before the socket is handed back) was ~5 % of a bulk run's CPU.
 *
 * Failures are Errors whose messages are the socks 2.8 package's own words ("Socks5
 * Authentication failed", "Socks5 proxy rejected connection - HostUnreachable", "Socket closed",
 * "Proxy connection timed out", ...), which failure.ts `socksFailure` classifies; `reply` is the
 * proxy's first chunk, which names the protocol it does speak when it is not the one asked.
 */
export class SocksHandshakeError extends Error {
  constructor(
    message: string,
    readonly reply: Buffer | null,
  ) {
    super(message)
    this.name = 'SocksHandshakeError'
  }
}

export interface SocksRequest {
  version: 4 | 5
  userId?: string | null
  password?: string | null
  /** The judge: an IP address, or a name the proxy resolves (SOCKS4a, SOCKS5 hostname). */
  host: string
  port: number
  /** Whole handshake; past it: "Proxy connection timed out". */
  timeoutMs: number
}

// Reply codes by name, as the socks package spells them in its messages.
const socks5Replies = [
  'Granted',
  'Failure',
  'NotAllowed',
  'NetworkUnreachable',
  'HostUnreachable',
  'ConnectionRefused',
  'TTLExpired',
  'CommandNotSupported',
  'AddressNotSupported',
]
const socks4Replies: Record<number, string> = {
  90: 'Granted',
  91: 'Failed',
  92: 'Rejected',
  93: 'RejectedIdent',
}

const enum Step {
  Greeting,
  Auth,
  Connect,
  Done,
}

/** Resolves once the proxy granted the CONNECT; the socket is then paused, ready for the caller. */
export function socksHandshake(socket: net.Socket, request: SocksRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    let pending: Buffer | null = null
    let first: Buffer | null = null
    let step = request.version === 4 ? Step.Connect : Step.Greeting
    const withAuth = !!(request.userId || request.password)

    const finish = (failure: string | null, rest?: Buffer): void => {
      step = Step.Done
      clearTimeout(timer)
      socket.off('data', onData)
      socket.off('close', onClose)
      socket.off('error', onError)
      socket.pause()
      if (failure !== null) {
        socket.destroy()
        reject(new SocksHandshakeError(failure, first))
        return
      }
      if (rest !== undefined && rest.length > 0) socket.unshift(rest)
      resolve()
    }

    /** Consumes what the current step needs from `data`; false: wait for more bytes. */
    const advance = (data: Buffer): boolean => {
      if (step === Step.Greeting) {
        if (data.length < 2) return false
        if (data[0] !== 0x05) {
          finish('Received invalid Socks5 initial handshake (invalid socks version)')
          return false
        }
        if (data[1] === 0xff) {
          finish('Received invalid Socks5 initial handshake (no accepted authentication type)')
          return false
        }
        if (data[1] === 0x00) {
          step = Step.Connect
          socket.write(connectRequest(request))
        } else if (data[1] === 0x02) {
          // Even when none was offered: as the socks package did, so a proxy that insists on
          // credentials we lack ends as "Authentication failed" (auth_failed), not as junk.
          step = Step.Auth
          socket.write(authRequest(request))
        } else {
          finish('Received invalid Socks5 initial handshake (unknown authentication type)')
          return false
        }
        pending = data.length > 2 ? data.subarray(2) : null
        return true
      }
      if (step === Step.Auth) {
        if (data.length < 2) return false
        if (data[1] !== 0x00) {
          finish('Socks5 Authentication failed')
          return false
        }
        step = Step.Connect
        socket.write(connectRequest(request))
        pending = data.length > 2 ? data.subarray(2) : null
        return true
      }
      if (request.version === 4) {
        if (data.length < 8) return false
        const code = data[1] as number
        if (code !== 90) finish(`Socks4 Proxy rejected connection - (${socks4Replies[code]})`)
        else finish(null, data.subarray(8))
        return false
      }
      if (data.length < 5) return false
      if (data[0] !== 0x05 || data[1] !== 0x00) {
        finish(`Socks5 proxy rejected connection - ${socks5Replies[data[1] as number]}`)
        return false
      }
      const size = replySize(data[3] as number, data[4] as number)
      if (size === 0) finish('Received invalid Socks5 final handshake response')
      else if (data.length >= size) finish(null, data.subarray(size))
      return false
    }

    const onData = (chunk: Buffer): void => {
      first ??= chunk
      pending = pending === null ? chunk : Buffer.concat([pending, chunk])
      try {
        while (pending !== null && step !== Step.Done && advance(pending)) {
          // each step consumed its reply; go on with what is left
        }
      } catch (error) {
        // authRequest refusing an over-long credential: a failed check, never an uncaught throw
        finish((error as Error).message)
      }
    }
    const onClose = (): void => finish('Socket closed')
    const onError = (error: Error): void => finish(error.message)
    const timer = setTimeout(() => finish('Proxy connection timed out'), request.timeoutMs)
    timer.unref()

    socket.on('data', onData)
    socket.once('close', onClose)
    socket.once('error', onError)
    socket.write(
      request.version === 4
        ? socks4Request(request)
        : Buffer.from(withAuth ? [0x05, 0x02, 0x00, 0x02] : [0x05, 0x01, 0x00]),
    )
  })
}

/** Length of a SOCKS5 CONNECT reply by its address type; 0 for an unknown type. */
function replySize(addressType: number, nameLength: number): number {
  if (addressType === 0x01) return 10
  if (addressType === 0x04) return 22
  if (addressType === 0x03) return 7 + nameLength
  return 0
}

function authRequest(request: SocksRequest): Buffer {
  const user = Buffer.from(request.userId ?? '', 'utf8')
  const pass = Buffer.from(request.password ?? '', 'utf8')
  if (user.length > 255 || pass.length > 255) {
    throw new Error('SOCKS5 user name and password are at most 255 bytes each')
  }
  return Buffer.concat([Buffer.from([0x01, user.length]), user, Buffer.from([pass.length]), pass])
}

function portBytes(port: number): number[] {
  return [port >> 8, port & 0xff]
}

function connectRequest(request: SocksRequest): Buffer {
  const { host } = request
  const head = [0x05, 0x01, 0x00]
  if (net.isIPv4(host)) {
    return Buffer.from([...head, 0x01, ...ipv4Bytes(host), ...portBytes(request.port)])
  }
  if (net.isIPv6(host)) {
    return Buffer.from([...head, 0x04, ...ipv6Bytes(host), ...portBytes(request.port)])
  }
  const name = Buffer.from(host, 'utf8')
  return Buffer.concat([
    Buffer.from([...head, 0x03, name.length]),
    name,
    Buffer.from(portBytes(request.port)),
  ])
}

function socks4Request(request: SocksRequest): Buffer {
  const user = Buffer.from(`${request.userId ?? ''}\0`, 'utf8')
  const head = [0x04, 0x01, ...portBytes(request.port)]
  if (net.isIPv4(request.host)) {
    return Buffer.concat([Buffer.from([...head, ...ipv4Bytes(request.host)]), user])
  }
  // SOCKS4a: the address 0.0.0.1 says "the name follows the user id".
  return Buffer.concat([
    Buffer.from([...head, 0, 0, 0, 1]),
    user,
    Buffer.from(`${request.host}\0`, 'utf8'),
  ])
}

function ipv4Bytes(address: string): number[] {
  return address.split('.').map(Number)
}

/** The 16 bytes of an IPv6 address in any text form (`::` shorthand, an IPv4 tail). */
export function ipv6Bytes(address: string): number[] {
  let text = address
  const tail: number[] = []
  const lastColon = text.lastIndexOf(':')
  if (text.includes('.', lastColon)) {
    const [a = 0, b = 0, c = 0, d = 0] = ipv4Bytes(text.slice(lastColon + 1))
    tail.push((a << 8) | b, (c << 8) | d)
    const prefix = text.slice(0, lastColon + 1)
    text = prefix.endsWith('::') ? prefix : prefix.slice(0, -1)
  }
  const parse = (part: string): number[] =>
    part === '' ? [] : part.split(':').map((group) => parseInt(group, 16))
  const [left = '', right] = text.split('::')
  const head = parse(left)
  const rest = right === undefined ? [] : parse(right)
  const zeros = right === undefined ? 0 : 8 - head.length - rest.length - tail.length
  const groups = [...head, ...new Array<number>(zeros).fill(0), ...rest, ...tail]
  return groups.flatMap((group) => [group >> 8, group & 0xff])
}
