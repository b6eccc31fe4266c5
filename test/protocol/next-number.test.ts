import { describe, expect, it } from 'vitest'
import { firstNumber, nextNumber, rebaseNumber } from '../../src/core/protocol/next-number.js'

describe('numbers as councils write them', () => {
  it('counts on at the last level, in the style of the number it replaces', () => {
    expect(nextNumber('3.6', '3.7')).toBe('3.7')
    expect(nextNumber('3.8', '3.7')).toBe('3.9')
    expect(nextNumber('21.2.1', '21.2.5')).toBe('21.2.2')
    expect(nextNumber('9.', '9.')).toBe('10.')
    expect(nextNumber('(iii)', '(iii)')).toBe('(iv)')
    expect(nextNumber('IV.', 'IV.')).toBe('V.')
    expect(nextNumber('b)', 'b)')).toBe('c)')
    expect(nextNumber('a.', 'c.')).toBe('b.')
  })

  it('leaves a number of another scheme or depth alone rather than guess', () => {
    expect(nextNumber('3.6', 'a.')).toBe('a.')
    expect(nextNumber('3.6', '3.6.1')).toBe('3.6.1')
  })

  it('knows the first number of a run, and carries a section number into the numbers under it', () => {
    expect(firstNumber('3.7')).toBe('3.1')
    expect(firstNumber('(iv)')).toBe('(i)')
    expect(firstNumber('c.')).toBe('a.')
    expect(rebaseNumber('3.1.2', '3.', '4.')).toBe('4.1.2')
    expect(rebaseNumber('21.2.1', '21.2', '21.3')).toBe('21.3.1')
    expect(rebaseNumber('31.1', '3.', '4.')).toBe('31.1')
  })
})
