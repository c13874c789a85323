import { z } from 'zod'
import { defineContract } from '../contract'
import type { ProxyStatus } from '../domain'
import { noInput } from './common'

/** Slots are account places on proxies; utilization is used / capacity, 0 when capacity is 0. */
export interface CapacityFigures {
  proxies: number
  capacity: number
  used: number
  free: number
  utilization: number
}

export interface AnalyticsSummary {
  generatedAt: number
  capacity: CapacityFigures & {
    /** Free slots on proxies that can take an account now (active, not expired). */
    assignableFree: number
  }
  byProvider: (CapacityFigures & {
    providerId: number
    name: string
    monthlyCostCents: number
    /** Cost of this provider's proxies that hold no account. */
    idleCostCents: number
  })[]
  byModel: {
    modelId: number
    name: string
    /** Proxies serving the model and their slots. */
    proxies: number
    capacity: number
    assignedAccounts: number
    /** Active accounts still waiting for a proxy. */
    unassignedAccounts: number
    utilization: number
    /** Cost of the proxies serving the model. */
    monthlyCostCents: number
    /** monthlyCostCents / assignedAccounts, rounded to a cent; null with no accounts. */
    costPerAccountCents: number | null
  }[]
  cost: {
    monthlyTotalCents: number
    assignedAccounts: number
    /** Total monthly cost / assigned accounts, rounded to a cent; null with no accounts. */
    perAssignedAccountCents: number | null
    /** Cost of proxies holding no account. */
    idleCents: number
    idleProxies: number
  }
  expiring: {
    /** Not yet expired, expiring within 7 days, soonest first (at most 100 listed). */
    withinDays: 7
    count: number
    items: { id: number; label: string; providerName: string; expiresAt: number }[]
    alreadyExpired: number
  }
  health: {
    byStatus: Record<ProxyStatus, number>
    /** Proxies whose last check failed (consecutive_failures > 0). */
    failing: number
    neverTested: number
  }
}

/** One calendar day in the asked time zone: [start, end) in epoch ms, `date` as YYYY-MM-DD there. */
export interface TrendDay {
  date: string
  start: number
  end: number
}

export interface CheckTrendDay extends TrendDay {
  checks: number
  /** Failed checks, judge failures left out (the judge failed, not the proxy). */
  failedChecks: number
  /** Distinct proxies with at least one such failed check that day. */
  failingProxies: number
  /** Median total time of the day's successful checks; null when none succeeded. */
  medianLatencyMs: number | null
}

export interface AnalyticsTrends {
  generatedAt: number
  /** The IANA zone the days are cut in (the operator's, as the renderer reports it). */
  timeZone: string
  /** The last `days` days, oldest first; the last one is today, so far. */
  checks: CheckTrendDay[]
  /** Checks in the whole window: 0 means a new install, shown as "no checks yet". */
  totalChecks: number
  /** Proxies running out on each of the next `days` days (today: from now on), soonest first. */
  expiring: (TrendDay & { count: number })[]
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

export const analyticsTrendsInput = z
  .strictObject({
    days: z.number().int().min(1).max(90).default(30),
    /** Omitted: main's own zone (the same machine in the desktop app). */
    timeZone: z.string().min(1).max(64).refine(isTimeZone, 'Unknown time zone').optional(),
  })
  .default({ days: 30 })

export type AnalyticsTrendsInput = z.output<typeof analyticsTrendsInput>

export const analyticsContracts = {
  'analytics:summary': defineContract<AnalyticsSummary>()('analytics:summary', noInput),
  'analytics:trends': defineContract<AnalyticsTrends>()('analytics:trends', analyticsTrendsInput),
}
