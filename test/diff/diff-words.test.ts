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
