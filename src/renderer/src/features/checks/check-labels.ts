import type { CheckErrorCode } from '../../../../shared/domain'

/** Why a check failed, in the operator's words. */
export const checkErrorLabels: Record<CheckErrorCode, string> = {
  timeout: 'Timed out',
  refused: 'Connection refused',
  dns_failed: 'Host name not found',
  auth_failed: 'Wrong user name or password',
  tls_failed: 'TLS failed',
  protocol_error: 'Protocol error',
  judge_failed: 'Check sites unreachable',
  bad_response: 'Unexpected answer',
}

export function checkResultLabel(ok: boolean, code: CheckErrorCode | null): string {
  if (ok) return 'OK'
  return code ? checkErrorLabels[code] : 'Failed'
}

export function checkResultColor(ok: boolean, code: CheckErrorCode | null): string {
  if (ok) return 'teal'
  return code === 'judge_failed' ? 'yellow' : 'red'
}
