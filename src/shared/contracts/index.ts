import type { z } from 'zod'
import type { Channel } from '../channels'
import type { Contract, InputOfContract, OutputOfContract, ParsedInputOfContract } from '../contract'
import { appContracts } from './app'
import { settingsContracts } from './settings'

export const contracts = {
  ...appContracts,
  ...settingsContracts,
} satisfies Record<Channel, Contract<z.ZodType, unknown>>

// Both directions: every listed channel has a contract (above) and every contract is listed (here).
type Unlisted = Exclude<keyof typeof contracts, Channel>
const everyContractIsListed: Unlisted extends never ? true : Unlisted = true
void everyContractIsListed

export type Contracts = typeof contracts
export type InputOf<K extends Channel> = InputOfContract<Contracts[K]>
export type ParsedInputOf<K extends Channel> = ParsedInputOfContract<Contracts[K]>
export type OutputOf<K extends Channel> = OutputOfContract<Contracts[K]>
