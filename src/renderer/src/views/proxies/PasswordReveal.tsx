import { Button, Group, Loader, Popover, Text } from '@mantine/core'
import { IconKey } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import { ErrorAlert, IconButton, RevealedValueActions, useMutation } from '../../components'
import { proxyLabel } from './proxy-label'

const anchorBox = { position: 'relative', display: 'inline-flex' } as const
const anchorStyle = { position: 'absolute', inset: 0, pointerEvents: 'none' } as const

interface PasswordRevealProps {
  proxy: Pick<ProxyDto, 'id' | 'host' | 'port' | 'hasPassword'>
  /** 'icon' for table rows, 'button' for the detail drawer. */
  variant?: 'icon' | 'button'
}

/**
 * Asks main for the decrypted password only when clicked, shows it with a copy button, and drops
 * it from memory when hidden: lists and details never carry it.
 */
export function PasswordReveal({ proxy, variant = 'icon' }: PasswordRevealProps) {
  const reveal = useMutation('proxies:revealPassword')
  const [password, setPassword] = useState<string | null | undefined>(undefined)
  const [opened, setOpened] = useState(false)
  const keyRef = useRef<HTMLButtonElement>(null)
  const label = `Reveal password of ${proxyLabel(proxy)}`

  // Escape closes it wherever focus is (Mantine's own Escape only listens inside the dropdown,
  // which holds no focus while it decrypts or shows an error).
  useEffect(() => {
    if (!opened) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') hide()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  function hide() {
    // The row's popover unmounts on close, so Mantine's returnFocus never runs: focus left inside
    // it (Escape, Hide) goes back to the key button here; a click elsewhere keeps its focus.
    const active = document.activeElement
    const focusInside =
      !active || active === document.body || active.closest('[data-password-popover]')
    setOpened(false)
    setPassword(undefined)
    reveal.reset()
    if (focusInside) keyRef.current?.focus()
  }

  async function show() {
    setOpened(true)
    const result = await reveal.run({ id: proxy.id })
    if (result) setPassword(result.password)
  }

  if (!proxy.hasPassword) {
    if (variant === 'button') {
      return (
        <Text size="sm" c="dimmed">
          No password stored
        </Text>
      )
    }
    return (
      <IconButton disabled aria-label={label} tip="No password stored">
        <IconKey size={16} />
      </IconButton>
    )
  }

  const target =
    variant === 'icon' ? (
      <IconButton
        ref={keyRef}
        aria-label={label}
        tip={opened ? undefined : 'Reveal password'}
        // A click on the open popover's own button toggles it, not "outside" (Mantine's rule).
        data-ignore-outside-clicks={opened || undefined}
        onClick={() => (opened ? hide() : void show())}
      >
        <IconKey size={16} />
      </IconButton>
    ) : (
      <Button
        size="xs"
        variant="light"
        leftSection={<IconKey size={14} />}
        aria-label={label}
        onClick={() => (opened ? hide() : void show())}
      >
        {opened ? 'Hide password' : 'Reveal password'}
      </Button>
    )

  // With trapFocus Mantine makes the dropdown a dialog: it needs a name.
  const dropdown = (
    <Popover.Dropdown
      data-password-popover
      aria-label={`Password of ${proxyLabel(proxy)}`}
      onClick={(event) => event.stopPropagation()}
    >
      {reveal.loading && <Loader size="xs" aria-label="Decrypting password" />}
      {reveal.error && <ErrorAlert error={reveal.error} title="Cannot reveal the password" />}
      {password !== undefined && (
        <Group gap="xs" wrap="nowrap" role="group" aria-label={`Password of ${proxyLabel(proxy)}`}>
          <Text
            ff="monospace"
            size="sm"
            style={{ userSelect: 'all' }}
            data-testid="revealed-password"
          >
            {password ?? '(none)'}
          </Text>
          <RevealedValueActions value={password} what="password" onHide={hide} />
        </Group>
      )}
    </Popover.Dropdown>
  )
  const popoverProps = {
    opened,
    onChange: (next: boolean) => !next && hide(),
    trapFocus: password !== undefined,
    returnFocus: true,
    withArrow: true,
    shadow: 'md',
    position: 'bottom-end',
  } as const

  // The dropdown sits in a portal at the end of the page, out of the Tab order: once the password
  // is there, trapFocus takes focus into it (Tab reaches Copy and Hide), and returnFocus brings
  // it back to the key button when it closes.
  if (variant === 'icon') {
    // A table row's key: the Popover (a floating-ui instance and a portal) exists only while it
    // is open, anchored on a box over the button, so the button itself never remounts (focus
    // stays on it) and a closed row costs one <button>.
    return (
      <span style={anchorBox}>
        {target}
        {opened && (
          <Popover {...popoverProps}>
            <Popover.Target>
              <span style={anchorStyle} aria-hidden />
            </Popover.Target>
            {dropdown}
          </Popover>
        )}
      </span>
    )
  }
  return (
    <Popover {...popoverProps}>
      <Popover.Target>{target}</Popover.Target>
      {opened && dropdown}
    </Popover>
  )
}
