import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'

/**
 * A long write that yields to the event loop while its transaction is open (the import's commit of
 * 100,000 rows) holds the connection exclusively. Everything shares one connection, so a write
 * that ran during one of those yields would join the open transaction, and vanish with it if it
 * rolled back. So while the gate is held, IPC calls wait for it (`dispatch`), background writers
 * defer (check results, failover), and `inTransaction` refuses rather than join (`assertFree`).
 */
export interface ExclusiveGate {
  readonly held: boolean
  /** Resolves at once when free, else when the current job (and any queued) has ended. */
  whenFree(): Promise<void>
  /** Runs `job` once the gate is free, holding it until the job settles. */
  run<T>(job: () => Promise<T>): Promise<T>
  /** Throws CONFLICT while held: for synchronous writers that cannot wait. */
  assertFree(): void
}

class Gate implements ExclusiveGate {
  private tail: Promise<void> | null = null
  private holders = 0

  get held(): boolean {
    return this.holders > 0
  }

  whenFree(): Promise<void> {
    return this.tail ?? Promise.resolve()
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    const before = this.tail
    let release!: () => void
    const mine = new Promise<void>((resolve) => {
      release = resolve
    })
    const tail = (before ?? Promise.resolve()).then(() => mine)
    this.tail = tail
    if (before) await before
    this.holders += 1
    try {
      return await job()
    } finally {
      this.holders -= 1
      release()
      if (this.tail === tail) this.tail = null
    }
  }

  assertFree(): void {
    if (this.held) {
      throw new AppError(
        'CONFLICT',
        'A proxy import is being stored right now; try again when it has finished.',
      )
    }
  }
}

// One gate per connection, like the connection itself: no module-wide state between contexts.
const gates = new WeakMap<Database.Database, Gate>()

export function exclusiveGate(sqlite: Database.Database): ExclusiveGate {
  let gate = gates.get(sqlite)
  if (!gate) {
    gate = new Gate()
    gates.set(sqlite, gate)
  }
  return gate
}
