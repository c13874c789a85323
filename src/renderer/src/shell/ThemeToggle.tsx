import { ActionIcon, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core'
import { IconMoon, IconSun } from '@tabler/icons-react'
import { useSettings } from '../settings/settings-context'
import { useNotify } from './notices'

/** Flips between light and dark and stores the choice as the `theme` setting. */
export function ThemeToggle() {
  const { settings, save } = useSettings()
  const { setColorScheme } = useMantineColorScheme()
  const computed = useComputedColorScheme('light')
  const notify = useNotify()
  const next = computed === 'dark' ? 'light' : 'dark'
  const label = `Switch to ${next} theme`

  async function toggle() {
    setColorScheme(next)
    try {
      await save({ theme: next })
    } catch (error) {
      setColorScheme(settings?.theme ?? 'auto')
      notify({
        level: 'error',
        title: 'Theme not saved',
        message: error instanceof Error ? error.message : String(error),
      })
    }
  }

  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={label}
        disabled={!settings}
        onClick={() => void toggle()}
      >
        {computed === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  )
}
