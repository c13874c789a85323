export { ApiProvider, useApi, useTransportKind } from './api-context'
export { selectTransport, type TransportKind } from './transport'
export { useQuery, toAppError, type QueryState } from './use-query'
