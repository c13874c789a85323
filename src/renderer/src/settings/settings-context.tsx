import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react'
import type { AppError } from '../../../shared/errors'
import type { Settings, SettingsPatch } from '../../../shared/settings'
import { toAppError, useApi } from '../api'

interface SettingsContextValue {
  settings: Settings | undefined
  error: AppError | undefined
  /** Sends a patch to main and returns what main stored; throws the AppError main answered with. */
  save: (patch: SettingsPatch) => Promise<Settings>
  reload: () => void
}

const SettingsContext = createContext<SettingsContextValue | null>(null)

/**
 * The stored settings, loaded once and kept current from `settings:changed` (which also carries
 * changes made by another window or another bridge client).
 */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const client = useApi()
  const [settings, setSettings] = useState<Settings>()
  const [error, setError] = useState<AppError>()
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    let current = true
    client.call('settings:get').then(
      (loaded) => {
        if (!current) return
        setSettings(loaded)
        setError(undefined)
      },
      (cause: unknown) => current && setError(toAppError(cause)),
    )
    const unsubscribe = client.on('settings:changed', (changed) => setSettings(changed))
    return () => {
      current = false
      unsubscribe()
    }
  }, [client, generation])

  const save = useCallback(
    async (patch: SettingsPatch) => {
      const stored = await client.call('settings:set', patch)
      setSettings(stored)
      return stored
    },
    [client],
  )

  const reload = useCallback(() => setGeneration((n) => n + 1), [])

  return (
    <SettingsContext.Provider value={{ settings, error, save, reload }}>
      {children}
    </SettingsContext.Provider>
  )
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext)
  if (!value) throw new Error('useSettings() needs a <SettingsProvider> above it')
  return value
}
