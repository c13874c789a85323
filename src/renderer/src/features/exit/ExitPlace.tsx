import { Group, Text, Tooltip } from '@mantine/core'
import { countryFlag, countryName } from '../../lib/country'
import { placeText } from './exit-labels'

interface ExitPlaceProps {
  country: string | null
  city: string | null
  region?: string | null
}

/**
 * Flag, city and country code (or the country's name when the city is unknown); the full place
 * on hover.
 */
export function ExitPlace({ country, city, region = null }: ExitPlaceProps) {
  const flag = countryFlag(country)
  const place = placeText(city, region, country)
  if (!place) return <Text c="dimmed">—</Text>
  return (
    <Tooltip label={place}>
      <Group gap={6} wrap="nowrap" aria-label={place}>
        {flag && (
          <Text span size="md" lh={1} title={countryName(country) ?? undefined} aria-hidden>
            {flag}
          </Text>
        )}
        <Text span size="sm" truncate="end" maw={120}>
          {city ?? countryName(country) ?? country}
        </Text>
        {/* The code too: not every system's font draws flags (Windows shows two letters). */}
        {city && country && (
          <Text span size="xs" c="dimmed">
            {country}
          </Text>
        )}
      </Group>
    </Tooltip>
  )
}
