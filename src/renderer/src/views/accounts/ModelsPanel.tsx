import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  LoadingOverlay,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core'
import {
  IconEdit,
  IconPlus,
  IconSearch,
  IconTrash,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react'
import { useState } from 'react'
import type { ModelListItem } from '../../../../shared/contracts/dto'
import { EmptyState, ErrorAlert, StatusBadge } from '../../components'
import type { QueryState } from '../../api'
import { formatCount, formatDate } from '../../lib/format'
import { ModelDeleteModal } from './ModelDeleteModal'
import { ModelFormModal } from './ModelFormModal'

interface ModelsPanelProps {
  models: QueryState<ModelListItem[]>
  onShowAccounts: (modelId: number) => void
}

/** Models are few (dozens), so the whole list comes in one call and is searched here. */
export function ModelsPanel({ models, onShowAccounts }: ModelsPanelProps) {
  const [search, setSearch] = useState('')
  const [editing, setEditing] = useState<ModelListItem | null | undefined>(undefined)
  const [deleting, setDeleting] = useState<ModelListItem | null>(null)
  const all = models.data ?? []
  const needle = search.trim().toLowerCase()
  const shown = needle ? all.filter((model) => model.name.toLowerCase().includes(needle)) : all

  return (
    <Card withBorder radius="md" padding={0}>
      <Group justify="space-between" p="md" gap="sm">
        <TextInput
          aria-label="Search models"
          placeholder="Search models"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={260}
        />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
          New model
        </Button>
      </Group>
      <ErrorAlert error={models.error} title="Models unavailable" onRetry={models.refresh} />
      <div style={{ position: 'relative', minHeight: 120 }}>
        <LoadingOverlay visible={models.loading && !models.data} zIndex={10} />
        {models.data && shown.length === 0 ? (
          all.length === 0 ? (
            <EmptyState
              icon={<IconUsersGroup size={26} aria-hidden />}
              title="No models yet"
              description="A model groups the accounts of one person or brand. Proxies serve one model each, so create the model before adding its accounts."
              action={
                <Button variant="light" onClick={() => setEditing(null)}>
                  Create the first model
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<IconSearch size={26} aria-hidden />}
              title="No model matches"
              description={`Nothing is named like “${search.trim()}”.`}
            />
          )
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table highlightOnHover verticalSpacing="sm" aria-label="Models">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th ta="right">Accounts</Table.Th>
                  <Table.Th ta="right">Active</Table.Th>
                  <Table.Th ta="right">On a proxy</Table.Th>
                  <Table.Th ta="right">Waiting</Table.Th>
                  <Table.Th ta="right">Proxies</Table.Th>
                  <Table.Th>Notes</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th w={120}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((model) => (
                  <ModelRow
                    key={model.id}
                    model={model}
                    onEdit={() => setEditing(model)}
                    onDelete={() => setDeleting(model)}
                    onShowAccounts={() => onShowAccounts(model.id)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </div>
      <ModelFormModal
        opened={editing !== undefined}
        model={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={models.refresh}
      />
      <ModelDeleteModal
        model={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={models.refresh}
        onShowAccounts={(id) => {
          setDeleting(null)
          onShowAccounts(id)
        }}
      />
    </Card>
  )
}

interface ModelRowProps {
  model: ModelListItem
  onEdit: () => void
  onDelete: () => void
  onShowAccounts: () => void
}

function ModelRow({ model, onEdit, onDelete, onShowAccounts }: ModelRowProps) {
  const { stats } = model
  const waiting = stats.activeAccounts - stats.assignedAccounts
  return (
    <Table.Tr aria-label={`Model ${model.name}`}>
      <Table.Td fw={600}>{model.name}</Table.Td>
      <Table.Td>
        <StatusBadge status={model.status} />
      </Table.Td>
      <Table.Td ta="right">{formatCount(stats.accounts)}</Table.Td>
      <Table.Td ta="right">{formatCount(stats.activeAccounts)}</Table.Td>
      <Table.Td ta="right">{formatCount(stats.assignedAccounts)}</Table.Td>
      <Table.Td ta="right">
        {waiting > 0 ? (
          <Badge color="orange" variant="light" size="sm">
            {formatCount(waiting)}
          </Badge>
        ) : (
          <Text span size="sm" c="dimmed">
            0
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{formatCount(stats.proxies)}</Table.Td>
      <Table.Td maw={240}>
        <Text size="sm" c="dimmed" truncate="end" title={model.notes ?? undefined}>
          {model.notes ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDate(model.createdAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Tooltip label="Show its accounts">
            <ActionIcon
              variant="subtle"
              aria-label={`Show accounts of ${model.name}`}
              onClick={onShowAccounts}
            >
              <IconUsers size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Edit">
            <ActionIcon variant="subtle" aria-label={`Edit ${model.name}`} onClick={onEdit}>
              <IconEdit size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Delete">
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Delete ${model.name}`}
              onClick={onDelete}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}
