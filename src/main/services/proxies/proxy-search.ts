import { proxyProtocols, type ProxyProtocol } from '../../../shared/domain'
import { likeContains } from '../service-context'

/**
 * The endpoint as the table writes it (shared/endpoint.ts userEndpointLabel): `user@host:port`,
 * an IPv6 host in brackets. A search is a substring of this, so `127.0.0.1:18084`, `[::1]:8080`,
 * `bob@gw.example` and `bob@gw.example:80` all find their proxy, as do a bare host, user or port.
 */
const SHOWN_ENDPOINT = `(coalesce(p.username || '@', '')
  || CASE WHEN instr(p.host, ':') THEN '[' || p.host || ']' ELSE p.host END
  || ':' || p.port)`

/** A leading `socks5h://` and the like, as the operator may paste a whole URL. */
const SCHEME = /^([a-z0-9]+):\/\//i

/**
 * The `search` filter over `proxies p`: the shown endpoint, the exit IPs (the last check's and
 * every one proxy_exits remembers), the tags and the notes, all case-insensitive substrings. A
 * scheme in front (`socks5://…`) narrows to that protocol and searches the rest. Every part is a
 * scan of the rows the other filters leave, or one pass over proxy_exits (the IN list is built
 * once, not per row), so the list's index walk still stops at a full page.
 */
export function searchSql(search: string): { term: string; params: unknown[] } {
  const terms: string[] = []
  const params: unknown[] = []
  let text = search
  const scheme = SCHEME.exec(text)
  const protocol = scheme ? schemeProtocol(scheme[1] as string) : null
  if (scheme && protocol) {
    text = text.slice(scheme[0].length)
    terms.push('p.protocol = ?')
    params.push(protocol.protocol)
    if (protocol.remoteDns) terms.push('p.remote_dns = 1')
    // Only the scheme: every proxy of that protocol.
    if (!text) return { term: `(${terms.join(' AND ')})`, params }
  }
  const pattern = likeContains(text)
  const any: string[] = []
  const add = (term: string, value: string) => {
    any.push(term)
    params.push(value)
  }
  // Only a term that spans the parts (`:`, `@`, brackets) or could be the port needs the shown
  // endpoint built for every row; any other substring lies inside the host or the username.
  if (/[:@[\]]|^\d+$/.test(text)) add(`${SHOWN_ENDPOINT} LIKE ? ESCAPE '\\'`, pattern)
  else {
    add(`p.host LIKE ? ESCAPE '\\'`, pattern)
    add(`p.username LIKE ? ESCAPE '\\'`, pattern)
  }
  add(`p.notes LIKE ? ESCAPE '\\'`, pattern)
  // The tags' JSON text first (cheap, and false only when no tag can match), then each tag.
  any.push(`(p.tags LIKE ? ESCAPE '\\' AND EXISTS (SELECT 1 FROM json_each(p.tags) AS t
    WHERE t.value LIKE ? ESCAPE '\\'))`)
  params.push(pattern, pattern)
  // Exit IPs only for a term that can be part of one (an exit is shown bare: `[2001:db8::1]`
  // still finds it).
  const exit = text.replace(/^\[([^\]]*)\]$/, '$1')
  if (/^[0-9a-f.:]+$/i.test(exit)) {
    const exitPattern = likeContains(exit)
    add(`p.exit_ip LIKE ? ESCAPE '\\'`, exitPattern)
    add(`p.id IN (SELECT e.proxy_id FROM proxy_exits e WHERE e.ip LIKE ? ESCAPE '\\')`, exitPattern)
  }
  terms.push(`(${any.join(' OR ')})`)
  return { term: `(${terms.join(' AND ')})`, params }
}

function schemeProtocol(scheme: string): { protocol: ProxyProtocol; remoteDns: boolean } | null {
  const lower = scheme.toLowerCase()
  if (lower === 'socks5h') return { protocol: 'socks5', remoteDns: true }
  return (proxyProtocols as readonly string[]).includes(lower)
    ? { protocol: lower as ProxyProtocol, remoteDns: false }
    : null
}
