import { ActionIcon, CopyButton, Tooltip } from '@mantine/core'
import { IconCheck, IconCopy, IconEyeOff } from '@tabler/icons-react'

/**
 * The Copy and Hide buttons beside a revealed secret (a password, a proxy string with its
 * credentials): "Copy <what>" (no button when there is nothing to copy) and "Hide <what>".
 */
export function RevealedValueActions({
  value,
  what,
  onHide,
}: {
  value: string | null
  what: string
  onHide: () => void
}) {
  return (
    <>
      {value !== null && (
        <CopyButton value={value} timeout={1500}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
              <ActionIcon
                variant="subtle"
                color={copied ? 'teal' : 'gray'}
                onClick={copy}
                aria-label={`Copy ${what}`}
              >
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      )}
      <Tooltip label="Hide" withArrow>
        <ActionIcon variant="subtle" color="gray" onClick={onHide} aria-label={`Hide ${what}`}>
          <IconEyeOff size={16} />
        </ActionIcon>
      </Tooltip>
    </>
  )
}
