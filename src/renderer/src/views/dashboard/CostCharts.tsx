import { BarChart } from '@mantine/charts'
import { SimpleGrid } from '@mantine/core'
import type { AnalyticsSummary } from '../../../../shared/contracts/analytics'
import { formatCents, formatPercent } from '../../lib/format'
import { ChartCard } from './ChartCard'
import { spendRows, utilizationRows } from './chart-data'

const still = { isAnimationActive: false }
const dollars = (value: number) => formatCents(Math.round(value * 100))

/** Monthly spend per provider (in use / idle, stacked) and utilization per model, as bars. */
export function CostCharts({ summary }: { summary: AnalyticsSummary }) {
  const spend = spendRows(summary.byProvider)
  const utilization = utilizationRows(summary.byModel)
  const rowHeight = (n: number) => Math.max(120, 36 * n + 48)
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <ChartCard
        title="Monthly spend per provider"
        id="spend-per-provider"
        detail="Spend on proxies holding accounts and on idle ones"
        empty={
          spend.length === 0
            ? { title: 'No spend yet', message: 'No provider has a proxy with a monthly cost.' }
            : null
        }
        table={{
          columns: ['Provider', 'In use', 'Idle'],
          rows: spend.map((r) => [r.provider, dollars(r.inUse), dollars(r.idle)]),
        }}
      >
        <BarChart
          h={rowHeight(spend.length)}
          data={spend}
          dataKey="provider"
          type="stacked"
          orientation="vertical"
          series={[
            { name: 'inUse', label: 'In use', color: 'teal.6' },
            { name: 'idle', label: 'Idle', color: 'orange.5' },
          ]}
          withLegend
          valueFormatter={dollars}
          tickLine="none"
          gridAxis="y"
          barProps={still}
          tooltipAnimationDuration={0}
          yAxisProps={{ width: 96 }}
        />
      </ChartCard>
      <ChartCard
        title="Utilization per model"
        id="utilization-per-model"
        detail="Share of the slots on each model's proxies that hold an account"
        empty={
          utilization.length === 0
            ? { title: 'No model has proxies yet', message: 'Assign accounts to see utilization.' }
            : null
        }
        table={{
          columns: ['Model', 'Utilization'],
          rows: utilization.map((r) => [r.model, formatPercent(r.utilization / 100)]),
        }}
      >
        <BarChart
          h={rowHeight(utilization.length)}
          data={utilization}
          dataKey="model"
          orientation="vertical"
          series={[{ name: 'utilization', label: 'Utilization', color: 'indigo.6' }]}
          // Not `unit`: Mantine puts it on the category axis too when the bars lie horizontal.
          valueFormatter={(value) => `${value}%`}
          tickLine="none"
          gridAxis="y"
          barProps={still}
          tooltipAnimationDuration={0}
          xAxisProps={{ domain: [0, 100] }}
          yAxisProps={{ width: 96 }}
        />
      </ChartCard>
    </SimpleGrid>
  )
}
