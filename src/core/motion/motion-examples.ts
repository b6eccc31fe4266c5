import { nextNumber } from '../protocol/next-number.js'
import type { Clause, Protocol } from '../protocol/types.js'

/** What the examples of a new motion file cite: numbers, headings and words of the protocol it is for. */
export interface MotionExamples {
  /** A numbered paragraph with words enough to quote, and the next paragraph under the same heading. */
  paragraph: string
  next: string
  /** The last numbered paragraph under that heading, and the number a paragraph after it would take. */
  last: string
  added: string
  /** Words of `paragraph` that occur there once: a phrase, a word, and words half way through it. */
  phrase: string
  word: string
  from: string
  /** A word after `from`, for "leave out from … to …". */
  to: string
  /** The heading the paragraph is under ("3"), or another numbered heading ('' when there is none), and a word of its title. */
  section: string
  headingWord: string
  /** The opening words of an unnumbered paragraph ('' when the protocol has none), and its last word of five letters or more. */
  opening: string
  openingWord: string
}

/** The examples Uttlesford's protocol gives, for a protocol too small to give its own. */
const FALLBACK: MotionExamples = {
  paragraph: '7.2',
  next: '7.3',
  last: '3.7',
  added: '3.8',
  phrase: 'calling or attending',
  word: 'confidential',
  from: 'Particularly',
  to: 'working hours',
  section: '3',
  headingWord: 'Role',
  opening: 'Nothing in this protocol',
  openingWord: 'hinder'
}

/**
 * Examples for `motion new` from the protocol itself, so that each reads as
 * a motion on it would: its own paragraph numbers, a section it has, words
 * that occur once in the paragraph named. A protocol without a numbered
 * paragraph of a few words gets the house examples.
 */
export function motionExamples(protocol: Protocol): MotionExamples {
  const numbered = protocol.all.filter((clause) => clause.kind === 'paragraph' && clause.number !== '' && !/[[<]/.test(textOf(clause)))
  const chosen = numbered.find((clause) => words(clause).length >= 8)
  if (!chosen) return FALLBACK
  const siblings = numbered.filter((clause) => clause.parent === chosen.parent)
  const next = siblings[siblings.indexOf(chosen) + 1] ?? chosen
  const last = siblings.at(-1) ?? chosen
  const all = words(chosen)
  const unique = (start: number, count: number): string | undefined => {
    const phrase = all.slice(start, start + count).join(' ').replace(/[,.;:]+$/, '')
    return phrase && occurrences(textOf(chosen), phrase) === 1 ? phrase : undefined
  }
  const phrase = unique(2, 3) ?? unique(1, 3) ?? all.slice(0, 3).join(' ')
  const word = all.slice(4).map((candidate) => candidate.replace(/[^\p{L}\p{N}'’-]/gu, '')).find((candidate) => candidate.length >= 5 && occurrences(textOf(chosen), candidate) === 1) ?? phrase
  const middle = passage(all, Math.floor(all.length / 3), (candidate) => occurrences(textOf(chosen), candidate) === 1)
  const heading = chosen.parent?.number ? chosen.parent : protocol.all.find((clause) => clause.kind === 'heading' && clause.number !== '')
  const unnumbered = protocol.all.find((clause) => clause.kind === 'paragraph' && clause.number === '' && words(clause).length >= 4 && !/[[<]/.test(textOf(clause)))
  return {
    paragraph: chosen.number,
    next: next.number,
    last: last.number,
    added: nextNumber(last.number, last.number),
    phrase,
    word,
    from: middle?.phrase ?? phrase,
    to: middle?.to ?? word,
    section: heading?.number.replace(/\.$/, '') ?? '',
    headingWord: (heading ? heading.title.split(/\s+/).find((candidate) => /^\p{L}{3,}$/u.test(candidate)) : undefined) ?? '',
    opening: unnumbered ? words(unnumbered).slice(0, 4).join(' ').replace(/[,.;:]+$/, '') : '',
    openingWord: unnumbered ? (words(unnumbered).slice(4).map((candidate) => candidate.replace(/[^\p{L}]/gu, '')).filter((candidate) => candidate.length >= 5 && occurrences(textOf(unnumbered), candidate) === 1).at(-1) ?? '') : ''
  }
}

/** Three words from `start` that occur once, and a word after them that occurs once: a passage to leave out. */
function passage(all: string[], start: number, once: (text: string) => boolean): { phrase: string; to: string } | undefined {
  for (let at = start; at + 3 < all.length; at++) {
    const phrase = all.slice(at, at + 3).join(' ').replace(/[,.;:]+$/, '')
    if (!once(phrase)) continue
    const to = all.slice(at + 4).map((candidate) => candidate.replace(/[^\p{L}\p{N}'’-]/gu, '')).find((candidate) => candidate.length >= 4 && once(candidate))
    if (to) return { phrase, to }
  }
  return undefined
}

/** The words of a clause's first paragraph, after its anchor and number. */
function textOf(clause: Clause): string {
  if (clause.kind === 'heading') return clause.title
  const rest = clause.source.replace(/^<a id="[^"]*"><\/a>/, '')
  return (rest.startsWith(clause.number) ? rest.slice(clause.number.length) : rest).split(/\n\s*\n/)[0]?.trim() ?? ''
}

function words(clause: Clause): string[] {
  return textOf(clause).split(/\s+/).filter(Boolean)
}

/** How many times `phrase` occurs in `text` as whole words. */
function occurrences(text: string, phrase: string): number {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return (text.match(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu')) ?? []).length
}
