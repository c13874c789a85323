import type { ImportErrorReason, ImportPreviewRow } from '../../../../shared/import-types'
import { endpointLabel, protocolLabel } from '../../../../shared/endpoint'

/** Why a line was refused, in the operator's words. */
export const importReasonLabels: Record<ImportErrorReason, string> = {
  missing_port: 'No port',
  port_out_of_range: 'Port outside 1–65535',
  invalid_port: 'Port is not a number',
  invalid_host: 'Host is not valid',
  unsupported_scheme: 'Unknown protocol',
  missing_password: 'User name without a password',
  malformed_line: 'Line not understood',
  invalid_rotation_url: 'Rotation URL is not valid',
  missing_column: 'Required column missing',
  invalid_field: 'A field is not valid',
  invalid_country: 'Country is not a 2-letter code',
  invalid_json: 'Not valid JSON',
  not_an_object: 'JSON item is not an object',
  unknown_provider: 'Names a provider that does not exist',
}

export function rowStatusLabel(row: ImportPreviewRow): string {
  if (row.status === 'new') return 'New'
  if (row.status === 'error') return 'Error'
  if (row.status === 'conflict') return 'Conflict'
  return row.duplicateOf.kind === 'stored' ? 'Already stored' : 'Repeated line'
}

export function rowStatusColor(row: ImportPreviewRow): string {
  if (row.status === 'new') return 'teal'
  if (row.status === 'error') return 'red'
  if (row.status === 'conflict') return 'orange'
  return 'yellow'
}

/** What the row says beyond its endpoint: the duplicate's origin or the error's reason. */
export function rowNote(row: ImportPreviewRow): string {
  if (row.status === 'duplicate') {
    return row.duplicateOf.kind === 'stored'
      ? `Same as stored proxy #${row.duplicateOf.proxyId}`
      : `Repeats line ${row.duplicateOf.line}`
  }
  if (row.status === 'error') return `${importReasonLabels[row.reason]}: ${row.message}`
  if (row.status === 'conflict') {
    return `Same proxy as line ${row.conflictOf.line}, another password`
  }
  return row.proxy.provider ? `Provider: ${row.proxy.provider}` : ''
}

export function rowEndpoint(row: ImportPreviewRow): string {
  const proxy = row.proxy
  if (!proxy) return row.status === 'error' ? (row.raw ?? '—') : '—'
  const auth = proxy.username ? `${proxy.username}:${proxy.passwordMask ?? ''}@` : ''
  return `${protocolLabel(proxy)}://${auth}${endpointLabel(proxy.host, proxy.port)}`
}

export const phaseLabels = {
  parsing: 'Reading the list',
  encrypting: 'Encrypting passwords',
  storing: 'Saving proxies',
} as const
