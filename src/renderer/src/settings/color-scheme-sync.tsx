import { useMantineColorScheme } from '@mantine/core'
import { useEffect } from 'react'
import { useSettings } from './settings-context'

/** The stored `theme` setting is the source of truth for Mantine's color scheme. */
export function ColorSchemeSync() {
  const { settings } = useSettings()
  const { setColorScheme } = useMantineColorScheme()
  const theme = settings?.theme

  useEffect(() => {
    if (theme) setColorScheme(theme)
  }, [theme, setColorScheme])

  return null
}
