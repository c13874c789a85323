import { SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useCallback, useState } from 'react'
import { useQuery } from '../../api'
import { AssignmentsTable } from './AssignmentsTable'
import { AutoAssignCard } from './AutoAssignCard'
import { ManualAssignCard } from './ManualAssignCard'
import { useRefreshOn } from './use-refresh-on'

/**
 * The operator's isolation workspace. Every change bumps `version`, and each panel refreshes what
 * it shows from main, so counts, pickers and the table never disagree.
 */
export function AssignmentsView() {
  const [version, setVersion] = useState(0)
  const changed = useCallback(() => setVersion((n) => n + 1), [])
  const models = useQuery('models:list')
  useRefreshOn(version, models.refresh)
  const list = models.data ?? []
  return (
    <Stack gap="lg" component="section" aria-labelledby="assignments-title">
      <div>
        <Title order={1} size="h2" id="assignments-title">
          Assignments
        </Title>
        <Text c="dimmed" size="sm">
          Which account goes out through which proxy. A proxy takes at most its maximum of accounts
          (3 unless set otherwise), all of one model.
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <AutoAssignCard models={list} version={version} onAssigned={changed} />
        <ManualAssignCard version={version} onAssigned={changed} />
      </SimpleGrid>
      <AssignmentsTable models={list} version={version} onChanged={changed} />
    </Stack>
  )
}
