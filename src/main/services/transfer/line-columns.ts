import type { KeyOf } from '../../db/columns'
import type { proxies } from '../../db/schema'
import type { ParsedProxy } from '../../formats'

/** The endpoint a proxy-list line names: what makes two lines the same proxy. */
const LINE_ENDPOINT = ['protocol', 'remoteDns', 'host', 'port', 'username'] as const

/** What else a line may say about its proxy; on a re-import it fills in what is stored. */
export const LINE_DETAILS = ['location', 'country', 'tags', 'notes', 'rotationUrl'] as const

/**
 * The `proxies` columns a line of an import or an export carries, named alike in the schema and
 * in ParsedProxy (the password and the provider travel apart: sealed, and by id).
 */
export const LINE_COLUMNS = [
  ...LINE_ENDPOINT,
  ...LINE_DETAILS,
] as const satisfies readonly LineColumn[]

type LineColumn = KeyOf<typeof proxies> & keyof ParsedProxy
