import { Anchor, Text } from '@mantine/core'

/**
 * Where a proxy opens in the Proxies view. The hash router reads only the first segment, so the
 * query after `?` reaches the view untouched (see use-hash-route.ts).
 */
export function proxyHref(proxyId: number): string {
  return `#/proxies?id=${proxyId}`
}

/** A proxy's `host:port` as a link to it in the Proxies view; a dash when there is none. */
export function ProxyLink({ id, label }: { id: number | null; label: string | null }) {
  if (id === null) {
    return (
      <Text span c="dimmed" size="sm">
        —
      </Text>
    )
  }
  return (
    <Anchor href={proxyHref(id)} ff="monospace" size="sm" aria-label={`Proxy ${label ?? `#${id}`}`}>
      {label ?? `#${id}`}
    </Anchor>
  )
}
