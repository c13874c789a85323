import { describe, expect, it } from 'vitest'
import type { MonitorAlert } from '../../../../shared/contracts/checks'
import { importNotice } from '../import/import-notice'
import { checkRunNotice } from './CheckRunAlertListener'
import { monitorAlertLink } from './MonitorAlertListener'

const proxy = { id: 1, label: '127.0.0.1:9', errorCode: null, errorMessage: null }

function alert(patch: Partial<MonitorAlert>): MonitorAlert {
  return {
    runId: 'r',
    origin: 'monitor',
    at: 0,
    failing: [],
    recovered: [],
    failover: { enabled: false, moved: [], stranded: [] },
    collisions: [],
    level: 'info',
    title: '',
    message: '',
    ...patch,
  }
}

describe('links of the alert list', () => {
  it('sends a failing-proxies alert to the status=error filter', () => {
    expect(monitorAlertLink(alert({ failing: [proxy], level: 'error' })).href).toBe(
      '#/proxies?status=error',
    )
    expect(monitorAlertLink(alert({ recovered: [proxy] })).href).toBe('#/proxies?status=active')
  })

  it('sends a run with failures to the failed-last-check filter', () => {
    const run = {
      runId: 'r',
      origin: 'operator' as const,
      total: 3,
      done: 3,
      ok: 1,
      failed: 2,
      judgeFailed: 0,
      skipped: 0,
      remaining: 0,
      startedAt: 0,
      finished: true,
      cancelled: false,
    }
    const notice = checkRunNotice(run)
    expect(notice).toMatchObject({ level: 'warning', title: 'Test finished', source: 'check' })
    expect(notice.message).toBe('3 of 3 tested: 1 ok, 2 failed.')
    expect(notice.link?.href).toBe('#/proxies?lastCheck=failed')
    expect(checkRunNotice({ ...run, ok: 3, failed: 0 }).link?.href).toBe('#/proxies')
  })

  it('sends an import to its provider, quietly', () => {
    const result = {
      importId: 'i',
      inserted: 5,
      updated: 0,
      skippedStored: 1,
      skippedLines: 1,
      errors: 0,
    }
    const notice = importNotice(result, 4)
    expect(notice).toMatchObject({ title: 'Import finished', quiet: true, source: 'import' })
    expect(notice.message).toBe('5 added, 2 skipped.')
    expect(notice.link?.href).toBe('#/proxies?provider=4')
  })
})
