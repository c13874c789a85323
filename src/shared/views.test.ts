import { describe, expect, it } from 'vitest'
import { parseTransferKind, transferHash } from './views'

describe('transferHash', () => {
  it('keeps the Proxies view filters and adds the request', () => {
    expect(transferHash('#/proxies?provider=3&status=error', 'export')).toBe(
      '#/proxies?provider=3&status=error&open=export',
    )
    expect(transferHash('#/proxies', 'import')).toBe('#/proxies?open=import')
    expect(transferHash('#/proxies?open=import', 'export')).toBe('#/proxies?open=export')
  })

  it('comes from another view without its query', () => {
    expect(transferHash('#/history?proxy=4', 'import')).toBe('#/proxies?open=import')
    expect(transferHash('', 'export')).toBe('#/proxies?open=export')
  })
})

describe('parseTransferKind', () => {
  it('knows import and export only', () => {
    expect(parseTransferKind('import')).toBe('import')
    expect(parseTransferKind('export')).toBe('export')
    expect(parseTransferKind('delete')).toBeNull()
    expect(parseTransferKind(null)).toBeNull()
  })
})
