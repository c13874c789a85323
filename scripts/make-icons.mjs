#!/usr/bin/env node
/**
 * Draws ProxyDeck's icons into resources/ with nothing but node:zlib: the app icon (a shield holding
 * a deck of three cards, 512 px) and the tray icons for the monitor's ok / warning / error states
 * (a shield in green, amber or red, 16 px plus @2x at 32 px, which Electron picks on HiDPI screens).
 * The PNGs are committed; run `node scripts/make-icons.mjs` again after changing a shape or colour.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const outDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'resources')

// ---- PNG encoding (RGBA, 8 bits per channel, no interlace) -------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes) {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

export function encodePng(size, rgba) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // colour type: RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0 // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

// ---- Shapes, in unit coordinates (0..1 across the icon) ----------------------------------------

/** A shield: straight sides down to `shoulder`, then curving in to a point at the bottom. */
function inShield(x, y, { top, bottom, halfWidth, shoulder = 0.5 }) {
  if (y < top || y > bottom) return false
  const t = (y - shoulder) / (bottom - shoulder)
  const width = y <= shoulder ? halfWidth : halfWidth * (1 - t ** 1.6)
  return Math.abs(x - 0.5) <= width
}

function inRoundedRect(x, y, { left, top, right, bottom, radius }) {
  if (x < left || x > right || y < top || y > bottom) return false
  const cx = Math.min(Math.max(x, left + radius), right - radius)
  const cy = Math.min(Math.max(y, top + radius), bottom - radius)
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
}

/** Paints layers (later ones on top), 4×4 supersampled for smooth edges. */
function render(size, layers) {
  const pixels = Buffer.alloc(size * size * 4)
  const samples = 4
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0]
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size
          const y = (py + (sy + 0.5) / samples) / size
          const layer = layers.findLast((candidate) => candidate.inside(x, y))
          if (!layer) continue
          r += layer.color[0]
          g += layer.color[1]
          b += layer.color[2]
          a += 255
        }
      }
      // Straight (not premultiplied) colour: averaged over the covered samples only.
      const covered = a / 255
      const i = (py * size + px) * 4
      pixels[i] = covered ? Math.round(r / covered) : 0
      pixels[i + 1] = covered ? Math.round(g / covered) : 0
      pixels[i + 2] = covered ? Math.round(b / covered) : 0
      pixels[i + 3] = Math.round(a / (samples * samples))
    }
  }
  return pixels
}

const hex = (value) => [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16))

function appIcon(size) {
  const shield = { top: 0.16, bottom: 0.88, halfWidth: 0.3, shoulder: 0.5 }
  const card = (top) => ({
    inside: (x, y) =>
      inRoundedRect(x, y, { left: 0.35, right: 0.65, top, bottom: top + 0.07, radius: 0.02 }),
    color: hex('#ffffff'),
  })
  return render(size, [
    {
      inside: (x, y) =>
        inRoundedRect(x, y, { left: 0.04, top: 0.04, right: 0.96, bottom: 0.96, radius: 0.2 }),
      color: hex('#1e293b'),
    },
    { inside: (x, y) => inShield(x, y, shield), color: hex('#14b8a6') },
    card(0.33),
    card(0.45),
    card(0.57),
  ])
}

function trayIcon(size, fill, edge) {
  const outer = { top: 0.04, bottom: 0.97, halfWidth: 0.42, shoulder: 0.5 }
  const inner = { top: 0.12, bottom: 0.86, halfWidth: 0.34, shoulder: 0.5 }
  return render(size, [
    { inside: (x, y) => inShield(x, y, outer), color: hex(edge) },
    { inside: (x, y) => inShield(x, y, inner), color: hex(fill) },
  ])
}

const TRAY_STATES = {
  ok: ['#22c55e', '#14532d'],
  warning: ['#f59e0b', '#78350f'],
  error: ['#ef4444', '#7f1d1d'],
}

function write(name, size, pixels) {
  const file = join(outDir, name)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, encodePng(size, pixels))
  console.log(`${name} (${size}×${size})`)
}

write('icon.png', 512, appIcon(512))
for (const [state, [fill, edge]] of Object.entries(TRAY_STATES)) {
  write(`tray-${state}.png`, 16, trayIcon(16, fill, edge))
  write(`tray-${state}@2x.png`, 32, trayIcon(32, fill, edge))
}
