import { Badge, Group, Text } from '@mantine/core'
import type { ReachabilityResult } from '../../../../shared/contracts/dto'
import { reachabilityColor, reachabilityText } from './exit-labels'
import { CellRow, Dash, Pill, platformLabel } from '../../components'

function targetName(result: ReachabilityResult): string {
  return result.platform === 'custom' ? 'Custom check' : platformLabel(result.platform)
}

/** One small badge per platform target (its initial, coloured by outcome), details on hover. */
export function ReachabilityDots({ results }: { results: ReachabilityResult[] | null }) {
  if (!results?.length) return <Dash />
  return (
    <CellRow gap={3} aria-label="Platform reachability">
      {results.map((result, index) => {
        const text = `${targetName(result)}: ${reachabilityText(result)}`
        return (
          <Pill
            key={`${result.platform}-${index}`}
            size="xs"
            tight
            variant="filled"
            color={reachabilityColor(result.outcome)}
            aria-label={text}
            tip={text}
          >
            {targetName(result).slice(0, 2)}
          </Pill>
        )
      })}
    </CellRow>
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
