import type { HandlerMap } from '../handler'
import { accountHandlers } from './accounts'
import { analyticsHandlers } from './analytics'
import { appHandlers } from './app'
import { assignmentHandlers } from './assignments'
import { checkHandlers } from './checks'
import { exportHandlers } from './export'
import { geoHandlers } from './geo'
import { historyHandlers } from './history'
import { importHandlers } from './import'
import { modelHandlers } from './models'
import { providerHandlers } from './providers'
import { proxyHandlers } from './proxies'
import { settingsHandlers } from './settings'
import { storageHandlers } from './storage'
import { vaultHandlers } from './vault'

/**
 * Every contract's handler, one file per contract file in src/shared/contracts; the type makes a
 * missing or extra channel a compile error.
 */
export const handlers: HandlerMap = {
  ...appHandlers,
  ...settingsHandlers,
  ...providerHandlers,
  ...proxyHandlers,
  ...modelHandlers,
  ...accountHandlers,
  ...assignmentHandlers,
  ...historyHandlers,
  ...analyticsHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...checkHandlers,
  ...geoHandlers,
  ...storageHandlers,
  ...vaultHandlers,
}
