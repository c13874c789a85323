import { IconArrowsCross } from '@tabler/icons-react'
import type { MRT_ColumnDef } from 'mantine-react-table'
import type { ProxyDto } from '../../../../shared/contracts/dto'
import { Dash, Pill } from '../../components'

/**
 * The isolation guard's marker: how many proxies of another model share a recent exit with this
 * one (the Dashboard lists each collision with the accounts it links). Kept in its own file so the
 * table's column list takes it in one line.
 */
export const collisionColumn: MRT_ColumnDef<ProxyDto> = {
  id: 'exitCollisions',
  header: 'Collision',
  accessorKey: 'exitCollisions',
  enableSorting: false,
  size: 105,
  Cell: ({ row: { original: proxy } }) =>
    proxy.exitCollisions > 0 ? (
      <Pill
        color="red"
        icon={<IconArrowsCross size={12} />}
        aria-label={`Exit collision with ${proxy.exitCollisions} other ${proxy.exitCollisions === 1 ? 'proxy' : 'proxies'}`}
        data-testid="exit-collision-marker"
        tip={`Shares a recent exit with ${proxy.exitCollisions} ${proxy.exitCollisions === 1 ? 'proxy' : 'proxies'} of another model`}
      >
        {proxy.exitCollisions}
      </Pill>
    ) : (
      <Dash />
    ),
}
