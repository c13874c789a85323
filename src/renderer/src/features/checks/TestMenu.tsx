import { Button, Menu } from '@mantine/core'
import { IconCheck, IconChevronDown, IconPlugConnected } from '@tabler/icons-react'
import { useId, useState } from 'react'
import type { InputOf } from '../../../../shared/contracts'
import type { ReachSelection } from '../../../../shared/contracts/checks'
import { toAppError, useApi } from '../../api'
import { formatCount } from '../../lib/format'
import { useNotify } from '../../shell/notices'

type ProxyListFilters = Omit<
  NonNullable<InputOf<'proxies:list'>>,
  'page' | 'pageSize' | 'sortBy' | 'sortDir'
>

interface TestMenuProps {
  selectedIds: number[]
  /** "All N matching" in the table: "Selected" tests that filter less its unticked rows. */
  selectedMatching?: { filter: ProxyListFilters; exceptIds?: number[]; count: number } | null
  /** The list's current filters; `{}` when none. */
  filter: ProxyListFilters
}

const targetChoices: { value: ReachSelection; label: string }[] = [
  { value: 'assigned', label: "Platforms of each proxy's accounts" },
  { value: 'all', label: 'Every platform' },
  { value: 'none', label: 'No platforms' },
]

/**
 * Mantine's Menu.Item fixes role="menuitem", on which aria-checked is not allowed; the choices are
 * radio items. Set once on mount: React leaves the attribute alone while the prop stays the same.
 */
function asMenuItemRadio(node: HTMLButtonElement | null) {
  node?.setAttribute('role', 'menuitemradio')
}

/**
 * Starts a connection test of the selection, the filtered list, every proxy, or the failing ones,
 * with the platform targets (Settings → Platform targets) chosen below them.
 */
export function TestMenu({ selectedIds, filter, selectedMatching }: TestMenuProps) {
  const client = useApi()
  const notify = useNotify()
  const [starting, setStarting] = useState(false)
  const [targets, setTargets] = useState<ReachSelection>('assigned')
  const filtered = Object.keys(filter).length > 0
  const targetsLabelId = useId()

  async function start(input: InputOf<'proxies:test'>) {
    setStarting(true)
    try {
      const started = await client.call('proxies:test', { ...input, targets })
      if (started.total === 0) {
        notify({ level: 'info', title: 'Nothing to test', message: 'No proxies match.' })
      }
    } catch (cause) {
      const error = toAppError(cause)
      notify({
        level: error.code === 'CONFLICT' ? 'warning' : 'error',
        title: error.code === 'CONFLICT' ? 'A test is already running' : 'Test not started',
        message:
          error.code === 'CONFLICT'
            ? 'Wait for it to finish or cancel it, then start another.'
            : error.message,
      })
    } finally {
      setStarting(false)
    }
  }

  return (
    // No focus placeholder: Mantine's is a role-less focusable div inside role="menu".
    <Menu position="bottom-start" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconPlugConnected size={16} />}
          rightSection={<IconChevronDown size={14} />}
          loading={starting}
        >
          Test
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          disabled={!selectedMatching && selectedIds.length === 0}
          onClick={() =>
            void start(
              selectedMatching
                ? { filter: selectedMatching.filter, exceptIds: selectedMatching.exceptIds ?? [] }
                : { ids: selectedIds },
            )
          }
        >
          Selected proxies ({formatCount(selectedMatching?.count ?? selectedIds.length)})
        </Menu.Item>
        <Menu.Item onClick={() => void start({ filter })}>
          {filtered ? 'All matching the filters' : 'All proxies'}
        </Menu.Item>
        <Menu.Item onClick={() => void start({ failed: true })}>All failed proxies</Menu.Item>
        <Menu.Divider role="separator" />
        {/* A menu may hold only menu items, separators and groups (axe aria-required-children):
            the radio choices and their caption form a labelled group. */}
        <div role="group" aria-labelledby={targetsLabelId}>
          <Menu.Label id={targetsLabelId}>Also fetch platform targets</Menu.Label>
          {targetChoices.map((choice) => (
            <Menu.Item
              key={choice.value}
              ref={asMenuItemRadio}
              aria-checked={targets === choice.value}
              closeMenuOnClick={false}
              leftSection={
                <IconCheck size={14} style={{ opacity: targets === choice.value ? 1 : 0 }} />
              }
              onClick={() => setTargets(choice.value)}
            >
              {choice.label}
            </Menu.Item>
          ))}
        </div>
      </Menu.Dropdown>
    </Menu>
  )
}
