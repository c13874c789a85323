import type { z } from 'zod'

/**
 * One IPC method: its channel (`domain:verb`), the zod schema main validates input with, and the
 * output type (phantom: only used by the typed client and the handler map).
 */
export interface Contract<I extends z.ZodType, O> {
  readonly channel: string
  readonly input: I
  readonly __output?: O
}

export function defineContract<O>() {
  return <I extends z.ZodType>(channel: string, input: I): Contract<I, O> => ({ channel, input })
}

export type InputOfContract<C> = C extends Contract<infer I, unknown> ? z.input<I> : never
export type ParsedInputOfContract<C> = C extends Contract<infer I, unknown> ? z.output<I> : never
export type OutputOfContract<C> = C extends Contract<z.ZodType, infer O> ? O : never
