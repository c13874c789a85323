/**
 * The one output format every benchmark ends with, so figures compare run to run:
 * `BENCH <name> value=<n> baseline=<n> ratio=<n> goal=<<=|>=><n>`.
 */
export function reportFigure(figure: {
  name: string
  value: number
  baseline: number
  goal: { op: '<=' | '>='; ratio: number }
}): string {
  const ratio = figure.baseline === 0 ? Infinity : figure.value / figure.baseline
  const line =
    `BENCH ${figure.name} value=${round(figure.value)} baseline=${round(figure.baseline)} ` +
    `ratio=${round(ratio)} goal=${figure.goal.op}${figure.goal.ratio}`
  console.log(line)
  return line
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000
}

/** Milliseconds taken by fn, with its result. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const started = process.hrtime.bigint()
  const result = await fn()
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result }
}
