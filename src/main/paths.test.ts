import { describe, expect, it } from 'vitest'
import { readOption, resolveDataDir } from './paths'

describe('resolveDataDir', () => {
  it('prefers --data-dir in either form, then the env var, then the fallback', () => {
    expect(resolveDataDir(['--data-dir', '/a'], { PROXYDECK_DATA_DIR: '/b' }, '/c')).toBe('/a')
    expect(resolveDataDir(['--data-dir=/a2'], {}, '/c')).toBe('/a2')
    expect(resolveDataDir([], { PROXYDECK_DATA_DIR: '/b' }, '/c')).toBe('/b')
    expect(resolveDataDir([], { PROXYDECK_DATA_DIR: '  ' }, '/c')).toBe('/c')
    expect(resolveDataDir([], {}, '/c')).toBe('/c')
  })

  it('does not take the next flag as the value of a bare option', () => {
    expect(readOption(['--data-dir', '--port', '0'], '--data-dir')).toBeUndefined()
    expect(readOption(['--port', '0'], '--port')).toBe('0')
    expect(readOption(['--data-dir='], '--data-dir')).toBeUndefined()
  })
})
