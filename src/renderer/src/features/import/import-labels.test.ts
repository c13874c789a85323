import { describe, expect, it } from 'vitest'
import type { ImportPreviewRow, PreviewProxy } from '../../../../shared/import-types'
import { rowEndpoint, rowNote, rowStatusLabel } from './import-labels'

const proxy: PreviewProxy = {
  protocol: 'socks5',
  remoteDns: true,
  host: '10.0.0.2',
  port: 1080,
  username: 'bob',
  hasPassword: true,
  passwordMask: '***',
  rotationUrl: null,
  location: null,
  country: null,
  tags: [],
  provider: null,
  notes: null,
}

describe('import preview labels', () => {
  it('shows the endpoint with the mask, never a password, and socks5h for remote DNS', () => {
    const row: ImportPreviewRow = { line: 1, status: 'new', proxy }
    expect(rowEndpoint(row)).toBe('socks5h://bob:***@10.0.0.2:1080')
    expect(rowStatusLabel(row)).toBe('New')
  })

  it('says where a duplicate comes from', () => {
    const stored: ImportPreviewRow = {
      line: 3,
      status: 'duplicate',
      duplicateOf: { kind: 'stored', proxyId: 7 },
      proxy,
    }
    const repeat: ImportPreviewRow = {
      line: 4,
      status: 'duplicate',
      duplicateOf: { kind: 'line', line: 3 },
      proxy,
    }
    expect([rowStatusLabel(stored), rowNote(stored)]).toEqual([
      'Already stored',
      'Same as stored proxy #7',
    ])
    expect([rowStatusLabel(repeat), rowNote(repeat)]).toEqual(['Repeated line', 'Repeats line 3'])
  })

  it('puts an error reason in plain words and falls back to the masked raw line', () => {
    const row: ImportPreviewRow = {
      line: 5,
      status: 'error',
      reason: 'missing_port',
      message: 'no port after the host',
      raw: '10.0.0.4',
      proxy: null,
    }
    expect(rowNote(row)).toBe('No port: no port after the host')
    expect(rowEndpoint(row)).toBe('10.0.0.4')
  })

  it('names a password conflict and the line it conflicts with', () => {
    const row: ImportPreviewRow = { line: 9, status: 'conflict', conflictOf: { line: 2 }, proxy }
    expect(rowStatusLabel(row)).toBe('Conflict')
    expect(rowNote(row)).toBe('Same proxy as line 2, another password')
  })
})
