/**
 * The main window's size and position between runs: a small JSON file in the data directory,
 * validated on read (a hand-edited or truncated file means "no saved state", never a crash) and
 * placed back onto a display that still exists. No `electron` import: the placement is pure and
 * tested under Node; window.ts feeds it the displays' work areas.
 */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

export const WINDOW_STATE_FILE = 'window-state.json'
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const
/** Far more than any window state; a bigger file is not ours. */
const MAX_FILE_BYTES = 4_096

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Rect
  maximized: boolean
}

const coordinate = z.number().int().min(-100_000).max(100_000)
const length = z.number().int().min(1).max(100_000)
const windowStateSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }),
  maximized: z.boolean(),
})

/** The state in `text`, or null when it is not a valid state file. */
export function parseWindowState(text: string): WindowState | null {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = windowStateSchema.safeParse(json)
  return parsed.success ? parsed.data : null
}

export function readWindowState(dataDir: string): WindowState | null {
  const file = join(dataDir, WINDOW_STATE_FILE)
  try {
    if (statSync(file).size > MAX_FILE_BYTES) return null
    return parseWindowState(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/** Written to a temp file then renamed, so a crash mid-write leaves the old state; owner-only. */
export function writeWindowState(dataDir: string, state: WindowState): void {
  const file = join(dataDir, WINDOW_STATE_FILE)
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, `${JSON.stringify(state)}\n`, { mode: 0o600 })
  renameSync(temp, file)
}

/**
 * Where the window opens: the saved bounds on the display they overlap most, shrunk to fit its
 * work area and moved fully inside it. Saved bounds on no current display (a monitor unplugged
 * since) or no saved state at all: the default size, centred on the primary display.
 */
export function placeWindow(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  primary: Rect,
): WindowState {
  const target = saved ? mostOverlapping(saved.bounds, workAreas) : null
  if (!saved || !target) {
    return { bounds: centred(DEFAULT_WINDOW_SIZE, primary), maximized: saved?.maximized ?? false }
  }
  const width = fit(saved.bounds.width, MIN_WINDOW_SIZE.width, target.width)
  const height = fit(saved.bounds.height, MIN_WINDOW_SIZE.height, target.height)
  return {
    bounds: {
      width,
      height,
      x: clamp(saved.bounds.x, target.x, target.x + target.width - width),
      y: clamp(saved.bounds.y, target.y, target.y + target.height - height),
    },
    maximized: saved.maximized,
  }
}

function mostOverlapping(bounds: Rect, areas: readonly Rect[]): Rect | null {
  let best: Rect | null = null
  let bestArea = 0
  for (const area of areas) {
    const overlap = overlapArea(bounds, area)
    if (overlap > bestArea) {
      best = area
      bestArea = overlap
    }
  }
  return best
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width > 0 && height > 0 ? width * height : 0
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const width = fit(size.width, MIN_WINDOW_SIZE.width, area.width)
  const height = fit(size.height, MIN_WINDOW_SIZE.height, area.height)
  return {
    width,
    height,
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
  }
}

/** At least `min` unless the screen itself is smaller; never larger than the screen. */
function fit(value: number, min: number, available: number): number {
  return Math.min(Math.max(value, min), available)
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high)
}
