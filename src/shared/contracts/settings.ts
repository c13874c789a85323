import { defineContract } from '../contract'
import { settingsPatchSchema, type Settings } from '../settings'
import { noInput } from './common'

export const settingsContracts = {
  'settings:get': defineContract<Settings>()('settings:get', noInput),
  'settings:set': defineContract<Settings>()(
    'settings:set',
    settingsPatchSchema.refine((patch) => Object.keys(patch).length > 0, {
      message: 'Name at least one setting to change',
    }),
  ),
}
