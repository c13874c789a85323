import { Button, Drawer, Group, ScrollArea, Stack, Text } from '@mantine/core'
import { useEffect, useState, type FormEvent } from 'react'
import type { ProviderListItem, ProxyDto } from '../../../../shared/contracts/dto'
import type { AppError } from '../../../../shared/errors'
import { ErrorAlert, fieldErrors, ruleOf, unplacedIssues, useMutation } from '../../components'
import { useNotify } from '../../shell/notices'
import {
  createInputFromDraft,
  draftFromProxy,
  emptyProxyDraft,
  proxyFormFields,
  updateInputFromDraft,
  type ProxyDraft,
} from './proxy-draft'
import { proxyLabel } from './proxy-label'
import { ProxyFormFields } from './ProxyFormFields'

interface ProxyFormDrawerProps {
  opened: boolean
  /** The proxy to edit; null to create one. */
  proxy: ProxyDto | null
  providers: ProviderListItem[]
  /** Preselected provider for a new proxy (the active provider filter). */
  defaultProviderId: number | null
  onClose: () => void
  onSaved: (proxy: ProxyDto) => void
}

/** Errors main sends that belong to one field rather than to the whole form. */
function placeErrors(error: AppError | undefined): Record<string, string> {
  if (!error) return {}
  const errors = fieldErrors(error)
  const details = (error.details ?? {}) as { constraint?: string; entity?: string }
  if (error.code === 'CONFLICT' && details.constraint === 'proxies_endpoint_unique') {
    errors.host = error.message
  }
  if (ruleOf(error) === 'max_below_assigned') errors.maxAccounts = error.message
  if (error.code === 'NOT_FOUND' && details.entity === 'provider') errors.providerId = error.message
  return errors
}

export function ProxyFormDrawer(props: ProxyFormDrawerProps) {
  const { opened, proxy, providers, defaultProviderId, onClose, onSaved } = props
  const create = useMutation('proxies:create')
  const update = useMutation('proxies:update')
  const notify = useNotify()
  const [draft, setDraft] = useState<ProxyDraft>(() => emptyProxyDraft(defaultProviderId))
  const [moneyValid, setMoneyValid] = useState(true)
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({})
  const { reset: resetCreate } = create
  const { reset: resetUpdate } = update

  useEffect(() => {
    if (!opened) return
    setDraft(proxy ? draftFromProxy(proxy) : emptyProxyDraft(defaultProviderId))
    setMoneyValid(true)
    setLocalErrors({})
    resetCreate()
    resetUpdate()
  }, [opened, proxy, defaultProviderId, resetCreate, resetUpdate])

  const error = proxy ? update.error : create.error
  const placed = { ...placeErrors(error), ...localErrors }
  const shownAsField = Object.keys(placed).length > 0
  const loose =
    error && (error.code !== 'VALIDATION' || unplacedIssues(error, proxyFormFields).length)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (draft.providerId === null) {
      setLocalErrors({ providerId: 'Choose the provider this proxy comes from' })
      return
    }
    setLocalErrors({})
    if (!moneyValid) return
    if (proxy) {
      const input = updateInputFromDraft(proxy, draft)
      if (!input) {
        onClose()
        return
      }
      const saved = await update.run(input)
      if (!saved) return
      notify({ level: 'success', title: 'Proxy saved', message: proxyLabel(saved) })
      onSaved(saved)
    } else {
      const saved = await create.run(createInputFromDraft(draft))
      if (!saved) return
      notify({ level: 'success', title: 'Proxy added', message: proxyLabel(saved) })
      onSaved(saved)
    }
  }

  const loading = create.loading || update.loading
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={520}
      title={
        <Text fw={650} size="lg">
          {proxy ? `Edit proxy ${proxyLabel(proxy)}` : 'Add proxy'}
        </Text>
      }
      scrollAreaComponent={ScrollArea.Autosize}
      closeButtonProps={{ 'aria-label': 'Close proxy form' }}
    >
      <form
        noValidate
        onSubmit={(event) => void submit(event)}
        aria-label={proxy ? 'Edit proxy' : 'Add proxy'}
      >
        <Stack gap="md">
          {loose && (
            <ErrorAlert
              error={error}
              title={proxy ? 'Proxy not saved' : 'Proxy not added'}
              hideIssues={shownAsField && error.code === 'VALIDATION'}
            />
          )}
          <ProxyFormFields
            draft={draft}
            onChange={(patch) => setDraft((current) => ({ ...current, ...patch }))}
            errors={placed}
            providers={providers}
            hasPassword={proxy ? proxy.hasPassword : null}
            onMoneyValidity={setMoneyValid}
          />
          <Group justify="flex-end" gap="sm" pt="sm">
            <Button variant="default" onClick={onClose} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              {proxy ? 'Save proxy' : 'Add proxy'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  )
}
