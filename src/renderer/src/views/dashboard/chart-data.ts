import type { AnalyticsSummary, AnalyticsTrends } from '../../../../shared/contracts/analytics'

/**
 * The dashboard's chart rows, one object per bar or point, shaped for @mantine/charts (a category
 * key plus one key per series). Kept apart from the charts so the mapping is tested without a DOM.
 */

const dayLabel = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
})

/** "Nov 2" for "2026-11-02": the date is already the operator's calendar day, so read it as UTC. */
export function shortDay(date: string): string {
  return dayLabel.format(new Date(`${date}T00:00:00Z`))
}

export interface DayRow {
  day: string
  date: string
  failing: number
  /** null for a day with no successful check: the line has a gap there, not a zero. */
  latency: number | null
  checks: number
}

export function checkDayRows(trends: AnalyticsTrends): DayRow[] {
  return trends.checks.map((d) => ({
    day: shortDay(d.date),
    date: d.date,
    failing: d.failingProxies,
    latency: d.medianLatencyMs === null ? null : Math.round(d.medianLatencyMs),
    checks: d.checks,
  }))
}

export interface ExpiryRow {
  day: string
  date: string
  expiring: number
}

export function expiryRows(trends: AnalyticsTrends): ExpiryRow[] {
  return trends.expiring.map((d) => ({ day: shortDay(d.date), date: d.date, expiring: d.count }))
}

export interface SpendRow {
  provider: string
  /** Dollars, for the axis; the table beside shows exact cents. */
  inUse: number
  idle: number
}

/** Providers with a monthly cost, in-use and idle spend stacked. */
export function spendRows(byProvider: AnalyticsSummary['byProvider']): SpendRow[] {
  return byProvider
    .filter((p) => p.monthlyCostCents > 0)
    .map((p) => ({
      provider: p.name,
      inUse: (p.monthlyCostCents - p.idleCostCents) / 100,
      idle: p.idleCostCents / 100,
    }))
}

export interface UtilizationRow {
  model: string
  /** Percent of the model's slots in use, 0-100 (rounded to a tenth). */
  utilization: number
}

/** Models that have proxies: a model with no slots has no utilization to draw. */
export function utilizationRows(byModel: AnalyticsSummary['byModel']): UtilizationRow[] {
  return byModel
    .filter((m) => m.capacity > 0)
    .map((m) => ({ model: m.name, utilization: Math.round(m.utilization * 1000) / 10 }))
}
