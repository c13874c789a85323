/**
 * The console errors and page errors of every app an e2e test opened, so one shared hook
 * (`no-page-problems.ts`, a vitest setup file) can fail the test during which one appeared,
 * without each test file asserting it. Kept free of imports: the setup file loads it for unit
 * tests too, where it stays empty.
 */
interface Watched {
  problems: readonly string[]
  /** How many of `problems` a hook has already reported. */
  reported: number
}

const watched = new Set<Watched>()

export function watchProblems(problems: readonly string[]): () => void {
  const entry: Watched = { problems, reported: 0 }
  watched.add(entry)
  return () => {
    watched.delete(entry)
  }
}

/** Problems that appeared since the last call, across every open app; each is reported once. */
export function takeNewProblems(): string[] {
  const fresh: string[] = []
  for (const entry of watched) {
    fresh.push(...entry.problems.slice(entry.reported))
    entry.reported = entry.problems.length
  }
  return fresh
}

export function problemsError(problems: readonly string[], when: string): Error {
  return new Error(
    `The page logged ${problems.length} console/page error(s) ${when}:\n${problems.join('\n')}`,
  )
}
