import type { Clause } from '../../protocol/types.js'
import { cleanupSemantic, diffWords } from '../../diff/diff-words.js'
import { findWords } from '../find-words.js'
import { planWordEdit } from '../plan-word-edit.js'
import type { Operation, Scope } from '../types.js'
import { visibleText } from '../visible-text.js'

/** One change of a clause's words, as a clerk words it: the operation, and the stretch of the old words its quotes take up. */
export interface WordChange {
  operation: WordOperation
  /** Offsets in the clause's visible words that the quotes cover (no two changes of one clause may share words). */
  start: number
  end: number
}

export type WordOperation = Extract<Operation, { type: 'replace-words' | 'delete-words' | 'insert-words' | 'insert-words-at' | 'delete-range' }>

/** How many kept words may stand between two changes that a clerk writes as one ("calling or attending meetings"). */
const JOIN_WORDS = 2
/** How many words either side a quote may take to be found once in its clause. */
const MOST_CONTEXT = 8
/** A passage left out of more words than this is cited by its first and last words ("leave out from “A” to “B”"). */
const LONG_PASSAGE = 16

const WORD = /[\p{L}\p{N}'’‐-]/u

/** A stretch of old words that gives way to new ones: [start, end) of the old visible words, and the new words. */
interface Hunk {
  start: number
  end: number
  insert: string
}

/**
 * The word changes that turn one clause's words into another's, each found
 * exactly once in the clause and checked against keeling's own placing of
 * it (spacing included), or undefined when the words cannot be said so (a
 * change across a paragraph break or a list) and the clause is better
 * replaced whole.
 *
 * @param clause the clause in the old text
 * @param after its words in the new text, as a reader sees them (no number, anchor or bullets)
 * @param scope the clauses the instruction names (the sub-section or section the paragraph stands in, cited for it): quotes must be found once in all of them
 */
export function wordChanges(clause: Clause, after: string, scope: Clause[] = [clause]): WordChange[] | undefined {
  const before = visibleText(clause).text
  if (before === after) return []
  const hunks = hunksOf(before, after)
  const changes: WordChange[] = []
  let used = 0
  const others = scope.filter((other) => other.id !== clause.id).map((other) => visibleText(other).text)
  const once = (quote: string): boolean => findWords(before, quote).length === 1 && others.every((text) => findWords(text, quote).length === 0)
  for (const hunk of hunks) {
    const change = sayHunk(clause, scope, before, hunk, used, once)
    if (!change) return undefined
    changes.push(change)
    used = change.end
  }
  return changes
}

/** The changed stretches, changes a word or two apart joined into one phrase, each trimmed to whole words. */
function hunksOf(before: string, after: string): Hunk[] {
  const parts = cleanupSemantic(diffWords(before, after))
  const raw: RawHunk[] = []
  let at = 0
  let newAt = 0
  for (const part of parts) {
    const last = raw.at(-1)
    if (part.type === 'same') {
      at += part.text.length
      newAt += part.text.length
      continue
    }
    const open = last && last.end === at && last.newEnd === newAt
    const hunk = open ? last : { start: at, end: at, newStart: newAt, newEnd: newAt }
    if (part.type === 'deleted') at += part.text.length
    else newAt += part.text.length
    hunk.end = at
    hunk.newEnd = newAt
    if (!open) raw.push(hunk)
  }
  // Join changes a word or two apart, within a line and a sentence.
  const joined: typeof raw = []
  for (const hunk of raw) {
    const last = joined.at(-1)
    const between = last ? before.slice(last.end, hunk.start) : ''
    if (last && joins(last, hunk, between)) {
      last.end = hunk.end
      last.newEnd = hunk.newEnd
    } else joined.push({ ...hunk })
  }
  // Trimmed to whole words, neighbours may touch ("Chair.’" → "Chair’" then "." put in after it): one change.
  const trimmed: RawHunk[] = []
  for (const hunk of joined.map((one) => trimHunk(before, after, one))) {
    const last = trimmed.at(-1)
    if (last && hunk.start <= last.end) {
      last.end = Math.max(last.end, hunk.end)
      last.newEnd = Math.max(last.newEnd, hunk.newEnd)
    } else trimmed.push(hunk)
  }
  return trimmed.map((hunk) => ({ start: hunk.start, end: hunk.end, insert: after.slice(hunk.newStart, hunk.newEnd) }))
}

/**
 * Whether two changes are said as one phrase: with nothing but spaces or punctuation between them, a small word
 * ("calling or attending" → "requesting"), or a word or two between two replacements ("if officers are" → "by
 * officers when"); not a replacement and an insertion a word apart, which a clerk says as two ("leave out
 * “calling or attending” and insert “requesting”; after “meetings” insert “with officers”").
 */
function joins(a: RawHunk, b: RawHunk, between: string): boolean {
  if (/[\n.;:]/.test(between)) return false
  const words = countWords(between.replace(/[^\p{L}\p{N}\s'’-]/gu, ' '))
  if (words === 0) return true
  if (words === 1 && SMALL_WORDS.has(between.trim().toLowerCase())) return true
  const kind = (hunk: RawHunk): string => (hunk.end === hunk.start ? 'insert' : hunk.newEnd === hunk.newStart ? 'omit' : 'replace')
  return words <= JOIN_WORDS && kind(a) === kind(b) && kind(a) !== 'insert'
}

interface RawHunk {
  start: number
  end: number
  newStart: number
  newEnd: number
}

const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'as', 'is', 'be', 'any'])

/** A hunk without the characters both sides share at its ends, then widened to whole words on both sides alike. */
function trimHunk(before: string, after: string, hunk: RawHunk): RawHunk {
  let { start, end, newStart, newEnd } = hunk
  while (start < end && newStart < newEnd && before[start] === after[newStart]) {
    start++
    newStart++
  }
  while (start < end && newStart < newEnd && before[end - 1] === after[newEnd - 1]) {
    end--
    newEnd--
  }
  // A change inside a word ("attend" → "attending") is a change of the word.
  while (start > 0 && newStart > 0 && WORD.test(before[start - 1] ?? '') && (WORD.test(before[start] ?? '') || WORD.test(after[newStart] ?? ''))) {
    if (before[start - 1] !== after[newStart - 1]) break
    start--
    newStart--
  }
  while (end < before.length && newEnd < after.length && WORD.test(before[end] ?? '') && (WORD.test(before[end - 1] ?? '') || WORD.test(after[newEnd - 1] ?? ''))) {
    if (before[end] !== after[newEnd]) break
    end++
    newEnd++
  }
  return { start, end, newStart, newEnd }
}

/** The ways of saying a hunk, plainest first, and the first that keeling places as meant and that takes no words another change took. */
function sayHunk(clause: Clause, scope: Clause[], before: string, hunk: Hunk, used: number, once: (quote: string) => boolean): WordChange | undefined {
  const expected = before.slice(0, hunk.start) + hunk.insert + before.slice(hunk.end)
  for (const candidate of candidates(before, hunk, once)) {
    if (candidate.start < used || !quotable(candidate.operation)) continue
    if (places(clause, scope, candidate.operation, expected)) return candidate
  }
  return undefined
}

function* candidates(before: string, hunk: Hunk, once: (quote: string) => boolean): Generator<WordChange> {
  const scope: Scope = { type: 'document' }
  const { start, end, insert } = hunk
  const inserted = insert.trim()
  const old = before.slice(start, end)
  const oneLine = !old.includes('\n') && !insert.includes('\n')
  if (start === end) {
    // Words put in: after the words before them, before the words after them, at the end or the beginning.
    if (before.slice(end).trim() === '') yield { operation: { type: 'insert-words-at', scope, where: 'end', insert: inserted }, start: end, end }
    if (before.slice(0, start).trim() === '') yield { operation: { type: 'insert-words-at', scope, where: 'start', insert: inserted }, start, end }
    if (!insert.includes('\n')) {
      for (let words = 1; words <= MOST_CONTEXT; words++) {
        const from = wordsBack(before, start, words)
        if (from === null) break
        const quote = before.slice(from, start).trim()
        if (quote.includes('\n')) break
        if (once(quote)) yield { operation: { type: 'insert-words', scope, where: 'after', words: quote, insert: inserted }, start: from, end: start }
        const to = wordsForward(before, end, words)
        const next = to === null ? '' : before.slice(end, to).trim()
        if (to !== null && !next.includes('\n') && once(next)) yield { operation: { type: 'insert-words', scope, where: 'before', words: next, insert: inserted }, start: end, end: to }
      }
    }
  } else if (oneLine && countWords(old) <= LONG_PASSAGE) {
    if (once(old.trim())) {
      yield inserted === '' ? { operation: { type: 'delete-words', scope, words: old.trim() }, start, end } : { operation: { type: 'replace-words', scope, words: old.trim(), insert: inserted }, start, end }
    }
  }
  if (start !== end) yield* passages(before, hunk, once)
  // The words around the change quoted with it, until they are found once: "leave out “and the” and insert “and”".
  if (!oneLine) return
  for (let words = 1; words <= MOST_CONTEXT; words++) {
    for (const [back, forward] of [[0, words], [words, 0], [words, words]] as const) {
      const from = back === 0 ? start : wordsBack(before, start, back)
      const to = forward === 0 ? end : wordsForward(before, end, forward)
      if (from === null || to === null) continue
      const quote = before.slice(from, to)
      if (quote.includes('\n') || quote.trim() === '' || !once(quote.trim())) continue
      const put = (before.slice(from, start) + insert + before.slice(end, to)).trim()
      yield put === '' ? { operation: { type: 'delete-words', scope, words: quote.trim() }, start: from, end: to } : { operation: { type: 'replace-words', scope, words: quote.trim(), insert: put }, start: from, end: to }
    }
  }
}

/** A long passage (or one across lines) cited by its first and last words: from “A” to “B”, or from “A” to the end. */
function* passages(before: string, hunk: Hunk, once: (quote: string) => boolean): Generator<WordChange> {
  const scope: Scope = { type: 'document' }
  const { start, end, insert } = hunk
  const inserted = insert.trim()
  const old = before.slice(start, end)
  if (countWords(old) < 4 && !old.includes('\n')) return
  const toEnd = before.slice(end).trim() === ''
  for (let words = 2; words <= MOST_CONTEXT; words++) {
    const firstEnd = wordsForward(before, start, words)
    if (firstEnd === null || firstEnd > end) break
    const first = before.slice(start, firstEnd).trim()
    if (first.includes('\n') || !once(first)) continue
    const put = inserted === '' ? {} : { insert: inserted }
    if (toEnd) {
      yield { operation: { type: 'delete-range', scope, from: first, to: null, ...put }, start, end }
      continue
    }
    for (let lastWords = 1; lastWords <= MOST_CONTEXT; lastWords++) {
      const lastStart = wordsBack(before, end, lastWords)
      if (lastStart === null || lastStart < firstEnd) break
      const last = before.slice(lastStart, end).trim()
      if (last.includes('\n')) break
      yield { operation: { type: 'delete-range', scope, from: first, to: last, ...put }, start, end }
    }
  }
}

/**
 * Whether every text the operation quotes can be quoted: words with double quotes of their own go in single
 * quotes, but words with both double quotes and an apostrophe (‘the Government's paper "A’) cannot be quoted
 * so that a reader knows where they end; and no quote opens a bracket it does not close ("fifteen (15").
 */
function quotable(operation: WordOperation): boolean {
  const texts = operation.type === 'delete-range' ? [operation.from, operation.to ?? '', operation.insert ?? ''] : operation.type === 'insert-words-at' ? [operation.insert] : [operation.words, 'insert' in operation ? operation.insert : '']
  const balanced = (text: string): boolean => count(text, '(') === count(text, ')') && count(text, '[') === count(text, ']')
  // The last words of a passage are words: "to “)”" names no place a reader can find.
  const ends = operation.type !== 'delete-range' || operation.to === null || /[\p{L}\p{N}]/u.test(operation.to)
  return ends && texts.every((text) => !(/["“”]/.test(text) && /['‘’]/.test(text)) && balanced(text))
}

function count(text: string, char: string): number {
  return text.split(char).length - 1
}

/** Whether keeling places the operation in the clause so that its words read `expected`. */
function places(clause: Clause, scope: Clause[], operation: WordOperation, expected: string): boolean {
  const edits = planWordEdit(operation, scope)
  if ('reason' in edits || edits.length !== 1) return false
  const [edit] = edits
  if (!edit || edit.clauseId !== clause.id) return false
  const source = clause.source.slice(0, edit.start) + edit.text + clause.source.slice(edit.end)
  return visibleText({ ...clause, source }).text === expected
}

/** Where the `count` words before `at` begin (the space after them left out), or null when there are not so many. */
function wordsBack(text: string, at: number, count: number): number | null {
  let index = at
  for (let k = 0; k < count; k++) {
    while (index > 0 && /\s/.test(text[index - 1] ?? '')) index--
    if (index === 0) return null
    if (WORD.test(text[index - 1] ?? '')) while (index > 0 && WORD.test(text[index - 1] ?? '')) index--
    else index--
  }
  return index
}

/** Where the `count` words after `at` end, or null when there are not so many. */
function wordsForward(text: string, at: number, count: number): number | null {
  let index = at
  for (let k = 0; k < count; k++) {
    while (index < text.length && /\s/.test(text[index] ?? '')) index++
    if (index >= text.length) return null
    if (WORD.test(text[index] ?? '')) while (index < text.length && WORD.test(text[index] ?? '')) index++
    else index++
  }
  return index
}

function countWords(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length
}
