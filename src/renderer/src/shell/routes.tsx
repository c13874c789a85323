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
import type { ComponentType } from 'react'
import { appViews, type ViewPath } from '../../../shared/views'
import { AccountsView } from '../views/accounts/AccountsView'
import { AssignmentsView } from '../views/assignments/AssignmentsView'
import { DashboardView } from '../views/dashboard/DashboardView'
import { HistoryView } from '../views/history/HistoryView'
import { ProvidersView } from '../views/providers/ProvidersView'
import { ProxiesView } from '../views/proxies/ProxiesView'
import { SettingsView } from '../views/settings/SettingsView'

export interface Route {
  path: ViewPath
  label: string
  icon: TablerIcon
  view: ComponentType
}

// Keyed by path, so a view added to shared/views.ts without a component here fails to compile.
const screens: Record<ViewPath, Pick<Route, 'icon' | 'view'>> = {
  dashboard: { icon: IconLayoutDashboard, view: DashboardView },
  proxies: { icon: IconServer, view: ProxiesView },
  providers: { icon: IconBuildingStore, view: ProvidersView },
  accounts: { icon: IconUsers, view: AccountsView },
  assignments: { icon: IconArrowsExchange, view: AssignmentsView },
  history: { icon: IconHistory, view: HistoryView },
  settings: { icon: IconSettings, view: SettingsView },
}

export const routes: readonly Route[] = appViews.map((view) => ({ ...view, ...screens[view.path] }))

export const defaultRoute = routes[0] as Route

export function findRoute(path: string): Route {
  return routes.find((route) => route.path === path) ?? defaultRoute
}
