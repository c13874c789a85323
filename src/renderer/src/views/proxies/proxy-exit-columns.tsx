import type { MRT_ColumnDef } from 'mantine-react-table'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import { CellText, Dash } from '../../components'
import {
  AnonymityBadge,
  ExitPlace,
  LastCheckBadge,
  networkText,
  ReachabilityDots,
} from '../../features/exit'

/*
 * The columns of what the last check found (issue #10). Each is a constant: the table's column
 * list (proxy-columns.tsx) names them one per line, so a column another part adds (the collision
 * marker) is one import and one line there. Ids that are `proxySortColumns` sort on the server;
 * the rest do not sort.
 */

type Column = MRT_ColumnDef<ProxyDto>

const dash = <Dash />

export const lastResultColumn: Column = {
  id: 'lastResult',
  header: 'Last check',
  accessorKey: 'lastErrorCode',
  enableSorting: false,
  size: 215,
  Cell: ({ row: { original: proxy } }) => <LastCheckBadge proxy={proxy} />,
}

export const latencyColumn: Column = {
  id: 'responseTimeMs',
  header: 'Latency',
  accessorKey: 'responseTimeMs',
  size: 85,
  mantineTableBodyCellProps: { align: 'right' },
  mantineTableHeadCellProps: { align: 'right' },
  Cell: ({ row: { original: proxy } }) =>
    proxy.responseTimeMs === null ? dash : <CellText numeric>{proxy.responseTimeMs} ms</CellText>,
}

export const exitIpColumn: Column = {
  id: 'exitIp',
  header: 'Exit IP',
  accessorKey: 'exitIp',
  enableSorting: false,
  size: 125,
  Cell: ({ row: { original: proxy } }) =>
    proxy.exitIp ? (
      <CellText mono maxWidth={150} title={proxy.exitIp}>
        {proxy.exitIp}
      </CellText>
    ) : (
      dash
    ),
}

/** Country flag and exit city; the operator's own location note when no check placed it. */
export const placeColumn: Column = {
  id: 'country',
  header: 'Place',
  accessorKey: 'country',
  size: 140,
  Cell: ({ row: { original: proxy } }) =>
    proxy.country || proxy.exitCity ? (
      <ExitPlace country={proxy.country} city={proxy.exitCity} region={proxy.exitRegion} />
    ) : proxy.location ? (
      <CellText dimmed maxWidth={140}>
        {proxy.location}
      </CellText>
    ) : (
      dash
    ),
}

export const timezoneColumn: Column = {
  id: 'timezone',
  header: 'Timezone',
  accessorKey: 'exitTimezone',
  enableSorting: false,
  size: 150,
  Cell: ({ row: { original: proxy } }) =>
    proxy.exitTimezone ? (
      <CellText maxWidth={150} title={proxy.exitTimezone}>
        {proxy.exitTimezone}
      </CellText>
    ) : (
      dash
    ),
}

export const networkColumn: Column = {
  id: 'network',
  header: 'Network',
  accessorKey: 'exitOrg',
  enableSorting: false,
  size: 170,
  Cell: ({ row: { original: proxy } }) => {
    const text = networkText(proxy.exitAsn, proxy.exitOrg)
    return text ? (
      <CellText maxWidth={170} title={text}>
        {text}
      </CellText>
    ) : (
      dash
    )
  },
}

export const anonymityColumn: Column = {
  id: 'anonymity',
  header: 'Anonymity',
  accessorKey: 'anonymity',
  enableSorting: false,
  size: 115,
  Cell: ({ row: { original: proxy } }) => <AnonymityBadge level={proxy.anonymity} />,
}

export const reachabilityColumn: Column = {
  id: 'reachability',
  header: 'Platforms',
  accessorKey: 'reachability',
  enableSorting: false,
  size: 105,
  Cell: ({ row: { original: proxy } }) => <ReachabilityDots results={proxy.reachability} />,
}
