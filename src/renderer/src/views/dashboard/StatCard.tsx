import { Card, Group, Text, ThemeIcon } from '@mantine/core'
import type { ReactNode } from 'react'

interface StatCardProps {
  label: string
  icon: ReactNode
  color?: string
  value: ReactNode
  detail?: ReactNode
}

/** `detail` renders in a div, so it may hold bars and other block content. */
export function StatCard({ label, icon, color = 'indigo', value, detail }: StatCardProps) {
  return (
    <Card withBorder radius="md" padding="lg" role="group" aria-label={label}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {label}
          </Text>
          <Text fw={700} size="xl" mt={4}>
            {value}
          </Text>
        </div>
        <ThemeIcon variant="light" color={color} size={38} radius="md">
          {icon}
        </ThemeIcon>
      </Group>
      {detail && (
        <Text component="div" size="sm" c="dimmed" mt="sm">
          {detail}
        </Text>
      )}
    </Card>
  )
}
