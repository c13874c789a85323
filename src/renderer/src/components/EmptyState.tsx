import { Stack, Text, ThemeIcon } from '@mantine/core'
import type { ReactNode } from 'react'

interface EmptyStateProps {
  icon: ReactNode
  title: string
  /** What to do next. */
  description: ReactNode
  action?: ReactNode
}

/** Shown where a list has nothing yet (or nothing matching): says what to do next. */
export function EmptyState({ icon, title, description, action }: EmptyStateProps) {
  return (
    <Stack align="center" gap="xs" py="xl" px="md">
      <ThemeIcon variant="light" size={48} radius="xl">
        {icon}
      </ThemeIcon>
      <Text fw={600}>{title}</Text>
      <Text c="dimmed" ta="center" size="sm" maw={460}>
        {description}
      </Text>
      {action}
    </Stack>
  )
}
