import net from 'node:net'

// Addresses that say nothing about where a proxy exits to the internet: a judge on loopback or a
// LAN sees these, and a geo database has no country for them (or a misleading one).
const nonPublic = new net.BlockList()
for (const [prefix, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3], // multicast and reserved, up to 255.255.255.255
] as const) {
  nonPublic.addSubnet(prefix, bits, 'ipv4')
}
for (const [prefix, bits] of [
  ['::', 127], // unspecified and loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b:1::', 48], // local-use NAT64
] as const) {
  nonPublic.addSubnet(prefix, bits, 'ipv6')
}

/** `::ffff:1.2.3.4` → `1.2.3.4`; anything else unchanged (trimmed). */
export function normalizeIp(ip: string): string {
  const trimmed = ip.trim()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)
  return mapped?.[1] ?? trimmed
}

/** True for a syntactically valid address outside loopback, private, link-local and CGNAT space. */
export function isPublicIp(ip: string): boolean {
  const address = normalizeIp(ip)
  const family = net.isIP(address)
  if (family === 0) return false
  return !nonPublic.check(address, family === 4 ? 'ipv4' : 'ipv6')
}
