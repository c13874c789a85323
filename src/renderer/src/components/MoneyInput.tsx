import { TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import { parseDollarsToCents } from '../lib/format'

export interface MoneyInputProps {
  label: string
  /** Integer cents; null when empty. */
  value: number | null
  /** Cents when the text reads as dollars, null when empty or unreadable (`valid` tells which). */
  onChange: (cents: number | null, state: { valid: boolean }) => void
  description?: string
  placeholder?: string
  /** An error from main (e.g. a VALIDATION issue); the input's own parse error wins. */
  error?: string
  required?: boolean
  disabled?: boolean
}

function centsToText(cents: number | null): string {
  return cents === null ? '' : (cents / 100).toFixed(2)
}

/** Money typed in dollars ("12.50", "$3", "4,99") and handed to the form as integer cents. */
export function MoneyInput(props: MoneyInputProps) {
  const {
    label,
    value,
    onChange,
    description,
    placeholder = '0.00',
    error,
    required,
    disabled,
  } = props
  const [text, setText] = useState(() => centsToText(value))

  // Follow a value set from outside (form reset, another record) without fighting the typing.
  useEffect(() => {
    setText((current) => {
      const parsed = current.trim() === '' ? null : parseDollarsToCents(current)
      return parsed === value ? current : centsToText(value)
    })
  }, [value])

  const unreadable = text.trim() !== '' && parseDollarsToCents(text) === null
  return (
    <TextInput
      label={label}
      description={description}
      placeholder={placeholder}
      required={required}
      disabled={disabled}
      inputMode="decimal"
      leftSection="$"
      value={text}
      error={unreadable ? 'Enter dollars and cents, like 12.50' : error}
      onChange={(event) => {
        const next = event.currentTarget.value
        setText(next)
        if (next.trim() === '') onChange(null, { valid: true })
        else {
          const cents = parseDollarsToCents(next)
          onChange(cents, { valid: cents !== null })
        }
      }}
      onBlur={() => {
        const cents = parseDollarsToCents(text)
        if (cents !== null) setText(centsToText(cents))
      }}
    />
  )
}
