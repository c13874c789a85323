import net from 'node:net'

/**
 * The network an exit address lies in, as the isolation guard compares exits in "subnet" mode:
 * the IPv4 /24 (`203.0.113.0/24`) or the IPv6 /48 (`2001:db8:1::/48`). IPv4-mapped IPv6 addresses
 * count as their IPv4 address. Anything that is not an address is its own network (the string).
 */
export function exitNet(ip: string): string {
  const address = canonicalIp(ip)
  const family = net.isIP(address)
  if (family === 4) return `${address.split('.').slice(0, 3).join('.')}.0/24`
  if (family === 6) return `${expandIpv6(address).slice(0, 3).join(':')}::/48`
  return address
}

/** `::ffff:1.2.3.4` → `1.2.3.4`, IPv6 in lower case; the form exits are stored and compared in. */
export function canonicalIp(ip: string): string {
  const trimmed = ip.trim().replace(/^\[(.*)\]$/, '$1')
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)
  if (mapped) return mapped[1]!
  return net.isIPv6(trimmed) ? trimmed.toLowerCase() : trimmed
}

/** Eight groups, leading zeros dropped (`2001:db8:0:0:0:0:0:1`), for prefix comparison. */
function expandIpv6(address: string): string[] {
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined]
  const headGroups = head ? head.split(':') : []
  const tailGroups = tail ? tail.split(':') : []
  // An embedded IPv4 tail (`::1.2.3.4`) is two groups.
  const last = tailGroups.length ? tailGroups : headGroups
  const v4 = last.length && net.isIPv4(last[last.length - 1]!) ? last.pop()! : null
  if (v4) {
    const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number]
    last.push(((a << 8) | b).toString(16), ((c << 8) | d).toString(16))
  }
  const missing = 8 - headGroups.length - tailGroups.length
  const groups =
    tail === undefined ? headGroups : [...headGroups, ...Array(missing).fill('0'), ...tailGroups]
  return groups.map((group) => parseInt(group || '0', 16).toString(16))
}
