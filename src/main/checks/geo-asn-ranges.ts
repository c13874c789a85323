import { readFile } from 'node:fs/promises'
import net from 'node:net'

/** The network an address belongs to: its autonomous system and who runs it. */
export interface AsnRecord {
  asn: number
  org: string | null
}

export interface AsnRanges {
  /** `address` is a normalized IPv4 or IPv6 address (see ip-ranges.ts). */
  lookup(address: string): AsnRecord | null
}

/**
 * The bundled ASN data: ip-location-db's `asn` package ships it as CSV only (its mmdb build is not
 * on npm), one row per inclusive range, sorted: `start,end,asn,"organisation"`, with the addresses
 * as decimal numbers in the `-num` files. Held as sorted typed arrays (~500k ranges, ~15 MB) and
 * searched by bisection; organisation names repeat a lot, so each distinct one is stored once.
 */
export async function loadAsnRanges(files: { ipv4: string; ipv6: string }): Promise<AsnRanges> {
  const [v4Text, v6Text] = await Promise.all([
    readFile(files.ipv4, 'utf8'),
    readFile(files.ipv6, 'utf8'),
  ])
  const orgs = new OrgTable()
  const v4 = await parseRanges(v4Text, files.ipv4, orgs, 4)
  const v6 = await parseRanges(v6Text, files.ipv6, orgs, 6)
  return {
    lookup(address) {
      if (net.isIPv4(address)) return find(v4, orgs, BigInt(ipv4ToNumber(address)))
      if (net.isIPv6(address)) return find(v6, orgs, ipv6ToBigInt(address))
      return null
    },
  }
}

interface RangeTable {
  // IPv4 bounds fit a float64 exactly; IPv6 ones are kept as two 64-bit halves.
  startHi: BigUint64Array
  startLo: BigUint64Array
  endHi: BigUint64Array
  endLo: BigUint64Array
  asn: Uint32Array
  org: Uint32Array
  size: number
}

class OrgTable {
  readonly names: (string | null)[] = [null]
  private readonly index = new Map<string, number>()
  id(name: string): number {
    if (name === '') return 0
    let id = this.index.get(name)
    if (id === undefined) {
      id = this.names.length
      this.names.push(name)
      this.index.set(name, id)
    }
    return id
  }
}

const MASK64 = (1n << 64n) - 1n

// Parsing all ~500k rows takes about a second: in the app's main process that would hold every IPC
// answer and tray update for that long. Yielding every so many rows keeps each slice short.
const ROWS_PER_SLICE = 20_000
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

async function parseRanges(
  text: string,
  file: string,
  orgs: OrgTable,
  family: 4 | 6,
): Promise<RangeTable> {
  const capacity = countLines(text)
  const table: RangeTable = {
    startHi: new BigUint64Array(capacity),
    startLo: new BigUint64Array(capacity),
    endHi: new BigUint64Array(capacity),
    endLo: new BigUint64Array(capacity),
    asn: new Uint32Array(capacity),
    org: new Uint32Array(capacity),
    size: 0,
  }
  let position = 0
  let line = 0
  while (position < text.length) {
    let end = text.indexOf('\n', position)
    if (end === -1) end = text.length
    line++
    if (line % ROWS_PER_SLICE === 0) await nextTurn()
    const row = text.slice(position, end).replace(/\r$/, '')
    position = end + 1
    if (row === '') continue
    const first = row.indexOf(',')
    const second = row.indexOf(',', first + 1)
    const third = row.indexOf(',', second + 1)
    if (first < 1 || second < 0 || third < 0) throw badRow(file, line)
    const start = BigInt(row.slice(0, first))
    const last = BigInt(row.slice(first + 1, second))
    const asn = Number(row.slice(second + 1, third))
    if (!(last >= start) || !Number.isInteger(asn) || asn < 0 || asn > 0xffffffff) {
      throw badRow(file, line)
    }
    if (family === 4 && last > 0xffffffffn) throw badRow(file, line)
    const i = table.size++
    table.startHi[i] = start >> 64n
    table.startLo[i] = start & MASK64
    table.endHi[i] = last >> 64n
    table.endLo[i] = last & MASK64
    table.asn[i] = asn
    table.org[i] = orgs.id(unquote(row.slice(third + 1)))
  }
  return table
}

function countLines(text: string): number {
  let count = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++
  return count
}

/** The last CSV field: plain, or quoted with `""` for a quote inside. */
function unquote(field: string): string {
  if (!field.startsWith('"')) return field.trim()
  return field.slice(1, field.endsWith('"') ? -1 : undefined).replaceAll('""', '"')
}

function badRow(file: string, line: number): Error {
  return new Error(`${file} line ${line} is not "start,end,asn,organisation"`)
}

function find(table: RangeTable, orgs: OrgTable, value: bigint): AsnRecord | null {
  const hi = value >> 64n
  const lo = value & MASK64
  // The last range starting at or before the address; it holds it when it ends at or after it.
  let low = 0
  let high = table.size - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const startHi = table.startHi[middle]!
    if (startHi < hi || (startHi === hi && table.startLo[middle]! <= lo)) {
      found = middle
      low = middle + 1
    } else {
      high = middle - 1
    }
  }
  if (found === -1) return null
  const endHi = table.endHi[found]!
  if (endHi < hi || (endHi === hi && table.endLo[found]! < lo)) return null
  const asn = table.asn[found]!
  // 0 is "no AS" (reserved); ip-location-db uses it for announced-but-unknown space.
  if (asn === 0) return null
  return { asn, org: orgs.names[table.org[found]!] ?? null }
}

export function ipv4ToNumber(address: string): number {
  const parts = address.split('.')
  return ((+parts[0]! << 24) >>> 0) + (+parts[1]! << 16) + (+parts[2]! << 8) + +parts[3]!
}

/** A valid IPv6 address (`::` and a dotted IPv4 tail allowed) as a 128-bit number. */
export function ipv6ToBigInt(address: string): bigint {
  let text = address.toLowerCase()
  const zone = text.indexOf('%')
  if (zone !== -1) text = text.slice(0, zone)
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (dotted) {
    const v4 = ipv4ToNumber(dotted[1]!)
    text = `${text.slice(0, dotted.index)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`
  }
  const [head, tail] = text.split('::') as [string, string | undefined]
  const headGroups = head === '' ? [] : head.split(':')
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':')
  const groups =
    tail === undefined
      ? headGroups
      : [
          ...headGroups,
          ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'),
          ...tailGroups,
        ]
  let value = 0n
  for (const group of groups) value = (value << 16n) | BigInt(parseInt(group, 16))
  return value
}
