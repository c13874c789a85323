import { describe, expect, it } from 'vitest'
import { defaultSettings, settingsPatchSchema } from '../../../../shared/settings'
import { fieldErrorsFrom, formValuesOf, toPatch } from './settings-draft'

describe('toPatch', () => {
  it('keeps only the fields that differ from the stored settings', () => {
    const patch = toPatch(
      { checkConcurrency: 64, failureThreshold: 5, judges: defaultSettings.judges.join('\n') },
      defaultSettings,
    )
    expect(patch).toEqual({ failureThreshold: 5 })
  })

  it('turns the judges text into a list, one URL a line, blank lines dropped', () => {
    const patch = toPatch(
      { judges: '  https://a.example/ip \n\nhttps://b.example\n' },
      defaultSettings,
    )
    expect(patch).toEqual({ judges: ['https://a.example/ip', 'https://b.example'] })
  })

  it('turns an empty anonymity judge into none, and trims a typed one', () => {
    expect(toPatch({ anonymityJudge: '  ' }, defaultSettings)).toEqual({ anonymityJudge: null })
    expect(toPatch({ anonymityJudge: ' http://judge.test/get ' }, defaultSettings)).toEqual({
      anonymityJudge: 'http://judge.test/get',
    })
    const off = { ...defaultSettings, anonymityJudge: null }
    expect(formValuesOf(off).anonymityJudge).toBe('')
    expect(toPatch(formValuesOf(off), off)).toEqual({})
  })

  it('passes typed values through unchecked, for main to validate', () => {
    expect(toPatch({ checkConcurrency: 0, checkTimeoutMs: '' }, defaultSettings)).toEqual({
      checkConcurrency: 0,
      checkTimeoutMs: '',
    })
  })

  it('round-trips the stored settings into form values without a change', () => {
    expect(toPatch(formValuesOf(defaultSettings), defaultSettings)).toEqual({})
  })
})

describe('fieldErrorsFrom', () => {
  const parsed = settingsPatchSchema.safeParse({
    checkConcurrency: 0,
    judges: ['https://ok.example', 'not a url'],
    extra: true,
  })
  if (parsed.success) throw new Error('the patch above must be invalid')
  const zodIssues = parsed.error.issues

  it('maps zod issues (array paths) onto the form fields, judges by line', () => {
    const { fields, other } = fieldErrorsFrom({ issues: zodIssues })
    expect(fields.checkConcurrency).toMatch(/1/)
    expect(fields.judges).toMatch(/^Line 2: /)
    expect(other).toHaveLength(1)
  })

  it('reads the dotted paths main sends (`judges.1`) the same way', () => {
    const issues = zodIssues.map((issue) => ({ ...issue, path: issue.path.join('.') }))
    expect(fieldErrorsFrom({ issues })).toEqual(fieldErrorsFrom({ issues: zodIssues }))
  })

  it('ignores details it does not understand', () => {
    expect(fieldErrorsFrom(undefined)).toEqual({ fields: {}, other: [] })
    expect(fieldErrorsFrom({ issues: 'nope' })).toEqual({ fields: {}, other: [] })
    expect(fieldErrorsFrom([{ path: 'failureThreshold' }])).toEqual({ fields: {}, other: [] })
  })
})
