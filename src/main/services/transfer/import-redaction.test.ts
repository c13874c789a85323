import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestContext } from '../../../../test/support/context'
import { call, withContext } from '../../../../test/support/transfer'

// Broken lines as operators paste them, each holding a secret the preview must not echo.
const SECRET = 'Zq7-s3cret'
const TOKEN = 'sk_live_4eC39HqLyjWDarjtT1zdp7dcQ2x'
const DOTTED = ['Hunter2.abc', 'pass.word', 'p.example.org', 'x9.secret.io', 'pw.dotted.net']
const BROKEN = [
  `user:${SECRET}:198.51.100.1:8080x`, // user:pass:host:port, port mistyped
  `user:${SECRET}:bad_host!:8080`,
  `198.51.100.1:8080 user ${SECRET} extra`, // spaces instead of colons
  `198.51.100.1,8080,user,${SECRET},x`, // commas, not a CSV file
  `198.51.100.1|8080|user|${SECRET}`,
  `198.51.100.1;abc;user;${SECRET}`,
  SECRET, // a password pasted on its own line
  `${TOKEN}`, // an API key pasted by mistake
  `198.51.100.1:abc:${TOKEN}`, // a key-as-username gateway, port mistyped
  `http://user:${SECRET}@198.51.100.1:80/path`,
  `user:${SECRET}@[2001:db8::1:8080`,
  `198.51.100.1:99999:user:${SECRET}`,
  // Passwords with a dot look like a host name: the host is still the one before the port.
  `user:${DOTTED[0]}:198.51.100.1:80x`,
  `user:${DOTTED[1]}:gw.example.com:80x`,
  `user:${DOTTED[2]}:gw.example.com:80`,
  `user:${DOTTED[3]}@gw.example.com:80x`,
  `gw.example.com:80x:user:${DOTTED[4]}`,
]

describe('import:preview of lines it cannot read', () => {
  let test: TestContext
  beforeAll(async () => {
    test = await withContext()
  })
  afterAll(() => test.dispose())

  it('masks what may be a secret and keeps the host and port to find the line by', async () => {
    const preview = await call(test.ctx, 'import:preview', {
      source: 'text',
      text: BROKEN.join('\n'),
      pageSize: 100,
    })
    expect(preview.counts.error).toBe(BROKEN.length)
    const wire = JSON.stringify(preview)
    expect(wire).not.toContain(SECRET)
    expect(wire).not.toContain(TOKEN)
    expect(wire).not.toContain(TOKEN.slice(0, 16))
    for (const secret of DOTTED) expect(wire).not.toContain(secret)
    const raw = preview.rows.items.map((row) => (row.status === 'error' ? row.raw : null))
    expect(raw[0]).toBe('user:***:198.51.100.1:8080x')
    expect(raw[2]).toBe('198.51.100.1:8080 user ***')
    expect(raw[6]).toBe('***')
    expect(raw[8]).toBe('198.51.100.1:abc:***')
    expect(raw[11]).toBe('198.51.100.1:99999:user:***')
    expect(raw[12]).toBe('user:***:198.51.100.1:80x')
    expect(raw[13]).toBe('user:***:gw.example.com:80x')
    expect(raw[15]).toBe('user:***@gw.example.com:80x')
    expect(raw[16]).toBe('gw.example.com:80x:user:***')
  })
})
