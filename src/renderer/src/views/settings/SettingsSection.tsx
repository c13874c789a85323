import { Card, Stack, Title } from '@mantine/core'
import type { ReactNode } from 'react'

export function SettingsSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="fieldset" style={{ margin: 0 }}>
      <Title
        order={3}
        size="h4"
        mb="md"
        component="legend"
        style={{ float: 'left', width: '100%' }}
      >
        {title}
      </Title>
      <Stack gap="md" style={{ clear: 'both' }}>
        {children}
      </Stack>
    </Card>
  )
}
