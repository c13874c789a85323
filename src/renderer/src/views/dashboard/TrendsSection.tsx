import { BarChart, LineChart } from '@mantine/charts'
import { Anchor, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import type { AnalyticsTrends } from '../../../../shared/contracts/analytics'
import { useQuery, type QueryState } from '../../api'
import { ErrorAlert } from '../../components/ErrorAlert'
import { formatCount } from '../../lib/format'
import { ChartCard } from './ChartCard'
import { checkDayRows, expiryRows } from './chart-data'

const DAYS = 30
/** The operator's zone: main cuts the days there, so "today" is the operator's today. */
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
// Animations cost a frame per step on every refresh a check run triggers, and blur screenshots.
const still = { isAnimationActive: false }
const noChecks = {
  title: 'No checks yet',
  message: (
    <>
      Test your <Anchor href="#/proxies">proxies</Anchor> (or let the health monitor run): failing
      proxies and latency per day appear here from the first check on.
    </>
  ),
}

/**
 * The trends' query: it refreshes on `checks` / `proxies` changes at a rate scaled by what the
 * answer cost (use-query), and main reads only today afresh (finished days are cached there).
 */
export function useTrends(): QueryState<AnalyticsTrends> {
  return useQuery('analytics:trends', { days: DAYS, timeZone })
}

/** The last 30 days of checks and the next 30 days of expiries, one chart each. */
export function TrendsSection({ trends }: { trends: QueryState<AnalyticsTrends> }) {
  return (
    <Stack gap="lg" component="section" aria-labelledby="trends-title">
      <div>
        <Title order={3} id="trends-title">
          Trends
        </Title>
        <Text size="xs" c="dimmed">
          Last {DAYS} days of checks, next {DAYS} days of expiries; days in {timeZone}
        </Text>
      </div>
      <ErrorAlert error={trends.error} title="Trends unavailable" onRetry={trends.refresh} />
      {trends.data ? (
        <TrendCharts trends={trends.data} />
      ) : (
        !trends.error && <Skeleton height={260} radius="md" aria-label="Loading trends" />
      )}
    </Stack>
  )
}

function TrendCharts({ trends }: { trends: AnalyticsTrends }) {
  const days = useMemo(() => checkDayRows(trends), [trends])
  const expiries = useMemo(() => expiryRows(trends), [trends])
  const empty = trends.totalChecks === 0 ? noChecks : null
  const expiringTotal = expiries.reduce((sum, row) => sum + row.expiring, 0)
  return (
    <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
      <ChartCard
        title="Failing proxies per day"
        id="failing-per-day"
        detail={`Proxies with a failed check that day (judge failures left out) · ${formatCount(trends.totalChecks)} checks`}
        empty={empty}
        table={{
          columns: ['Day', 'Failing proxies', 'Checks'],
          rows: days.map((d) => [d.date, d.failing, d.checks]),
        }}
      >
        <BarChart
          h={200}
          data={days}
          dataKey="day"
          series={[{ name: 'failing', label: 'Failing proxies', color: 'red.6' }]}
          tickLine="none"
          gridAxis="x"
          barProps={still}
          tooltipAnimationDuration={0}
          xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 16 }}
          yAxisProps={{ allowDecimals: false, width: 40 }}
        />
      </ChartCard>
      <ChartCard
        title="Median latency per day"
        id="latency-per-day"
        detail="Median total time of the day's successful checks; a gap where none succeeded"
        empty={empty}
        table={{
          columns: ['Day', 'Median latency (ms)'],
          rows: days.map((d) => [d.date, d.latency ?? '–']),
        }}
      >
        <LineChart
          h={200}
          data={days}
          dataKey="day"
          series={[{ name: 'latency', label: 'Median latency', color: 'indigo.6' }]}
          unit=" ms"
          curveType="linear"
          connectNulls={false}
          tickLine="none"
          gridAxis="x"
          lineProps={still}
          tooltipAnimationDuration={0}
          xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 16 }}
          yAxisProps={{ width: 56 }}
        />
      </ChartCard>
      <ChartCard
        title="Expiring per day"
        id="expiring-per-day"
        detail={`Proxies running out on each of the next ${DAYS} days · ${formatCount(expiringTotal)} in all`}
        empty={
          expiringTotal === 0
            ? {
                title: 'Nothing expires soon',
                message: `No proxy runs out in the next ${DAYS} days.`,
              }
            : null
        }
        table={{
          columns: ['Day', 'Expiring proxies'],
          rows: expiries.map((d) => [d.date, d.expiring]),
        }}
      >
        <BarChart
          h={200}
          data={expiries}
          dataKey="day"
          series={[{ name: 'expiring', label: 'Expiring', color: 'yellow.6' }]}
          tickLine="none"
          gridAxis="x"
          barProps={still}
          tooltipAnimationDuration={0}
          xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 16 }}
          yAxisProps={{ allowDecimals: false, width: 40 }}
        />
      </ChartCard>
    </SimpleGrid>
  )
}
