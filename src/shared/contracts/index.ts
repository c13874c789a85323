import type { z } from 'zod'
import type { Channel } from '../channels'
import type {
  Contract,
  InputOfContract,
  OutputOfContract,
  ParsedInputOfContract,
} from '../contract'
import { accountContracts } from './accounts'
import { analyticsContracts } from './analytics'
import { appContracts } from './app'
import { assignmentContracts } from './assignments'
import { checkContracts } from './checks'
import { exportContracts } from './export'
import { geoContracts } from './geo'
import { historyContracts } from './history'
import { importContracts } from './import'
import { modelContracts } from './models'
import { providerContracts } from './providers'
import { proxyContracts } from './proxies'
import { settingsContracts } from './settings'
import { storageContracts } from './storage'
import { vaultContracts } from './vault'

export const contracts = {
  ...appContracts,
  ...settingsContracts,
  ...providerContracts,
  ...proxyContracts,
  ...modelContracts,
  ...accountContracts,
  ...assignmentContracts,
  ...historyContracts,
  ...analyticsContracts,
  ...importContracts,
  ...exportContracts,
  ...checkContracts,
  ...geoContracts,
  ...storageContracts,
  ...vaultContracts,
} satisfies Record<Channel, Contract<z.ZodType, unknown>>

// Both directions: every listed channel has a contract (above) and every contract is listed (here).
type Unlisted = Exclude<keyof typeof contracts, Channel>
const everyContractIsListed: Unlisted extends never ? true : Unlisted = true
void everyContractIsListed

export type Contracts = typeof contracts
export type InputOf<K extends Channel> = InputOfContract<Contracts[K]>
export type ParsedInputOf<K extends Channel> = ParsedInputOfContract<Contracts[K]>
export type OutputOf<K extends Channel> = OutputOfContract<Contracts[K]>
