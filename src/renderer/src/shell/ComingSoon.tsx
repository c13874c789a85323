import { Card, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconTool } from '@tabler/icons-react'

/** Stand-in for a view whose issue has not landed yet: says what will be here. */
export function ComingSoon({ title, summary }: { title: string; summary: string }) {
  return (
    <Stack gap="lg">
      <Title order={2}>{title}</Title>
      <Card withBorder radius="md" padding="xl">
        <Stack align="center" gap="sm" py="xl">
          <ThemeIcon variant="light" size={48} radius="xl">
            <IconTool size={26} aria-hidden />
          </ThemeIcon>
          <Text fw={600}>Coming soon</Text>
          <Text c="dimmed" ta="center" maw={520}>
            {summary}
          </Text>
        </Stack>
      </Card>
    </Stack>
  )
}
