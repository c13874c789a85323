import { z } from 'zod'
import { id } from './common'

/*
 * Field schemas the domain contracts share. Messages are written for the operator: the renderer
 * shows them next to the field named by the path.
 */

// A lone UTF-16 surrogate: in `u` mode a valid pair is one code point and does not match.
const loneSurrogate = /\p{Cs}/u

/**
 * True when a string can be stored and shown as it came: no NUL (C code such as SQLite's tools,
 * the keychain and terminals cut the text there) and no lone surrogate (it has no UTF-8 form, so
 * SQLite would store invalid bytes). Electron IPC and the bridge both deliver JS strings, so this
 * check on every string schema covers both transports.
 */
export function isWellFormedText(value: string): boolean {
  return !value.includes('\0') && !loneSurrogate.test(value)
}

const wellFormed = {
  error: 'Text cannot contain a NUL character or broken Unicode (a lone surrogate)',
}

/** `z.string()` for every text that comes in: refuses what `isWellFormedText` refuses. */
export const text = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine(isWellFormedText, wellFormed)

/** `z.url()` with the same rule (the URL parser keeps a NUL or lone surrogate in the path). */
export const url = (params?: Parameters<typeof z.url>[0]) =>
  z.url(params).refine(isWellFormedText, wellFormed)

/** Money is integer cents everywhere: no floating amounts cross the boundary. */
export const cents = z
  .number({ error: 'Enter an amount in cents (a whole number)' })
  .int({ error: 'Money is stored in whole cents' })
  .min(0, { error: 'An amount cannot be negative' })
  .max(100_000_000_00, { error: 'That amount is implausibly large' })

/** Epoch milliseconds. */
export const epochMs = z
  .number({ error: 'Expected a time (epoch milliseconds)' })
  .int({ error: 'A time is whole milliseconds' })
  .min(0, { error: 'A time cannot be before 1970' })

export const name = text({ error: 'Enter a name' })
  .trim()
  .min(1, { error: 'A name cannot be empty' })
  .max(200, { error: 'A name is at most 200 characters' })

/** Free text that may be cleared with null; an empty string is stored as null. */
export const optionalText = (max: number) =>
  text()
    .trim()
    .max(max, { error: `At most ${max} characters` })
    .nullable()
    .transform((value) => (value === '' ? null : value))

export const notes = optionalText(10_000)

export const email = z
  .union([z.email({ error: 'Enter a valid email address' }), z.literal('')])
  .nullable()
  .transform((value) => (value === '' ? null : value))

export const website = z
  .union([
    url({ protocol: /^https?$/, error: 'Enter a web address starting with http:// or https://' }),
    z.literal(''),
  ])
  .nullable()
  .transform((value) => (value === '' ? null : value))

const hostnamePattern =
  /^(?=.{1,253}$)(?!-)[a-zA-Z0-9-]{1,63}(?<!-)(\.(?!-)[a-zA-Z0-9-]{1,63}(?<!-))*\.?$/

/** IPv4, IPv6 without brackets, or a DNS name (gateways are often names). */
export const host = text({ error: 'Enter a host' })
  .trim()
  .min(1, { error: 'Enter a host' })
  .max(253, { error: 'A host is at most 253 characters' })
  .refine(
    (value) =>
      z.ipv4().safeParse(value).success ||
      z.ipv6().safeParse(value).success ||
      hostnamePattern.test(value),
    { error: 'Enter an IPv4 address, an IPv6 address without brackets, or a host name' },
  )

export const port = z
  .number({ error: 'Enter a port number' })
  .int({ error: 'A port is a whole number' })
  .min(1, { error: 'A port is between 1 and 65535' })
  .max(65_535, { error: 'A port is between 1 and 65535' })

export const maxAccounts = z
  .number({ error: 'Enter the maximum number of accounts' })
  .int({ error: 'A whole number of accounts' })
  .min(1, { error: 'A proxy takes at least one account' })
  .max(1_000, { error: 'At most 1000 accounts per proxy' })

export const tag = text()
  .trim()
  .min(1, { error: 'A tag cannot be empty' })
  .max(50, { error: 'A tag is at most 50 characters' })

export const tags = z.array(tag).max(50, { error: 'At most 50 tags' })

/** A list of ids for bulk operations; duplicates are harmless and removed. */
export const ids = z
  .array(id, { error: 'Expected a list of ids' })
  .min(1, { error: 'Select at least one' })
  .max(100_000, { error: 'At most 100000 at a time' })
  .transform((list) => [...new Set(list)])

/** 1-based page number and page size shared by every paged list. */
export const paging = {
  page: z.number().int().min(1, { error: 'Pages start at 1' }).default(1),
  pageSize: z
    .number()
    .int()
    .min(1, { error: 'A page holds at least one row' })
    .max(500, { error: 'A page holds at most 500 rows' })
    .default(50),
}

/** One value or a non-empty list of values of an enum, for multi-select filters. */
export function oneOrMany<T extends readonly [string, ...string[]]>(values: T) {
  const single = z.enum(values)
  return z.union([single, z.array(single).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]))
}
