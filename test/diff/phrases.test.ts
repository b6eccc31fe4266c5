// The phrases a report or a marshalled list quotes for a change: the words changed, with kept words that make them
// readable, and the kept words beyond those — never the same kept words twice.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nameOf, phrases } from '../../src/core/diff/describe-changes.js'
import { diffWords, type WordPart } from '../../src/core/diff/diff-words.js'

const same = (text: string): WordPart => ({ type: 'same', text })
const deleted = (text: string): WordPart => ({ type: 'deleted', text })
const inserted = (text: string): WordPart => ({ type: 'inserted', text })

/** Whether `quote` stands in `text` as words: after a space or the start, before a space, a stop or the end. */
function standsIn(text: string, quote: string): boolean {
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if ((at === 0 || text[at - 1] === ' ') && /^(?:$|[ .,;:!?])/.test(text.slice(at + quote.length))) return true
  }
  return false
}

describe('nameOf', () => {
  it('names a clause by its number without the number\'s own stop, so a sentence has one', () => {
    const unit = (number: string, kind: 'heading' | 'paragraph' = 'paragraph') => ({ id: 'x', kind, number, head: '', gap: ' ', body: 'Words.', trailing: '\n', line: 1 })
    expect(nameOf(unit('u.'))).toBe('paragraph u')
    expect(nameOf(unit('3.9'))).toBe('paragraph 3.9')
    expect(nameOf(unit('9.', 'heading'))).toBe('heading 9')
    expect(nameOf(unit('(iv)'))).toBe('paragraph (iv)')
    expect(nameOf(unit(''))).toBe('the paragraph beginning “Words.”')
  })
})

describe('phrases', () => {
  it('a change inside a word is quoted as the word: "19:00" to "19:30", not "00" to "30"', () => {
    const [phrase] = phrases([same('Meetings begin at 19:'), deleted('00'), inserted('30'), same(' and end by 21:30.')])
    expect(phrase).toEqual({ before: '19:00 and end', after: '19:30 and end', preceding: 'Meetings begin at', following: 'by 21:30' })
  })

  it('a word replaced takes the two words after it, and the words around are those beyond them', () => {
    const [phrase] = phrases([same('with the consent of the '), deleted('chairman'), inserted('chair'), same(' of the meeting.')])
    expect(phrase).toEqual({ before: 'chairman of the', after: 'chair of the', preceding: 'consent of the', following: 'meeting' })
    // As a marshalled list quotes it: preceding, the words, following.
    expect(`${phrase?.preceding} ${phrase?.after} ${phrase?.following}`).toBe('consent of the chair of the meeting')
  })

  it('quoted with the kept words around it, a change reads as words that stand in the old and the new text', () => {
    // Two texts of the words clauses have (times, clause numbers, a lettered item), one edited from the other,
    // compared as keeling compares them (diffWords); each phrase, with its kept words, is looked for in the texts.
    const word = fc.constantFrom('the', 'of', 'chairman', 'chair', 'meeting', 'consent', '19:00', '19:30', '21:30', '3.9', 'and', 'a', 'b.', 'e.g.', 'Vice-Chairman', 'end,')
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 14 }), fc.array(fc.tuple(fc.nat(20), fc.option(word)), { maxLength: 4 }), (words, edits) => {
        const edited = [...words]
        for (const [at, put] of edits) edited.splice(at % (edited.length + 1), put === null ? 1 : 0, ...(put === null ? [] : [put]))
        const oldText = words.join(' ')
        const newText = edited.join(' ')
        const tidy = (text: string): string => text.replace(/\s+/g, ' ').trim()
        for (const phrase of phrases(diffWords(oldText, newText))) {
          if (!phrase.before.trim() || !phrase.after.trim()) continue
          expect(standsIn(oldText, tidy(`${phrase.preceding} ${phrase.before} ${phrase.following}`)), oldText).toBe(true)
          expect(standsIn(newText, tidy(`${phrase.preceding} ${phrase.after} ${phrase.following}`)), newText).toBe(true)
        }
      }),
      { numRuns: 2000, seed: 20261201 }
    )
  })
})
