import {
  IconArrowsExchange,
  IconBuildingStore,
  IconHistory,
  IconLayoutDashboard,
  IconServer,
  IconSettings,
  IconUsers,
  type TablerIcon,
} from '@tabler/icons-react'
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import { appViews, type ViewPath } from '../../../shared/views'

/**
 * Each view is its own chunk, loaded when first shown: the first window draws only the shell and
 * the view it opens on (the dashboard's charts, the settings' forms... are ~half the bundle and
 * were parsed and run before the first request left). The others load on first navigation, from
 * local files: not preloaded, since that work would land in the middle of the operator's first
 * interactions.
 */
function lazyView<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): LazyView {
  const view = lazy(() => load().then((module) => ({ default: pick(module) })))
  // The same import() is one fetch and one evaluation, whoever asks first.
  return Object.assign(view, { preload: () => void load().catch(() => undefined) })
}

type LazyView = LazyExoticComponent<ComponentType> & { preload(): void }

export interface Route {
  path: ViewPath
  label: string
  icon: TablerIcon
  view: LazyView
}

// Keyed by path, so a view added to shared/views.ts without a component here fails to compile.
const screens: Record<ViewPath, Pick<Route, 'icon' | 'view'>> = {
  dashboard: {
    icon: IconLayoutDashboard,
    view: lazyView(
      () => import('../views/dashboard/DashboardView'),
      (m) => m.DashboardView,
    ),
  },
  proxies: {
    icon: IconServer,
    view: lazyView(
      () => import('../views/proxies/ProxiesView'),
      (m) => m.ProxiesView,
    ),
  },
  providers: {
    icon: IconBuildingStore,
    view: lazyView(
      () => import('../views/providers/ProvidersView'),
      (m) => m.ProvidersView,
    ),
  },
  accounts: {
    icon: IconUsers,
    view: lazyView(
      () => import('../views/accounts/AccountsView'),
      (m) => m.AccountsView,
    ),
  },
  assignments: {
    icon: IconArrowsExchange,
    view: lazyView(
      () => import('../views/assignments/AssignmentsView'),
      (m) => m.AssignmentsView,
    ),
  },
  history: {
    icon: IconHistory,
    view: lazyView(
      () => import('../views/history/HistoryView'),
      (m) => m.HistoryView,
    ),
  },
  settings: {
    icon: IconSettings,
    view: lazyView(
      () => import('../views/settings/SettingsView'),
      (m) => m.SettingsView,
    ),
  },
}

export const routes: readonly Route[] = appViews.map((view) => ({ ...view, ...screens[view.path] }))

export const defaultRoute = routes[0] as Route

export function findRoute(path: string): Route {
  return routes.find((route) => route.path === path) ?? defaultRoute
}

/**
 * Starts loading the chunk of the view the window opens on, before React draws anything: it then
 * arrives while the shell renders instead of after (main.tsx).
 */
export function preloadRoute(path: string): void {
  findRoute(path).view.preload()
}
