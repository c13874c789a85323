import net from 'node:net'

/**
 * Writes small MaxMind DB (.mmdb) files, format 2.0 (https://maxmind.github.io/MaxMind-DB/):
 * a binary search tree over the address bits, 16 zero bytes, the data section, then
 * "\xAB\xCD\xEFMaxMind.com" and the metadata map. Enough for tests to make a database that is not
 * the bundled one, with records and a build date of their choosing, and to read it through the
 * same `maxmind` package the app uses. Records are written inline (no pointers); 32-bit records.
 */

export type MmdbValue =
  string | number | bigint | boolean | MmdbValue[] | { [key: string]: MmdbValue }

export interface MmdbNetwork {
  /** `a.b.c.d/len` or an IPv6 prefix `x::/len`; an IPv4 network in an IPv6 tree goes in ::/96. */
  network: string
  data: { [key: string]: MmdbValue }
}

export interface MmdbFile {
  databaseType: string
  ipVersion: 4 | 6
  /** Seconds since the epoch; `build_epoch` in the metadata. */
  buildEpoch: number
  networks: MmdbNetwork[]
  languages?: string[]
  description?: Record<string, string>
}

const METADATA_MARKER = Buffer.from([0xab, 0xcd, 0xef, ...Buffer.from('MaxMind.com')])

type Child = { node: number } | { data: number } | null

export function writeMmdb(file: MmdbFile): Buffer {
  const data: Buffer[] = []
  let dataSize = 0
  const offsets = new Map<string, number>()
  const dataOffset = (value: MmdbNetwork['data']): number => {
    const key = JSON.stringify(value)
    let offset = offsets.get(key)
    if (offset === undefined) {
      const bytes = encode(value)
      offset = dataSize
      data.push(bytes)
      dataSize += bytes.length
      offsets.set(key, offset)
    }
    return offset
  }

  const nodes: [Child, Child][] = [[null, null]]
  for (const { network, data: record } of file.networks) {
    const bits = prefixBits(network, file.ipVersion)
    const leaf = { data: dataOffset(record) }
    let node = 0
    for (let depth = 0; depth < bits.length; depth++) {
      const side = bits[depth]!
      if (depth === bits.length - 1) {
        nodes[node]![side] = leaf
        break
      }
      const next = nodes[node]![side]
      if (next && 'node' in next) {
        node = next.node
      } else {
        if (next) throw new Error(`${network} lies inside a network already written`)
        nodes.push([null, null])
        nodes[node]![side] = { node: nodes.length - 1 }
        node = nodes.length - 1
      }
    }
  }

  const nodeCount = nodes.length
  const tree = Buffer.alloc(nodeCount * 8)
  const record = (child: Child): number =>
    child === null ? nodeCount : 'node' in child ? child.node : nodeCount + 16 + child.data
  nodes.forEach(([left, right], index) => {
    tree.writeUInt32BE(record(left), index * 8)
    tree.writeUInt32BE(record(right), index * 8 + 4)
  })

  const metadata = encodeMap([
    ['binary_format_major_version', uint(5, 2)],
    ['binary_format_minor_version', uint(5, 0)],
    ['build_epoch', uint(9, file.buildEpoch)],
    ['database_type', encode(file.databaseType)],
    ['description', encode(file.description ?? { en: 'ProxyDeck test database' })],
    ['ip_version', uint(5, file.ipVersion)],
    ['languages', encode(file.languages ?? ['en'])],
    ['node_count', uint(6, nodeCount)],
    ['record_size', uint(5, 32)],
  ])
  return Buffer.concat([tree, Buffer.alloc(16), ...data, METADATA_MARKER, metadata])
}

function prefixBits(network: string, ipVersion: 4 | 6): (0 | 1)[] {
  const [address, lengthText] = network.split('/') as [string, string | undefined]
  const family = net.isIP(address)
  if (family === 0) throw new Error(`${network} is not an address`)
  const length = Number(lengthText ?? (family === 4 ? 32 : 128))
  if (family === 6 && ipVersion === 4) throw new Error(`${network} does not fit an IPv4 tree`)
  let bits: (0 | 1)[] = bitsOf(family === 4 ? v4Bytes(address) : v6Bytes(address)).slice(0, length)
  // An IPv6 tree holds IPv4 at ::a.b.c.d, which is where readers look IPv4 addresses up.
  if (family === 4 && ipVersion === 6) bits = [...Array<0>(96).fill(0), ...bits]
  return bits
}

function v4Bytes(address: string): number[] {
  return address.split('.').map(Number)
}

function v6Bytes(address: string): number[] {
  const [head, tail] = address.split('::') as [string, string | undefined]
  const h = head ? head.split(':') : []
  const t = tail ? tail.split(':') : []
  const groups =
    tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t]
  return groups.flatMap((group) => {
    const value = parseInt(group, 16)
    return [value >> 8, value & 0xff]
  })
}

function bitsOf(bytes: number[]): (0 | 1)[] {
  return bytes.flatMap((byte) =>
    Array.from({ length: 8 }, (_, i) => ((byte >> (7 - i)) & 1) as 0 | 1),
  )
}

/** The control byte(s): type in the top 3 bits (extended types in a second byte), then size. */
function control(type: number, size: number): Buffer {
  const bytes: number[] = []
  let sizeBits: number
  const extra: number[] = []
  if (size < 29) {
    sizeBits = size
  } else if (size < 285) {
    sizeBits = 29
    extra.push(size - 29)
  } else if (size < 65_821) {
    sizeBits = 30
    extra.push((size - 285) >> 8, (size - 285) & 0xff)
  } else {
    sizeBits = 31
    const rest = size - 65_821
    extra.push((rest >> 16) & 0xff, (rest >> 8) & 0xff, rest & 0xff)
  }
  if (type <= 7) {
    bytes.push((type << 5) | sizeBits)
  } else {
    bytes.push(sizeBits, type - 7)
  }
  return Buffer.from([...bytes, ...extra])
}

/** Unsigned integer of an explicit type: 5 uint16, 6 uint32, 9 uint64, 10 uint128. */
function uint(type: 5 | 6 | 9 | 10, value: number | bigint): Buffer {
  let rest = BigInt(value)
  const bytes: number[] = []
  while (rest > 0n) {
    bytes.unshift(Number(rest & 0xffn))
    rest >>= 8n
  }
  return Buffer.concat([control(type, bytes.length), Buffer.from(bytes)])
}

function encodeMap(entries: [string, Buffer][]): Buffer {
  return Buffer.concat([
    control(7, entries.length),
    ...entries.flatMap(([key, value]) => [encode(key), value]),
  ])
}

function encode(value: MmdbValue): Buffer {
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8')
    return Buffer.concat([control(2, bytes.length), bytes])
  }
  if (typeof value === 'bigint') return uint(9, value)
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0 && value <= 0xffffffff) return uint(6, value)
    const bytes = Buffer.alloc(8)
    bytes.writeDoubleBE(value)
    return Buffer.concat([control(3, 8), bytes])
  }
  if (typeof value === 'boolean') return control(14, value ? 1 : 0)
  if (Array.isArray(value)) return Buffer.concat([control(11, value.length), ...value.map(encode)])
  return encodeMap(Object.entries(value).map(([key, item]) => [key, encode(item)]))
}
