import type { Channel } from '../../shared/channels'
import type { OutputOf, ParsedInputOf } from '../../shared/contracts'
import type { AppContext } from '../context'

/** A service call behind one contract: input already validated by the contract's schema. */
export type Handler<K extends Channel> = (
  ctx: AppContext,
  input: ParsedInputOf<K>,
) => OutputOf<K> | Promise<OutputOf<K>>

export type HandlerMap<K extends Channel = Channel> = { [C in K]: Handler<C> }
