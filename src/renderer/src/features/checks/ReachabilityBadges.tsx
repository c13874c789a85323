import { Badge, Group, Text, Tooltip } from '@mantine/core'
import type { ReachabilityResult } from '../../../../shared/contracts/dto'
import type { ReachabilityOutcome } from '../../../../shared/domain'
import { checkErrorLabels } from './check-labels'
import { platformLabel } from '../../components'

const outcomeColors: Record<ReachabilityOutcome, string> = {
  reached: 'teal',
  blocked_status: 'red',
  keyword_missing: 'orange',
  failed: 'gray',
}

const name = (platform: ReachabilityResult['platform']): string =>
  platform === 'custom' ? 'Custom' : platformLabel(platform)

/** What happened to one target, in the operator's words. */
export function reachabilityText(result: ReachabilityResult): string {
  switch (result.outcome) {
    case 'reached':
      return `reached (${result.status})`
    case 'blocked_status':
      return `blocked: answered ${result.status}`
    case 'keyword_missing':
      return `answered ${result.status} without the expected keyword`
    case 'failed':
      // For a target, judge_failed means the proxy could not reach the site at all.
      return `failed: ${
        result.errorCode === 'judge_failed' || result.errorCode === null
          ? 'the proxy could not reach the site'
          : checkErrorLabels[result.errorCode]
      }`
  }
}

/**
 * One small badge per platform target of the last check that fetched any: green reached, red
 * blocked, orange keyword missing, grey failed; the tooltip gives the status, class and URL.
 * Renders a dash when the proxy has no results.
 */
export function ReachabilityBadges({ results }: { results: ReachabilityResult[] | null }) {
  if (!results || results.length === 0) {
    return (
      <Text size="xs" c="dimmed" aria-label="No platform results">
        –
      </Text>
    )
  }
  return (
    <Group gap={4} wrap="nowrap" aria-label="Platform reachability">
      {results.map((result) => {
        const words = `${name(result.platform)}: ${reachabilityText(result)}`
        return (
          <Tooltip
            key={`${result.platform} ${result.url}`}
            multiline
            maw={320}
            withinPortal
            label={
              <>
                {words}
                {result.message ? ` (${result.message})` : ''}
                <br />
                {result.url}
              </>
            }
          >
            <Badge
              size="xs"
              variant="light"
              color={outcomeColors[result.outcome]}
              aria-label={words}
              data-outcome={result.outcome}
            >
              {name(result.platform).slice(0, 2)}
            </Badge>
          </Tooltip>
        )
      })}
    </Group>
  )
}
