import { describe, expect, it } from 'vitest'
import { isWellFormedText } from '../../../../shared/contracts/fields'
import { cutPieces, holdText, LineCounter, PIECE_CHARS, readFileHeld } from './large-input'

/** The textarea's own count, the reference. */
const nonBlankLines = (text: string) => text.split('\n').filter((line) => line.trim()).length

describe('cutPieces', () => {
  it('cuts after a line break, within the limit, and joins back to the text', () => {
    const text = Array.from({ length: 500 }, (_, i) => `10.0.${i >> 8}.${i & 255}:8080`).join('\n')
    const pieces = cutPieces(text, 1_000)
    expect(pieces.join('')).toBe(text)
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.length).toBeLessThanOrEqual(1_000)
      expect(piece.endsWith('\n')).toBe(true)
    }
  })

  it('cuts a line longer than a piece between code points, never inside a surrogate pair', () => {
    const text = '🚀'.repeat(50) + 'x'
    for (const max of [7, 8, 9]) {
      const pieces = cutPieces(text, max)
      expect(pieces.join('')).toBe(text)
      for (const piece of pieces) {
        expect(piece.length).toBeLessThanOrEqual(max)
        expect(isWellFormedText(piece)).toBe(true)
      }
    }
  })

  it('keeps pieces within what main takes by default', () => {
    const pieces = cutPieces('a'.repeat(PIECE_CHARS * 2 + 5))
    expect(pieces.map((piece) => piece.length)).toEqual([PIECE_CHARS, PIECE_CHARS, 5])
  })
})

describe('LineCounter', () => {
  it('counts non-blank lines as the textarea does, wherever the pieces are cut', () => {
    const text = ['a:1', '', '   ', '\tb:2\r', 'c:3', '\u00a0', '\u3000d', '', 'e'].join('\n')
    for (let size = 1; size <= text.length; size++) {
      const counter = new LineCounter()
      for (let at = 0; at < text.length; at += size) counter.add(text.slice(at, at + size))
      expect(counter.count, `pieces of ${size}`).toBe(nonBlankLines(text))
    }
  })

  it('counts a text that ends with a line break, or is only blank, like split', () => {
    for (const text of ['a\nb\n', '\n\n  \n', 'only']) {
      const counter = new LineCounter()
      counter.add(text)
      expect(counter.count).toBe(nonBlankLines(text))
    }
  })
})

describe('held input', () => {
  it('holds pasted text in pieces with its line count', async () => {
    const text = Array.from({ length: 30_000 }, (_, i) => `10.1.${i >> 8}.${i & 255}:80`).join('\n')
    const held = await holdText(text, null)
    expect(held.pieces.join('')).toBe(text)
    expect(held).toMatchObject({ lines: 30_000, chars: text.length, fileName: null })
  })

  it('reads a file slice by slice, multi-byte characters across slices included', async () => {
    const line = 'zoné ✓ 🚀 10.2.0.1:8080\n'
    const text = line.repeat(Math.ceil((PIECE_CHARS * 2.5) / line.length))
    const seen: number[] = []
    const held = await readFileHeld(new File([text], 'big.txt'), (done) => seen.push(done))
    expect(held.pieces.join('')).toBe(text)
    expect(held.pieces.every(isWellFormedText)).toBe(true)
    expect(held).toMatchObject({ lines: nonBlankLines(text), chars: text.length })
    expect(held.fileName).toBe('big.txt')
    expect(seen.at(-1)).toBe(new TextEncoder().encode(text).length)
  })

  it('refuses bytes that are not UTF-8 instead of replacing them', async () => {
    const bytes = new Uint8Array(PIECE_CHARS + 2).fill(0x61)
    bytes.set([0xe4, 0x0a], PIECE_CHARS)
    await expect(readFileHeld(new File([bytes], 'latin1.txt'), () => {})).rejects.toThrow()
  })
})
