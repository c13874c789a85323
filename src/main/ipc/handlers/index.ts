import type { HandlerMap } from '../handler'
import { accountHandlers } from './accounts'
import { appHandlers } from './app'
import { assignmentHandlers } from './assignments'
import { checkHandlers } from './checks'
import { importExportHandlers } from './import-export'
import { modelHandlers } from './models'
import { providerHandlers } from './providers'
import { proxyHandlers } from './proxies'
import { reportHandlers } from './reports'

/** Every contract's handler; the type makes a missing or extra channel a compile error. */
export const handlers: HandlerMap = {
  ...appHandlers,
  ...providerHandlers,
  ...proxyHandlers,
  ...modelHandlers,
  ...accountHandlers,
  ...assignmentHandlers,
  ...reportHandlers,
  ...importExportHandlers,
  ...checkHandlers,
}
