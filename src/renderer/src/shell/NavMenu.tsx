import { NavLink, Stack } from '@mantine/core'
import { hrefFor } from './use-hash-route'
import { routes, type Route } from './routes'

export function NavMenu({ active, onNavigate }: { active: Route; onNavigate: () => void }) {
  return (
    <Stack component="nav" aria-label="Main" gap={4}>
      {routes.map((route) => {
        const current = route.path === active.path
        return (
          <NavLink
            key={route.path}
            href={hrefFor(route.path)}
            label={route.label}
            leftSection={<route.icon size={18} stroke={1.6} aria-hidden />}
            active={current}
            aria-current={current ? 'page' : undefined}
            variant="light"
            onClick={onNavigate}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
        )
      })}
    </Stack>
  )
}
