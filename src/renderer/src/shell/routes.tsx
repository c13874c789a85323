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
import { AccountsView } from '../views/accounts/AccountsView'
import { AssignmentsView } from '../views/assignments/AssignmentsView'
import { DashboardView } from '../views/dashboard/DashboardView'
import { HistoryView } from '../views/history/HistoryView'
import { ProvidersView } from '../views/providers/ProvidersView'
import { ProxiesView } from '../views/proxies/ProxiesView'
import { SettingsView } from '../views/settings/SettingsView'

export interface Route {
  path: string
  label: string
  icon: TablerIcon
  view: ComponentType
}

export const routes: readonly Route[] = [
  { path: 'dashboard', label: 'Dashboard', icon: IconLayoutDashboard, view: DashboardView },
  { path: 'proxies', label: 'Proxies', icon: IconServer, view: ProxiesView },
  { path: 'providers', label: 'Providers', icon: IconBuildingStore, view: ProvidersView },
  { path: 'accounts', label: 'Accounts', icon: IconUsers, view: AccountsView },
  { path: 'assignments', label: 'Assignments', icon: IconArrowsExchange, view: AssignmentsView },
  { path: 'history', label: 'History', icon: IconHistory, view: HistoryView },
  { path: 'settings', label: 'Settings', icon: IconSettings, view: SettingsView },
]

export const defaultRoute = routes[0] as Route

export function findRoute(path: string): Route {
  return routes.find((route) => route.path === path) ?? defaultRoute
}
