import { afterEach } from 'vitest'
import { problemsError, takeNewProblems } from './page-problems'

// Vitest setup file (vitest.config.mts): every test fails if a page it drove logged a console
// error, an uncaught page error or a CSP violation meanwhile, whatever the test file asserts.
afterEach(() => {
  const fresh = takeNewProblems()
  if (fresh.length > 0) throw problemsError(fresh, 'during this test')
})
