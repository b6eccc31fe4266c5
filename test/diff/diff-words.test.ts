import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { diffWords, tokenize } from '../../src/core/diff/diff-words.js'

const accept = (parts: ReturnType<typeof diffWords>): string => parts.filter((part) => part.type !== 'deleted').map((part) => part.text).join('')
const reject = (parts: ReturnType<typeof diffWords>): string => parts.filter((part) => part.type !== 'inserted').map((part) => part.text).join('')

const words = fc.array(fc.constantFrom('members', 'officers', '3.9', '3.7', 'e.g.', 'don’t', ',', '.', ' ', '  ', '\n', '\t', 'the', '(a)', '“', 'Council'), { maxLength: 30 }).map((parts) => parts.join(''))

describe('diffWords', () => {
  it('keeps a clause number whole: 3.7 → 3.9 is one change', () => {
    expect(tokenize('3.7 Members')).toEqual(['3.7', ' Members'])
    expect(diffWords('3.7 Members', '3.9 Members')).toEqual([
      { type: 'deleted', text: '3.7' },
      { type: 'inserted', text: '3.9' },
      { type: 'same', text: ' Members' }
    ])
  })

  it('merges neighbouring word changes into one phrase, as Appendix B marks them', () => {
    expect(diffWords('including calling or attending meetings, or', 'including requesting meetings with officers, or')).toEqual([
      { type: 'same', text: 'including ' },
      { type: 'deleted', text: 'calling or attending' },
      { type: 'inserted', text: 'requesting' },
      { type: 'same', text: ' meetings' },
      { type: 'inserted', text: ' with officers' },
      { type: 'same', text: ', or' }
    ])
  })

  it('of two alignments with as many changes, keeps the longer word, as a clerk marks it', () => {
    // Cllr Artus's reply: "calling or attending" → "calling, attending or requesting". Keeping "or" would mark
    // calling{+, attending+} or [-attending-]{+requesting+}; keeping "attending" reads as he wrote it.
    expect(diffWords('including calling or attending meetings', 'including calling, attending or requesting meetings')).toEqual([
      { type: 'same', text: 'including calling' },
      { type: 'deleted', text: ' or' },
      { type: 'inserted', text: ',' },
      { type: 'same', text: ' attending' },
      { type: 'inserted', text: ' or requesting' },
      { type: 'same', text: ' meetings' }
    ])
  })

  it('marks a hyphenated compound whole: “Vice-Chairmen” is added, not “Chairmen, Vice-” before “Chairmen”', () => {
    expect(tokenize('Vice-Chairmen and well‐being')).toEqual(['Vice-Chairmen', ' and', ' well‐being'])
    expect(diffWords('between Committee Chairmen and officers', 'between Chairmen, Vice-Chairmen and officers')).toEqual([
      { type: 'same', text: 'between' },
      { type: 'deleted', text: ' Committee' },
      { type: 'same', text: ' Chairmen' },
      { type: 'inserted', text: ', Vice-Chairmen' },
      { type: 'same', text: ' and officers' }
    ])
  })

  it('keeps a change of spacing or punctuation alone', () => {
    expect(diffWords('members  and officers', 'members and officers')).toEqual([
      { type: 'same', text: 'members' },
      { type: 'deleted', text: '  ' },
      { type: 'inserted', text: ' ' },
      { type: 'same', text: 'and officers' }
    ])
    expect(diffWords('confidential or', 'confidential, or')).toEqual([
      { type: 'same', text: 'confidential' },
      { type: 'inserted', text: ',' },
      { type: 'same', text: ' or' }
    ])
  })

  test.prop([words, words])('accepting every change gives the new text, rejecting every change the old', (before, after) => {
    const parts = diffWords(before, after)
    expect(accept(parts)).toBe(after)
    expect(reject(parts)).toBe(before)
  })
})

// The tokens as first written, one pattern over the whole text (keeling's tokenize reads most tokens without it).
const ABBREVIATION = String.raw`(?:\p{L}\.(?:\p{L}\.?)+|(?:eg|ie|etc|viz|cf|vs|incl|approx|cllr|paras?|nos?)\.)(?![\p{L}\p{N}])`
const PATTERN = new RegExp(String.raw`\s*(?:\d+(?:\.\d+)+\.?|${ABBREVIATION}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:[-‐][\p{L}\p{N}]+(?:['’][\p{L}]+)*)*|[^\s\p{L}\p{N}])|\s+$`, 'giu')
const byPattern = (text: string): string[] => text.match(PATTERN) ?? []

// Pieces where the pattern's alternatives meet: numbers, abbreviations, apostrophes, hyphens, Unicode letters, digits
// and spaces, a long s and a Kelvin sign (they match s and k case-blind), a combining mark, letters outside the BMP.
const pieces = fc.constantFrom('e.g.', 'E.G', 'i.e', 'eg.', 'etc.', 'nos.', 'No.', 'paras.', 'ſ', 'K', 'a', 'Z', 'ß', 'é', 'Ä', '\u0345', '𝐀', '𝟙', '😀', '1', '23', '٣', '.', '..', "'", '’', '-', '‐', ',', '(', ')', '§', ' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\ud800', 'Vice', 'don', 't', 'x')
const pieced = fc.array(pieces, { maxLength: 24 }).map((parts) => parts.join(''))

describe('tokenize', () => {
  test.prop([pieced], { numRuns: 3000 })('gives the tokens the pattern gives, and they join to give the text back', (text) => {
    expect(tokenize(text)).toEqual(byPattern(text))
    expect(tokenize(text).join('')).toBe(text)
  })

  it('reads every character as the pattern does, alone and beside a word, a number and an abbreviation', () => {
    const differing: string[] = []
    for (let code = 0; code < 0x110000; code += code < 0x10000 ? 1 : 97) {
      const char = String.fromCodePoint(code)
      for (const text of [char, ` ${char}x`, `a${char}.b`, `e.${char}.`, `${char}.g. `, `no${char}. 1`, `x'${char}`, `3.${char}9`]) {
        if (tokenize(text).join('\u0000') !== byPattern(text).join('\u0000')) differing.push(`U+${code.toString(16)} in ${JSON.stringify(text)}`)
      }
    }
    expect(differing).toEqual([])
  })
})
