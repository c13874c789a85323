import { createContext, useContext, type ReactNode } from 'react'
import type { Client } from '../../../shared/client'
import type { TransportKind } from './transport'

interface ApiContextValue {
  client: Client
  kind: TransportKind
}

const ApiContext = createContext<ApiContextValue | null>(null)

export function ApiProvider(props: ApiContextValue & { children: ReactNode }) {
  const { client, kind, children } = props
  return <ApiContext.Provider value={{ client, kind }}>{children}</ApiContext.Provider>
}

function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext)
  if (!value) throw new Error('useApi() needs an <ApiProvider> above it')
  return value
}

/** The typed client: `useApi().call('settings:get')`. */
export function useApi(): Client {
  return useApiContext().client
}

export function useTransportKind(): TransportKind {
  return useApiContext().kind
}
