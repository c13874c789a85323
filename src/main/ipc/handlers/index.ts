import type { HandlerMap } from '../handler'
import { appHandlers } from './app'

/** Every contract's handler; the type makes a missing or extra channel a compile error. */
export const handlers: HandlerMap = {
  ...appHandlers,
}
