/** Time as services see it; tests pass a fixed or stepping clock instead of waiting. */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }
