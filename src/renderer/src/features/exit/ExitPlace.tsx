import { CellRow, CellText, Dash } from '../../components'
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
  if (!place) return <Dash />
  return (
    <CellRow gap={6} aria-label={place} data-tip={place}>
      {flag && (
        <span style={{ fontSize: 'var(--mantine-font-size-md)', lineHeight: 1 }} aria-hidden>
          {flag}
        </span>
      )}
      <CellText maxWidth={120}>{city ?? countryName(country) ?? country}</CellText>
      {/* The code too: not every system's font draws flags (Windows shows two letters). */}
      {city && country && (
        <CellText small dimmed>
          {country}
        </CellText>
      )}
    </CellRow>
  )
}
