import { describe, expect, it } from 'vitest'
import { defaultSettings, settingsPatchSchema } from '../../../../shared/settings'
import { targetErrorsFrom, targetsDraftOf, targetsPatch } from './platform-targets-draft'

describe('platform targets draft', () => {
  it('round-trips the stored targets into a patch main accepts', () => {
    const patch = targetsPatch(targetsDraftOf(defaultSettings))
    expect(patch).toEqual({
      platformTargets: defaultSettings.platformTargets,
      customTarget: defaultSettings.customTarget,
    })
    expect(settingsPatchSchema.safeParse(patch).success).toBe(true)
  })

  it("places main's issues on the target and field they name", () => {
    const draft = targetsDraftOf(defaultSettings)
    draft.tiktok.minStatus = 400
    draft.custom.url = 'ftp://x'
    const parsed = settingsPatchSchema.safeParse(targetsPatch(draft))
    expect(parsed.success).toBe(false)
    const issues = parsed.error?.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }))
    const { fields, other } = targetErrorsFrom({ issues })
    expect(fields.tiktok?.maxStatus).toMatch(/cannot be below/)
    expect(fields.custom?.url).toMatch(/https/)
    expect(other).toEqual([])
  })
})
