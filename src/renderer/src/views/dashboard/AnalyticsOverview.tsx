import { SimpleGrid, Text } from '@mantine/core'
import { IconCalendarDue, IconCoin, IconGauge, IconZzz } from '@tabler/icons-react'
import type { AnalyticsSummary } from '../../../../shared/contracts/analytics'
import { formatCents, formatCount, formatPercent } from '../../lib/format'
import { StatCard } from './StatCard'
import { UtilizationProgress } from './UtilizationBar'

/** The four headline figures: slots in use, monthly spend, spend on idle proxies, expiries. */
export function AnalyticsOverview({ summary }: { summary: AnalyticsSummary }) {
  const { capacity, cost, expiring } = summary
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="lg">
      <StatCard
        label="Slots used"
        icon={<IconGauge size={20} aria-hidden />}
        value={`${formatCount(capacity.used)} / ${formatCount(capacity.capacity)}`}
        detail={
          <>
            <UtilizationProgress
              ratio={capacity.utilization}
              mb={6}
              label="Overall utilization"
              valueText={formatPercent(capacity.utilization)}
            />
            {formatPercent(capacity.utilization)} of {formatCount(capacity.proxies)} proxies' slots
            · {formatCount(capacity.assignableFree)} free to assign now
          </>
        }
      />
      <StatCard
        label="Monthly cost"
        color="teal"
        icon={<IconCoin size={20} aria-hidden />}
        value={formatCents(cost.monthlyTotalCents)}
        detail={
          cost.perAssignedAccountCents === null
            ? 'No account assigned yet'
            : `${formatCents(cost.perAssignedAccountCents)} per assigned account (${formatCount(cost.assignedAccounts)})`
        }
      />
      <StatCard
        label="Idle spend"
        color={cost.idleCents > 0 ? 'orange' : 'gray'}
        icon={<IconZzz size={20} aria-hidden />}
        value={formatCents(cost.idleCents)}
        detail={`${formatCount(cost.idleProxies)} ${cost.idleProxies === 1 ? 'proxy holds' : 'proxies hold'} no account`}
      />
      <StatCard
        label="Expiring soon"
        color={expiring.count > 0 ? 'yellow' : 'gray'}
        icon={<IconCalendarDue size={20} aria-hidden />}
        value={formatCount(expiring.count)}
        detail={
          <>
            Within {expiring.withinDays} days ·{' '}
            <Text span size="sm" c={expiring.alreadyExpired > 0 ? 'red' : 'dimmed'}>
              {formatCount(expiring.alreadyExpired)} already expired
            </Text>
          </>
        }
      />
    </SimpleGrid>
  )
}
