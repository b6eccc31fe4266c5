// Finding quoted words: the hand-written cases a motion's words must meet, and a property that holds findWords to
// the rule written as one regular expression with lookarounds (the way it was first written), over generated texts.
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { findWords } from '../../src/core/motion/find-words.js'

const found = (text: string, words: string, anyCase = false): string[] => findWords(text, words, 0, true, anyCase).map(({ start, end }) => text.slice(start, end))

describe('findWords', () => {
  it('finds words as words, not inside longer words or hyphenated compounds', () => {
    expect(found('Members and the Member', 'Member')).toEqual(['Member'])
    expect(found('the Vice-Chairman and the Chairman', 'Chairman')).toEqual(['Chairman'])
    expect(found('the Chairman-elect', 'Chairman')).toEqual([])
    expect(found('a Chairman - who', 'Chairman')).toEqual(['Chairman'])
    expect(found('may say a word', 'a')).toEqual(['a'])
    expect(found('clause 3.10 and 3.1', '3.1')).toEqual(['3.1'])
  })

  it('takes any run of spaces or tabs for a space, and straight and curly quotes and dashes for each other', () => {
    expect(found('calling  or\tattending', 'calling or attending')).toEqual(['calling  or\tattending'])
    expect(found('calling\nor attending', 'calling or attending')).toEqual([])
    expect(found('the Council’s members', "Council's")).toEqual(['Council’s'])
    expect(found('from 1–3 May', '1-3')).toEqual(['1–3'])
  })

  it('checks no boundary beside a quote that begins or ends with punctuation', () => {
    expect(found('(a) and x(a)', '(a)')).toEqual(['(a)', '(a)'])
    expect(found('end.Next', 'end.')).toEqual(['end.'])
  })

  it('finds blank words nowhere (and stops)', () => {
    expect(findWords('a b', ' ')).toEqual([])
    expect(findWords('', '')).toEqual([])
  })

  it('finds overlapping places, from an offset, and in any case when asked', () => {
    expect(findWords('aa aa aa', 'aa aa')).toEqual([{ start: 0, end: 5 }, { start: 3, end: 8 }])
    expect(findWords('the Member and the Member', 'Member', 5)).toEqual([{ start: 19, end: 25 }])
    expect(found('the CHAIRMAN said', 'Chairman')).toEqual([])
    expect(found('the CHAIRMAN said', 'Chairman', true)).toEqual(['CHAIRMAN'])
  })

  it('reads letters outside the Basic Multilingual Plane as letters', () => {
    expect(found('𝐀Member Member', 'Member')).toEqual(['Member'])
    expect(found('Member𝐀 x', 'Member')).toEqual([])
    expect(found('😀Member', 'Member')).toEqual(['Member'])
  })

  it('finds a quote that begins outside the Basic Multilingual Plane, each place once', () => {
    expect(found('😀 and 😀😀', '😀')).toEqual(['😀', '😀', '😀'])
    expect(found('𝐀 b 𝐀b', '𝐀')).toEqual(['𝐀'])
  })
})

/** The rule as one regular expression: lookbehinds and lookaheads for the boundaries. */
function specified(text: string, words: string, anyCase: boolean): Array<{ start: number; end: number }> {
  const trimmed = words.trim()
  const letter = /^[\p{L}\p{N}]/u
  const first = String.fromCodePoint(trimmed.codePointAt(0) ?? 32)
  const last = [...trimmed].at(-1) ?? ' '
  const before = letter.test(first) ? '(?<![\\p{L}\\p{N}])(?<![\\p{L}\\p{N}][-‐])' : ''
  const after = letter.test(last) ? '(?![\\p{L}\\p{N}])(?![-‐][\\p{L}\\p{N}])' : ''
  const body = trimmed
    .split(/[ \t]+/)
    .map((part) =>
      [...part]
        .map((char) => ("'‘’".includes(char) ? "['‘’]" : '"“”'.includes(char) ? '["“”]' : '-–—'.includes(char) ? '[-–—]' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('')
    )
    .join('[ \\t]+')
  const pattern = new RegExp(before + body + after, anyCase ? 'giu' : 'gu')
  const matches: Array<{ start: number; end: number }> = []
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    matches.push({ start: match.index, end: match.index + match[0].length })
    pattern.lastIndex = match.index + ((match[0].codePointAt(0) ?? 0) > 0xffff ? 2 : 1)
  }
  return matches
}

const piece = fc.constantFrom('a', 'A', 'Member', 'member', 'Chair', '3', '3.1', '-', '‐', '–', ' ', '  ', '\t', '\n', "'", '’', '"', '“', '(', ')', '.', 'é', 'Ω', '𝐀', '😀', 'x', 'aa')
const text = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''))

describe('findWords against the rule written with lookarounds', () => {
  test.prop([text, fc.array(piece, { minLength: 1, maxLength: 5 }).map((pieces) => pieces.join('')), fc.boolean()], { numRuns: 600 })(
    'the same places for any words in any text',
    (haystack, words, anyCase) => {
      fc.pre(words.trim() !== '')
      expect(findWords(haystack, words, 0, true, anyCase)).toEqual(specified(haystack, words, anyCase))
    }
  )

  test.prop([text, fc.array(piece, { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join(''))], { numRuns: 1000 })('a quote taken from the text is found where it was taken', (haystack, words) => {
    const at = haystack.indexOf(words.trim())
    fc.pre(words.trim() !== '' && at >= 0 && !/[ \t]/.test(words.trim()))
    const places = findWords(haystack, words, 0, false).map(({ start }) => start)
    expect(places).toContain(at)
  })
})
