import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Channel } from '../../../shared/channels'
import { createTestContext, type TestContext } from '../../../../test/support/context'
import { dispatch } from '../dispatch'

/*
 * Beyond the generic malformed-input test: the backup and key contracts refuse what only they
 * would get wrong (no confirmation, a short passphrase, a name outside the backups folder) with
 * VALIDATION, writing nothing and creating no file.
 */

let test: TestContext

beforeAll(async () => {
  test = await createTestContext()
})

afterAll(async () => {
  await test?.dispose()
})

const name = 'proxydeck-manual-20260101-000000-000.sqlite'
const cases: [Channel, unknown][] = [
  ['app:exportKey', { passphrase: 'short', confirm: true, destination: 'download' }],
  ['app:exportKey', { passphrase: 'a long passphrase', confirm: false, destination: 'download' }],
  ['app:exportKey', { passphrase: 'a long passphrase', confirm: true, destination: 'disk' }],
  ['app:importKey', { source: { kind: 'content', text: '' }, passphrase: 'x' }],
  ['app:importKey', { source: { kind: 'path', path: '/etc/passwd' }, passphrase: 'x' }],
  ['app:importKey', { source: { kind: 'content', text: '{}' }, passphrase: '' }],
  ['app:resetPasswords', { confirm: false }],
  ['app:resetPasswords', {}],
  ['app:backup', { target: 'somewhere' }],
  ['app:restore', { source: { kind: 'backup', name: '../../proxydeck.sqlite' }, confirm: true }],
  ['app:restore', { source: { kind: 'backup', name: `sub/${name}` }, confirm: true }],
  ['app:restore', { source: { kind: 'backup', name } }],
  [
    'app:restore',
    { source: { kind: 'backup', name }, confirm: true, acceptUnreadablePasswords: 1 },
  ],
  ['settings:set', { backupsKeep: 0 }],
  ['settings:set', { backupsKeep: 2.5 }],
]

describe('backup and key contracts', () => {
  it.each(cases.map(([channel, input], i) => [i, channel, input] as const))(
    '#%i %s refuses with VALIDATION and writes nothing',
    async (_i, channel, input) => {
      const before = test.ctx.sqlite.serialize()
      const envelope = await dispatch(test.ctx, channel, input)
      expect(envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      expect(test.ctx.sqlite.serialize().equals(before)).toBe(true)
      expect(await dispatch(test.ctx, 'app:backups', {})).toEqual({ ok: true, value: [] })
    },
  )

  it('says that file dialogs exist only in the desktop app', async () => {
    const envelope = await dispatch(test.ctx, 'app:backup', { target: 'dialog' })
    expect(envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})
