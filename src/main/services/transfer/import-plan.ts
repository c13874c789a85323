import type { ImportCommitInput } from '../../../shared/contracts/import'
import { AppError } from '../../../shared/errors'
import type { ConflictChoice } from '../../../shared/import-types'
import { proxyKey } from '../../formats'
import { notFound } from '../service-context'
import type { ImportBatch } from './import-batches'
import { RowStatus } from './import-batches'
import {
  changeMarker,
  loadProviders,
  loadStoredKeys,
  nextProxyId,
  type ChangeMarker,
} from './import-lookup'
import type { ImportContext } from './import-preview'

/** One row to write: the batch row, the proxy id it gets (or has), its provider, its sealed password. */
export interface PlannedRow {
  index: number
  id: number
  /** For an update, 0 keeps the stored provider. */
  providerId: number
  /** Null until import-seal.ts seals the row's password for `id` (and for a row without one). */
  sealed: string | null
}

export interface CommitPlan {
  /** The database as the plan saw it; the write re-plans if anything changed since. */
  readonly marker: ChangeMarker
  readonly inserts: PlannedRow[]
  readonly updates: PlannedRow[]
  skippedStored: number
  skippedLines: number
  errors: number
  /** Conflicting keys stored from their first line / from their last line. */
  keptFirst: number
  keptLast: number
}

/**
 * Decides, row by row, what the commit writes and the row id each gets; import-seal.ts then seals
 * every password for that id. New rows get ids from the AUTOINCREMENT counter onwards: sealing
 * binds a password to its row id, so the ids are fixed here, and the write checks nobody wrote in
 * between (`marker`).
 */
export class CommitPlanner {
  readonly plan: CommitPlan
  private cursor = 0
  private nextId: number
  private readonly stored: Map<string, number>
  private readonly providers: ReturnType<typeof loadProviders>
  /** Row index to store instead, for the first row of a key the operator resolved to its last. */
  private readonly choices: Map<number, number>

  constructor(
    ctx: ImportContext,
    private readonly batch: ImportBatch,
    private readonly input: ImportCommitInput,
  ) {
    // Marker first, then the reads, all in one synchronous stretch: nothing can slip between.
    const marker = changeMarker(ctx.sqlite)
    this.stored = loadStoredKeys(ctx.sqlite)
    this.providers = loadProviders(ctx.sqlite)
    this.nextId = nextProxyId(ctx.sqlite)
    this.plan = {
      marker,
      inserts: [],
      updates: [],
      skippedStored: 0,
      skippedLines: 0,
      errors: 0,
      keptFirst: 0,
      keptLast: 0,
    }
    this.choices = conflictChoices(batch, input)
    this.checkDefaultProvider()
  }

  get done(): number {
    return this.cursor
  }

  get total(): number {
    return this.batch.lines.length
  }

  /** Plans up to `limit` more rows; true when every row is planned. */
  step(limit: number): boolean {
    const { batch, plan } = this
    const end = Math.min(batch.lines.length, this.cursor + limit)
    for (; this.cursor < end; this.cursor++) {
      const index = this.cursor
      const status = batch.statuses[index]
      const proxy = batch.proxies[index]
      if (status === RowStatus.duplicateLine) {
        plan.skippedLines++
        continue
      }
      // The conflict is settled at the key's first row (which gets the id); the repeats go.
      if (status === RowStatus.conflict) continue
      if (status === RowStatus.error || !proxy) {
        plan.errors++
        continue
      }
      // Named providers are looked up again: one may have been renamed or deleted since preview.
      const named = proxy.provider === null ? 0 : (this.providers.resolve(proxy.provider) ?? -1)
      if (named === -1) {
        plan.errors++
        continue
      }
      const storedId = this.stored.size ? this.stored.get(proxyKey(proxy)) : undefined
      if (storedId !== undefined && this.input.duplicates === 'skip') {
        plan.skippedStored++
        continue
      }
      const id = storedId ?? this.nextId++
      const chosen = this.resolve(index)
      if (storedId === undefined) {
        const providerId = this.providerOf(chosen, named) || this.input.providerId
        if (providerId === undefined) throw noProviderChosen(1)
        plan.inserts.push({ index: chosen, id, providerId, sealed: null })
      } else {
        plan.updates.push({
          index: chosen,
          id,
          providerId: this.providerOf(chosen, named),
          sealed: null,
        })
      }
    }
    return this.cursor >= batch.lines.length
  }

  /** The row whose fields are stored for row `index`: itself, or its key's last line. */
  private resolve(index: number): number {
    const line = this.batch.lines[index] ?? 0
    if (!this.batch.conflicts.has(line)) return index
    const last = this.choices.get(line)
    if (last === undefined) {
      this.plan.keptFirst++
      return index
    }
    this.plan.keptLast++
    return last
  }

  /** The provider the stored row names (0: none), looked up again like the first row's. */
  private providerOf(index: number, named: number): number {
    const proxy = this.batch.proxies[index]
    if (!proxy || proxy.provider === null) return 0
    return index === this.cursor ? named : (this.providers.resolve(proxy.provider) ?? 0)
  }

  private checkDefaultProvider(): void {
    const { providerId } = this.input
    if (providerId !== undefined) {
      if (!this.providers.has(providerId)) throw notFound('provider', providerId)
      return
    }
    // Only new rows need it (an update keeps the stored provider); the step checks again, since
    // a row previewed as stored may have been deleted since.
    const { statuses, proxies } = this.batch
    const needing = proxies.filter(
      (proxy, index) => proxy?.provider === null && statuses[index] === RowStatus.new,
    ).length
    if (needing > 0) throw noProviderChosen(needing)
  }
}

/**
 * First line of each conflicting key the commit stores from its last line, mapped to that row.
 * A choice naming a line that starts no conflict is refused: the operator chose against another
 * preview than this one.
 */
function conflictChoices(batch: ImportBatch, input: ImportCommitInput): Map<number, number> {
  const keep = new Map<number, ConflictChoice>()
  for (const choice of input.conflictChoices ?? []) {
    if (!batch.conflicts.has(choice.line)) {
      throw new AppError('VALIDATION', `Line ${choice.line} starts no password conflict.`, {
        issues: [
          { path: 'conflictChoices', message: 'Not a conflict of this import', code: 'custom' },
        ],
      })
    }
    keep.set(choice.line, choice.keep)
  }
  const last = new Map<number, number>()
  for (const [line, group] of batch.conflicts) {
    if ((keep.get(line) ?? input.conflicts ?? 'first') === 'last') last.set(line, group.last)
  }
  return last
}

function noProviderChosen(rows: number): AppError {
  return new AppError(
    'VALIDATION',
    `${rows} ${rows === 1 ? 'row names' : 'rows name'} no provider: choose the provider to import them into.`,
    { issues: [{ path: 'providerId', message: 'Choose a provider', code: 'custom' }] },
  )
}
