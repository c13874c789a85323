import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    environment: 'node',
    // Fails any test during which a page opened by e2e/support/open-app.ts logged an error.
    setupFiles: ['e2e/support/no-page-problems.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll's own default (1 s) is shorter than a view's refresh under load (it waits for
    // ten times its last answer's cost); the same 20 s budget as the e2e waits (open-app.ts).
    expect: { poll: { timeout: 20_000 } },
    // Tests share one keychain daemon and spawn real servers; keep files from starving two cores.
    maxWorkers: 2,
  },
})
