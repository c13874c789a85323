import { describe, expect, it } from 'vitest'
import { parseOneProxy } from './parse-one'

describe('import:parseLine reads one pasted proxy with the import parser', () => {
  it('reads a URL line, keeping the protocol and remote DNS', () => {
    expect(
      parseOneProxy({ text: 'socks5h://u:p%40ss@203.0.113.7:1080', defaultProtocol: 'http' }),
    ).toMatchObject({
      ok: true,
      more: 0,
      proxy: {
        protocol: 'socks5',
        remoteDns: true,
        host: '203.0.113.7',
        port: 1080,
        username: 'u',
        password: 'p@ss',
      },
    })
  })

  it('reads the colon shape under the default protocol, and a CSV row with its header', () => {
    expect(
      parseOneProxy({ text: 'gw.example.com:9000:u:p', defaultProtocol: 'http' }),
    ).toMatchObject({
      ok: true,
      proxy: { protocol: 'http', host: 'gw.example.com', username: 'u', password: 'p' },
    })
    const csv = 'protocol,host,port,username,password,provider\nhttps,10.0.0.1,443,a,b,Acme\n'
    expect(parseOneProxy({ text: csv, defaultProtocol: 'http' })).toMatchObject({
      ok: true,
      proxy: { protocol: 'https', port: 443, provider: 'Acme' },
    })
  })

  it('says why a line cannot be read, never quoting it, and counts extra proxies', () => {
    const bad = parseOneProxy({ text: '10.0.0.1:99999:u:secret', defaultProtocol: 'http' })
    expect(bad).toMatchObject({ ok: false, reason: 'port_out_of_range' })
    expect(JSON.stringify(bad)).not.toContain('secret')
    expect(parseOneProxy({ text: '# nothing', defaultProtocol: 'http' })).toMatchObject({
      ok: false,
      reason: 'malformed_line',
    })
    expect(
      parseOneProxy({ text: '10.0.0.1:80\n10.0.0.2:80\n10.0.0.3:80', defaultProtocol: 'http' }),
    ).toMatchObject({ ok: true, more: 2 })
  })
})
