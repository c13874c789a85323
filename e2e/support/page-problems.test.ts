import { describe, expect, it } from 'vitest'
import { takeNewProblems, watchProblems } from './page-problems'

// The registry behind the shared "no console errors" hook (no-page-problems.ts), without a page.
describe('page problems', () => {
  it('reports each problem of every watched app once, and forgets a closed app', () => {
    const first: string[] = []
    const second: string[] = []
    const unwatchFirst = watchProblems(first)
    const unwatchSecond = watchProblems(second)
    expect(takeNewProblems()).toEqual([])
    first.push('console error: a')
    second.push('page error: b')
    expect(takeNewProblems()).toEqual(['console error: a', 'page error: b'])
    expect(takeNewProblems()).toEqual([])
    first.push('console error: c')
    unwatchSecond()
    second.push('page error: d')
    expect(takeNewProblems()).toEqual(['console error: c'])
    unwatchFirst()
    first.push('console error: e')
    expect(takeNewProblems()).toEqual([])
  })
})
