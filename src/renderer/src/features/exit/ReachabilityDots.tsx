import { Badge, Group, Text, Tooltip } from '@mantine/core'
import type { ReachabilityResult } from '../../../../shared/contracts/dto'
import { reachabilityColor, reachabilityText } from './exit-labels'
import { platformLabel } from '../../components'

function targetName(result: ReachabilityResult): string {
  return result.platform === 'custom' ? 'Custom check' : platformLabel(result.platform)
}

/** One small badge per platform target (its initial, coloured by outcome), details on hover. */
export function ReachabilityDots({ results }: { results: ReachabilityResult[] | null }) {
  if (!results?.length) return <Text c="dimmed">—</Text>
  return (
    <Group gap={3} wrap="nowrap" aria-label="Platform reachability">
      {results.map((result, index) => {
        const text = `${targetName(result)}: ${reachabilityText(result)}`
        return (
          <Tooltip key={`${result.platform}-${index}`} label={text}>
            <Badge
              size="xs"
              radius="sm"
              variant="filled"
              color={reachabilityColor(result.outcome)}
              aria-label={text}
              px={4}
            >
              {targetName(result).slice(0, 2)}
            </Badge>
          </Tooltip>
        )
      })}
    </Group>
  )
}

/** The same results as a list of lines, for the drawer. */
export function ReachabilityList({ results }: { results: ReachabilityResult[] | null }) {
  if (!results?.length) {
    return (
      <Text c="dimmed" span>
        —
      </Text>
    )
  }
  return (
    <Group gap={6}>
      {results.map((result, index) => (
        <Badge
          key={`${result.platform}-${index}`}
          size="sm"
          radius="sm"
          variant="light"
          tt="none"
          color={reachabilityColor(result.outcome)}
        >
          {targetName(result)}: {reachabilityText(result)}
        </Badge>
      ))}
    </Group>
  )
}
