import { describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { fieldErrors, ruleOf, unplacedIssues, validationIssues } from './form-errors'

const validation = new AppError('VALIDATION', 'Invalid input', {
  issues: [
    { path: 'host', message: 'Enter a host', code: 'custom' },
    { path: 'tags.2', message: 'A tag cannot be empty', code: 'too_small' },
    { path: 'host', message: 'second message', code: 'custom' },
    { path: '', message: 'Name at least one field to change', code: 'custom' },
  ],
})

describe('form errors from main', () => {
  it('places the first message per top-level field', () => {
    expect(fieldErrors(validation)).toEqual({ host: 'Enter a host', tags: 'A tag cannot be empty' })
  })

  it('lists the issues no field can show', () => {
    expect(unplacedIssues(validation, ['host', 'tags']).map((i) => i.message)).toEqual([
      'Name at least one field to change',
    ])
  })

  it('ignores other codes and malformed details', () => {
    expect(validationIssues(new AppError('CONFLICT', 'taken'))).toEqual([])
    expect(validationIssues(new AppError('VALIDATION', 'x', { issues: 'nope' }))).toEqual([])
    expect(fieldErrors(undefined)).toEqual({})
  })

  it('reads the rule of a RULE_VIOLATION', () => {
    const refused = new AppError('RULE_VIOLATION', 'has proxies', { rule: 'provider_has_proxies' })
    expect(ruleOf(refused)).toBe('provider_has_proxies')
    expect(ruleOf(validation)).toBeNull()
  })
})
