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

export const analyticsContracts = {
  'analytics:summary': defineContract<AnalyticsSummary>()('analytics:summary', noInput),
}
