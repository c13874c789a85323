import { Button, Drawer, Group, ScrollArea, Skeleton, Stack, Text, Title } from '@mantine/core'
import { IconPencil, IconTrash } from '@tabler/icons-react'
import { useEffect, useRef } from 'react'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import { useQuery } from '../../api'
import { ErrorAlert } from '../../components'
import { CheckHistory, RotateIpButton } from '../../features/checks'
import { TestProxyButton, TestResult, useProxyTest } from '../../features/exit'
import { ProxyDetailBody } from './ProxyDetailBody'
import { proxyLabel } from './proxy-label'

interface ProxyDetailDrawerProps {
  /** The proxy to show; null closes the drawer. */
  proxy: ProxyDto | null
  /** Bumped by the view after a change so the open detail reloads. */
  version: number
  onClose: () => void
  onEdit: (proxy: ProxyDto) => void
  onDelete: (proxy: ProxyDto) => void
}

function DetailLoader({
  id,
  version,
  onEdit,
  onDelete,
}: { id: number; version: number } & Pick<ProxyDetailDrawerProps, 'onEdit' | 'onDelete'>) {
  const detail = useQuery('proxies:get', { id })
  const { refresh } = detail
  const test = useProxyTest(id, refresh)
  // Reload when the view says something changed (the version is only a trigger).
  useVersionRefresh(version, refresh)
  if (detail.error) return <ErrorAlert error={detail.error} onRetry={detail.refresh} />
  if (!detail.data) {
    return (
      <Stack gap="sm" aria-busy="true">
        {Array.from({ length: 8 }, (_, index) => (
          <Skeleton key={index} h={22} />
        ))}
      </Stack>
    )
  }
  const data = detail.data
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPencil size={14} />}
          onClick={() => onEdit(data)}
        >
          Edit
        </Button>
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconTrash size={14} />}
          onClick={() => onDelete(data)}
        >
          Delete
        </Button>
        <TestProxyButton test={test} />
        <RotateIpButton proxy={data} onRotated={refresh} />
        {/* Detect protocol (its own component) goes here. */}
      </Group>
      <TestResult state={test.state} />
      <ProxyDetailBody detail={data} />
      <Title order={5}>Check history</Title>
      <CheckHistory proxyId={data.id} version={version} />
    </Stack>
  )
}

function useVersionRefresh(version: number, refresh: () => void) {
  const first = useRef(version)
  useEffect(() => {
    if (version !== first.current) refresh()
  }, [version, refresh])
}

/** The detail panel of one proxy, opened from its endpoint in the table. */
export function ProxyDetailDrawer({
  proxy,
  version,
  onClose,
  onEdit,
  onDelete,
}: ProxyDetailDrawerProps) {
  return (
    <Drawer
      opened={proxy !== null}
      onClose={onClose}
      position="right"
      size={560}
      title={
        <Text fw={650} size="lg" ff="monospace">
          {proxy ? proxyLabel(proxy) : ''}
        </Text>
      }
      scrollAreaComponent={ScrollArea.Autosize}
      closeButtonProps={{ 'aria-label': 'Close proxy details' }}
    >
      {proxy && (
        <DetailLoader
          key={proxy.id}
          id={proxy.id}
          version={version}
          onEdit={onEdit}
          onDelete={onDelete}
        />
      )}
    </Drawer>
  )
}
