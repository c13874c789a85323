import { describe, expect, it } from 'vitest'
import { AppError } from '../../shared/errors'
import { describeStartupError } from './startup-error'

describe('describeStartupError', () => {
  it('shows an AppError as it is: its message is written for the operator', () => {
    const error = new AppError('DB_CORRUPT', 'The database file is damaged (quick_check failed).')
    expect(describeStartupError(error)).toBe('The database file is damaged (quick_check failed).')
  })

  it('translates a native-module ABI mismatch into something actionable', () => {
    const error = new Error(
      "The module '/x/better_sqlite3.node' was compiled against a different Node.js version using " +
        'NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 150.',
    )
    const text = describeStartupError(error)
    expect(text).toContain('npm start')
    expect(text).not.toContain('NODE_MODULE_VERSION')
  })

  it('translates the mismatch even when it arrives wrapped in an AppError', () => {
    const error = new AppError('INTERNAL', 'Could not open: NODE_MODULE_VERSION 115 vs 150')
    expect(describeStartupError(error)).toMatch(/built for a different runtime than Electron/)
  })

  it('explains a missing Electron build of SQLite', () => {
    // What better-sqlite3 throws when its nativeBinding path does not exist.
    const error = new Error(
      "Cannot find module '/opt/ProxyDeck/resources/native/better_sqlite3.node'",
    )
    expect(describeStartupError(error)).toMatch(/Electron build of the SQLite library is missing/)
  })

  it('falls back to the message, or says something when there is none', () => {
    expect(describeStartupError(new Error('EACCES: permission denied, mkdir /data'))).toBe(
      'EACCES: permission denied, mkdir /data',
    )
    expect(describeStartupError('plain text')).toBe('plain text')
    expect(describeStartupError(new Error(''))).toBe('An unknown error stopped the start-up.')
  })
})
