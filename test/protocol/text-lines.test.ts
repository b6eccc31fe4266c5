import { describe, expect, it } from 'vitest'
import { countLines, countNewlines, placeAt } from '../../src/core/text-lines.js'

describe('countNewlines: the one line counter', () => {
  it('counts each \\n, a \\r\\n once, nothing in an empty text', () => {
    expect(countNewlines('')).toBe(0)
    expect(countNewlines('no break')).toBe(0)
    expect(countNewlines('\n')).toBe(1)
    expect(countNewlines('a\nb\n\nc')).toBe(3)
    expect(countNewlines('a\r\nb\r\n')).toBe(2)
    expect(countNewlines('\r')).toBe(0)
  })
})

describe('countLines', () => {
  it('counts a last line with or without its \\n, and no line in an empty text', () => {
    expect(countLines('')).toBe(0)
    expect(countLines('one')).toBe(1)
    expect(countLines('one\n')).toBe(1)
    expect(countLines('one\ntwo')).toBe(2)
    expect(countLines('one\ntwo\n')).toBe(2)
    expect(countLines('\n\n')).toBe(2)
    expect(countLines('a\r\nb\r\n')).toBe(2)
  })
})

describe('placeAt', () => {
  //           offsets: 0123 4567 89
  const text = 'abc\ndef\n\nxy'
  it('gives the 1-based line and column of an offset in a file', () => {
    expect(placeAt(text, 0)).toEqual({ line: 1, column: 1 })
    expect(placeAt(text, 2)).toEqual({ line: 1, column: 3 })
    expect(placeAt(text, 3)).toEqual({ line: 1, column: 4 })
    expect(placeAt(text, 4)).toEqual({ line: 2, column: 1 })
    expect(placeAt(text, 6)).toEqual({ line: 2, column: 3 })
    expect(placeAt(text, 8)).toEqual({ line: 3, column: 1 })
    expect(placeAt(text, 10)).toEqual({ line: 4, column: 2 })
    expect(placeAt('\nx', 0)).toEqual({ line: 1, column: 1 })
    expect(placeAt('\nx', 1)).toEqual({ line: 2, column: 1 })
  })

  it('counts on from where the text begins: columns only on its first line', () => {
    expect(placeAt(text, 2, { line: 10, column: 5 })).toEqual({ line: 10, column: 7 })
    expect(placeAt(text, 6, { line: 10, column: 5 })).toEqual({ line: 11, column: 3 })
  })
})
