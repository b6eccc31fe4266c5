import { describe, expect, it } from 'vitest'
import { countNewlines } from '../../src/core/text-lines.js'

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
