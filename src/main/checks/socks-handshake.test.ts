import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { socksHandshake, type SocksRequest } from './socks-handshake'

// A scripted SOCKS peer on loopback: the replies microsocks and dante never send (split into
// single bytes, a hostname-type bound address, bytes after the reply, odd codes), byte for byte.
type Script = (client: net.Socket, received: Buffer[]) => void
const servers: net.Server[] = []
afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

async function connectTo(script: Script): Promise<{ socket: net.Socket; received: Buffer[] }> {
  const received: Buffer[] = []
  const server = net.createServer((client) => {
    client.on('error', () => {})
    client.on('data', (chunk) => received.push(chunk))
    script(client, received)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  const socket = net.connect({ host: '127.0.0.1', port })
  socket.on('error', () => {})
  await new Promise((resolve) => socket.once('connect', resolve))
  return { socket, received }
}

const request: SocksRequest = {
  version: 5,
  userId: 'user',
  password: 'pa55',
  host: '192.0.2.10',
  port: 8080,
  timeoutMs: 5_000,
}

/** Answers each client message with the next reply, written one byte at a time. */
function replies(...answers: number[][]): Script {
  return (client) => {
    let next = 0
    client.on('data', () => {
      const answer = answers[next++]
      if (!answer) return
      for (const byte of answer) client.write(Buffer.from([byte]))
    })
  }
}

describe('socksHandshake', () => {
  it('sends greeting, credentials and CONNECT as RFC 1928/1929 say, with replies split into bytes', async () => {
    const { socket, received } = await connectTo(
      replies([5, 2], [1, 0], [5, 0, 0, 1, 10, 0, 0, 1, 0x1f, 0x90]),
    )
    await socksHandshake(socket, request)
    expect(Buffer.concat(received).toString('hex')).toBe(
      '05020002' + '010475736572' + '0470613535' + '050100' + '01c000020a1f90',
    )
    socket.destroy()
  })

  it('hands back what the proxy sent after a hostname-type reply, for the judge exchange', async () => {
    const { socket } = await connectTo((client) => {
      client.once('data', () => {
        client.write(Buffer.from([5, 0]))
        client.once('data', () => {
          const name = Buffer.from('gw.example')
          client.write(
            Buffer.concat([
              Buffer.from([5, 0, 0, 3, name.length]),
              name,
              Buffer.from([0, 80]),
              Buffer.from('HTTP/1.1'),
            ]),
          )
        })
      })
    })
    await socksHandshake(socket, { ...request, userId: null, password: null, host: '::1' })
    const first = await new Promise<Buffer>((resolve) => {
      socket.once('data', resolve)
      socket.resume()
    })
    expect(first.toString()).toBe('HTTP/1.1')
    socket.destroy()
  })

  it('encodes an IPv6 judge and a SOCKS4a name as the protocol says', async () => {
    const v6 = await connectTo(replies([5, 0], [5, 0, 0, 1, 0, 0, 0, 0, 0, 0]))
    await socksHandshake(v6.socket, {
      ...request,
      userId: null,
      password: null,
      host: '2001:db8::1',
    })
    expect(Buffer.concat(v6.received).toString('hex')).toBe(
      '050100' + '05010004' + '20010db8000000000000000000000001' + '1f90',
    )
    v6.socket.destroy()
    const v4a = await connectTo(replies([0, 90, 0, 0, 0, 0, 0, 0]))
    await socksHandshake(v4a.socket, { ...request, version: 4, host: 'judge.test' })
    expect(Buffer.concat(v4a.received)).toEqual(
      Buffer.concat([
        Buffer.from([4, 1, 0x1f, 0x90, 0, 0, 0, 1]),
        Buffer.from('user\0judge.test\0'),
      ]),
    )
    v4a.socket.destroy()
  })

  it.each([
    [
      'a refused password',
      [
        [5, 2],
        [1, 1],
      ],
      'Socks5 Authentication failed',
    ],
    ['no acceptable method', [[5, 0xff]], 'no accepted authentication type'],
    [
      'a refused CONNECT',
      [
        [5, 2],
        [1, 0],
        [5, 4, 0, 1, 0, 0, 0, 0, 0, 0],
      ],
      'Socks5 proxy rejected connection - HostUnreachable',
    ],
    [
      'an unknown address type',
      [
        [5, 0],
        [5, 0, 0, 9, 0],
      ],
      'Received invalid Socks5 final handshake response',
    ],
    ['another version', [[4, 90]], 'invalid socks version'],
  ])('fails on %s with the words failure.ts classifies', async (_what, answers, message) => {
    const { socket } = await connectTo(replies(...answers))
    await expect(socksHandshake(socket, request)).rejects.toThrow(message)
    expect(socket.destroyed).toBe(true)
  })

  it('says SOCKS4 rejections by name, and keeps the first reply chunk for the mismatch hint', async () => {
    const { socket } = await connectTo((client) =>
      client.once('data', () => client.write('HTTP/1.1 400 Bad Request\r\n\r\n')),
    )
    const failure = await socksHandshake(socket, { ...request, version: 4 }).catch(
      (e: unknown) => e,
    )
    expect(failure).toMatchObject({
      message: 'Socks4 Proxy rejected connection - (undefined)',
      reply: Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n'),
    })
  })

  it('ends with "Socket closed" when the proxy hangs up and "timed out" when it stays silent', async () => {
    const closing = await connectTo((client) => client.once('data', () => client.end()))
    await expect(socksHandshake(closing.socket, request)).rejects.toThrow('Socket closed')
    const silent = await connectTo(() => {})
    await expect(socksHandshake(silent.socket, { ...request, timeoutMs: 50 })).rejects.toThrow(
      'Proxy connection timed out',
    )
  })

  it('refuses credentials longer than SOCKS5 can carry, without throwing out of the handler', async () => {
    const { socket } = await connectTo(replies([5, 2]))
    await expect(socksHandshake(socket, { ...request, password: 'x'.repeat(256) })).rejects.toThrow(
      'at most 255 bytes',
    )
  })
})
