import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_WINDOW_SIZE,
  WINDOW_STATE_FILE,
  parseWindowState,
  placeWindow,
  readWindowState,
  writeWindowState,
  type Rect,
  type WindowState,
} from './window-state'

const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 }
const right: Rect = { x: 1920, y: 0, width: 2560, height: 1400 }

function state(bounds: Rect, maximized = false): WindowState {
  return { bounds, maximized }
}

describe('placeWindow', () => {
  it('keeps saved bounds that fit on a display', () => {
    const saved = state({ x: 2000, y: 100, width: 1400, height: 900 }, true)
    expect(placeWindow(saved, [primary, right], primary)).toEqual(saved)
  })

  it('centres the default size on the primary display without saved state', () => {
    const placed = placeWindow(null, [primary, right], primary)
    expect(placed).toEqual({
      bounds: { ...DEFAULT_WINDOW_SIZE, x: 320, y: 110 },
      maximized: false,
    })
  })

  it('falls back to the primary display when the saved display is gone', () => {
    const onUnplugged = state({ x: 2000, y: 100, width: 1400, height: 900 })
    expect(placeWindow(onUnplugged, [primary], primary).bounds).toEqual({
      ...DEFAULT_WINDOW_SIZE,
      x: 320,
      y: 110,
    })
  })

  it('moves a window hanging off the edge fully onto the display it mostly covers', () => {
    const hanging = state({ x: 1000, y: -200, width: 1000, height: 700 })
    expect(placeWindow(hanging, [primary, right], primary).bounds).toEqual({
      x: 920,
      y: 0,
      width: 1000,
      height: 700,
    })
  })

  it('shrinks a window larger than its display, and never below the minimum unless the screen is', () => {
    const huge = state({ x: 0, y: 0, width: 5000, height: 3000 })
    expect(placeWindow(huge, [primary], primary).bounds).toEqual(primary)
    const tiny = state({ x: 10, y: 10, width: 100, height: 100 })
    expect(placeWindow(tiny, [primary], primary).bounds).toEqual({
      x: 10,
      y: 10,
      width: 960,
      height: 600,
    })
    const smallScreen: Rect = { x: 0, y: 0, width: 800, height: 560 }
    expect(placeWindow(null, [smallScreen], smallScreen).bounds).toEqual(smallScreen)
  })
})

describe('parseWindowState', () => {
  it('accepts a valid state and refuses anything else', () => {
    const valid = state({ x: -10, y: 20, width: 1000, height: 700 })
    expect(parseWindowState(JSON.stringify(valid))).toEqual(valid)
    for (const text of [
      '',
      '{',
      'null',
      '[]',
      JSON.stringify({ bounds: { x: 0, y: 0, width: 0, height: 700 }, maximized: false }),
      JSON.stringify({ bounds: { x: 0.5, y: 0, width: 900, height: 700 }, maximized: false }),
      JSON.stringify({ bounds: { x: 1e9, y: 0, width: 900, height: 700 }, maximized: false }),
      JSON.stringify({ bounds: { x: '0', y: 0, width: 900, height: 700 }, maximized: false }),
      JSON.stringify({ bounds: { x: 0, y: 0, width: 900, height: 700 }, maximized: 'yes' }),
    ]) {
      expect(parseWindowState(text), text).toBeNull()
    }
  })
})

describe('the state file', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'proxydeck-window-state-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('round-trips, readable by the owner only', () => {
    const saved = state({ x: 5, y: 6, width: 1100, height: 750 }, true)
    writeWindowState(dir, saved)
    expect(readWindowState(dir)).toEqual(saved)
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, WINDOW_STATE_FILE)).mode & 0o777).toBe(0o600)
    }
  })

  it('reads a missing, corrupt or oversized file as no state', () => {
    expect(readWindowState(dir)).toBeNull()
    writeFileSync(join(dir, WINDOW_STATE_FILE), '{"bounds":')
    expect(readWindowState(dir)).toBeNull()
    const valid = JSON.stringify(state({ x: 0, y: 0, width: 1000, height: 700 }))
    writeFileSync(join(dir, WINDOW_STATE_FILE), valid + ' '.repeat(5_000))
    expect(readWindowState(dir)).toBeNull()
  })

  it('replaces the file whole, leaving no temp file behind', () => {
    writeWindowState(dir, state({ x: 0, y: 0, width: 1000, height: 700 }))
    writeWindowState(dir, state({ x: 1, y: 1, width: 1001, height: 701 }))
    const text = readFileSync(join(dir, WINDOW_STATE_FILE), 'utf8')
    expect(JSON.parse(text)).toEqual(state({ x: 1, y: 1, width: 1001, height: 701 }))
  })
})
