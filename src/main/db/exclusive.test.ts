import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../shared/errors'
import { exclusiveGate } from './exclusive'

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

describe('exclusive gate', () => {
  it('is one gate per connection', () => {
    const a = new Database(':memory:')
    const b = new Database(':memory:')
    expect(exclusiveGate(a)).toBe(exclusiveGate(a))
    expect(exclusiveGate(a)).not.toBe(exclusiveGate(b))
    a.close()
    b.close()
  })

  it('holds while a job runs; waiters and queued jobs go after it, in order', async () => {
    const gate = exclusiveGate(new Database(':memory:'))
    const order: string[] = []
    const first = deferred()
    const second = deferred()
    expect(gate.held).toBe(false)
    const one = gate.run(async () => {
      order.push('one starts')
      await first.promise
      order.push('one ends')
      return 1
    })
    expect(gate.held).toBe(true)
    const two = gate.run(async () => {
      order.push('two starts')
      await second.promise
      order.push('two ends')
      return 2
    })
    const waiter = gate.whenFree().then(() => order.push('waiter'))
    expect(() => gate.assertFree()).toThrow(AppError)
    await new Promise((resolve) => setImmediate(resolve))
    expect(order).toEqual(['one starts'])
    first.resolve()
    second.resolve()
    expect(await Promise.all([one, two, waiter])).toEqual([1, 2, expect.any(Number)])
    expect(order).toEqual(['one starts', 'one ends', 'two starts', 'two ends', 'waiter'])
    expect(gate.held).toBe(false)
    expect(() => gate.assertFree()).not.toThrow()
  })

  it('is released when the job fails, with its error', async () => {
    const gate = exclusiveGate(new Database(':memory:'))
    await expect(gate.run(() => Promise.reject(new Error('job failed')))).rejects.toThrow(
      'job failed',
    )
    expect(gate.held).toBe(false)
    await expect(gate.run(async () => 'next')).resolves.toBe('next')
  })

  it('refuses synchronous writers with CONFLICT while held', async () => {
    const gate = exclusiveGate(new Database(':memory:'))
    const done = deferred()
    const job = gate.run(() => done.promise)
    try {
      gate.assertFree()
      expect.unreachable('assertFree should have thrown')
    } catch (error) {
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).code).toBe('CONFLICT')
      expect((error as AppError).message).toContain('import is being stored')
    }
    done.resolve()
    await job
  })
})
