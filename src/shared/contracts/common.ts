import { z } from 'zod'

/** Input of a method that takes nothing: `{}` or nothing at all, and no stray keys. */
export const noInput = z.object({}).strict().default({})

export const id = z.number().int().positive()
