import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core'
import { IconWand } from '@tabler/icons-react'
import { useState } from 'react'
import type { AutoAssignResult } from '../../../../shared/contracts/assignments'
import type { ModelListItem } from '../../../../shared/contracts/dto'
import { useQuery } from '../../api'
import { ErrorAlert, useMutation } from '../../components'
import { formatCount } from '../../lib/format'
import { useIntent } from '../../shell/intents'
import { AutoAssignSummary } from './AutoAssignSummary'
import { useRefreshOn } from './use-refresh-on'

interface AutoAssignCardProps {
  models: ModelListItem[]
  /** Bumped by the view after any assignment change, to recount the waiting accounts. */
  version: number
  onAssigned: () => void
}

/** The one-click way to isolate accounts: first available proxy for each waiting account. */
export function AutoAssignCard({ models, version, onAssigned }: AutoAssignCardProps) {
  const [modelId, setModelId] = useState<number | null>(null)
  const [result, setResult] = useState<AutoAssignResult | null>(null)
  const auto = useMutation('assignments:auto')
  const waiting = useQuery('accounts:list', {
    assigned: false,
    pageSize: 1,
    ...(modelId === null ? {} : { modelId }),
  })
  useRefreshOn(version, waiting.refresh)
  const waitingCount = waiting.data?.total
  const modelNames = new Map(models.map((model) => [model.id, model.name]))

  // The command palette's "Auto-assign accounts": every waiting account, whichever model is picked.
  useIntent('auto-assign', () => {
    setModelId(null)
    void run(null)
  })

  async function run(forModel: number | null = modelId) {
    const done = await auto.run(forModel === null ? {} : { modelId: forModel })
    if (!done) return
    setResult(done)
    onAssigned()
  }

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="auto-title">
      <Stack gap="md">
        <div>
          <Title order={3} size="h4" id="auto-title">
            Auto-assign
          </Title>
          <Text size="sm" c="dimmed">
            Each waiting account, oldest first, takes the lowest-numbered active proxy with a free
            slot that serves its model or none yet.
          </Text>
        </div>
        <Group align="flex-end" gap="sm">
          <Select
            label="Accounts of"
            placeholder="All models"
            data={models.map((model) => ({ value: String(model.id), label: model.name }))}
            value={modelId === null ? null : String(modelId)}
            onChange={(value) => setModelId(value === null ? null : Number(value))}
            clearable
            searchable
            w={220}
          />
          <Button
            leftSection={<IconWand size={16} />}
            onClick={() => void run()}
            loading={auto.loading}
            disabled={waitingCount === 0}
          >
            Auto-assign
          </Button>
          <Text size="sm" c={waitingCount ? 'orange' : 'dimmed'} aria-live="polite" pb={8}>
            {waitingCount === undefined
              ? ' '
              : waitingCount === 0
                ? 'No account is waiting for a proxy.'
                : `${formatCount(waitingCount)} ${waitingCount === 1 ? 'account waits' : 'accounts wait'} for a proxy.`}
          </Text>
        </Group>
        <ErrorAlert error={auto.error} title="Auto-assign failed" />
        {result && (
          <AutoAssignSummary
            result={result}
            modelNames={modelNames}
            onClose={() => setResult(null)}
          />
        )}
      </Stack>
    </Card>
  )
}
