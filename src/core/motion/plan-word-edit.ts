import type { Clause } from '../protocol/types.js'
import { containingWords, context, findWords, nearestWords, type WordMatch } from './find-words.js'
import type { Occurrence, Operation } from './types.js'
import { visibleText, type VisibleText } from './visible-text.js'
import { countNewlines } from '../text-lines.js'

/** A change to one clause's source: replace [start, end) with `text`. */
export interface WordEdit {
  clauseId: string
  start: number
  end: number
  text: string
}

/** Why a word operation cannot be placed. */
export interface WordProblem {
  reason: string
  code: 'words-not-found' | 'ambiguous-words' | 'empty-clause'
}

type WordOperation = Extract<Operation, { type: 'replace-words' | 'delete-words' | 'insert-words' | 'insert-words-at' | 'delete-range' }>

interface Found {
  clause: Clause
  visible: VisibleText
  match: WordMatch
}

const PUNCTUATION_AFTER = /^[,.;:!?)\]”’]/
const OPENING_BEFORE = /[(\[“‘]$/

/** Where in a clause's source a scope lies, for an item inside it (`3(f)`): [start, end). */
export interface SourceRange {
  start: number
  end: number
  /** Words need only begin in the range (a printed line: a quote may run on to the next line), and end in the clause. */
  startsOnly?: boolean
}

/** Where an operation's words are looked for, besides its clauses: an item of the one clause, or the whole text. */
export interface WordScope {
  range?: SourceRange
  /** The clauses are the whole text (an instruction that names no clause). */
  whole?: boolean
}

/**
 * Place a word operation in the clauses of its scope: the quoted words must
 * occur as words exactly once there — or, when the operation names which
 * (`occurrence`), in every place or the nth. Spacing follows what a reader
 * expects: one space between words, none doubled, none before punctuation.
 *
 * @param scope for an item inside the (single) clause, the part of its source the words must be in; whether the clauses are the whole text
 * @returns the edits (one, or one per occurrence), or why the words cannot be placed (every candidate, or the nearest words)
 */
export function planWordEdit(operation: WordOperation, clauses: Clause[], scope: WordScope = {}): WordEdit[] | WordProblem {
  const range = scope.range
  const texts = clauses.map((clause) => ({ clause, visible: visibleText(clause) }))
  // Spaces typed inside the quotes of an insertion ("at the end insert " They …"") are the spacing rules' job.
  if (operation.type === 'insert-words-at') {
    const edit = insertAt(operation.where, operation.insert.trim(), texts, range)
    return 'reason' in edit ? edit : [edit]
  }
  const first = operation.type === 'delete-range' ? operation.from : operation.words
  const occurrence = operation.type === 'delete-range' ? 'only' : (operation.occurrence ?? 'only')
  // A range "from the beginning": it starts at the first word of the scope.
  const opening = texts[0]
  const anyCase = operation.type === 'replace-words' && operation.anyCase === true
  let found = first === '' && opening ? [{ ...opening, match: { start: 0, end: 0 } }] : locate(first, texts, occurrence, scope, anyCase)
  // 'delegates.' with the sentence's full stop typed inside the quotes: the words without it, when only they are there.
  // Not for a quoted sentence ("The minimum discussion period is 2 weeks."): its full stop is its own.
  const sentence = /^\p{Lu}/u.test(first.trim()) && first.trim().split(/\s+/).length > 2
  if ('reason' in found && found.code === 'words-not-found' && /\w[.,]$/.test(first.trim()) && !sentence) {
    const bare = locate(first.trim().slice(0, -1), texts, occurrence, scope)
    if (!('reason' in bare)) found = bare
  }
  if ('reason' in found) return found
  const edits: WordEdit[] = []
  for (const one of found) {
    const edit = editAt(operation, one)
    if ('reason' in edit) return edit
    edits.push(edit)
  }
  return edits
}

function editAt(operation: Exclude<WordOperation, { type: 'insert-words-at' }>, found: Found): WordEdit | WordProblem {
  const { clause, visible, match } = found
  const source = clause.source
  const { start, end } = wholeLinks(source, visible.offsets[match.start] ?? 0, (visible.offsets[match.end - 1] ?? 0) + 1)
  switch (operation.type) {
    case 'replace-words': {
      // Spaces typed inside the quotes (“ £800 ”) are the spacing rules' job; a full stop typed inside them
      // the American way ('at least.') is the sentence's, unless the words replaced end one.
      let insert = operation.insert.trim()
      // So too before the text's own comma, semicolon or colon ('insert “current secretary.”' before ", appoint …"),
      // but not after an abbreviation ("etc.", "Ltd."), whose full stop is the word's.
      const stop = /[\p{L}\p{N}]\.$/u.test(insert) && !/\.$/.test(operation.words.trim())
      const next = source.slice(end, end + 3)
      const abbreviation = /(?:^|[\s(])(?:etc|Ltd|Inc|Co|Corp|Jr|Sr|St|No|Nos|vs|al)\.$/.test(insert)
      if (stop && (/^(?:\s+\p{Ll}|\.)/u.test(next) || (/^[,;:]/.test(next) && !abbreviation))) insert = insert.slice(0, -1)
      // '"150,000," and that …': a comma typed inside the quotes the American way, before the text's own punctuation.
      if (/[\p{L}\p{N}],$/u.test(insert) && !/,$/.test(operation.words.trim()) && /^(?:[.,;:!?]|\s*$)/.test(source.slice(end))) insert = insert.slice(0, -1)
      if (operation.anyCase) insert = inCaseOf(source.slice(start, end), insert)
      return { clauseId: clause.id, start, end, text: insert }
    }
    case 'delete-words': {
      // Striking the last words of a sentence, quoted with its full stop: the full stop stays ("…next Saturday.").
      const last = source.slice(0, end).replace(/\s+$/, '').length === source.replace(/\s+$/, '').length
      const before = source.slice(0, start)
      const wholeSentence = /(?:^|[.!?:]\s+|\n\s*)$/.test(before)
      if (last && !wholeSentence && source[end - 1] === '.' && end - 1 > start) return { clauseId: clause.id, ...closeGap(source, start, end - 1) }
      return { clauseId: clause.id, ...closeGap(source, start, end) }
    }
    case 'insert-words': {
      const insert = operation.insert.trim()
      if (operation.where === 'after') return { clauseId: clause.id, start: end, end, text: (PUNCTUATION_AFTER.test(insert) ? '' : ' ') + insert }
      return { clauseId: clause.id, start, end: start, text: insert + (OPENING_BEFORE.test(insert) ? '' : ' ') }
    }
    case 'delete-range':
      return deleteRange(operation, found, end)
  }
}

/** New words typed in capitals for emphasis, in the case of the words they replace: "CHAIR" for "Chairman" is "Chair". */
function inCaseOf(found: string, insert: string): string {
  if (found === found.toUpperCase()) return insert
  if (found === found.toLowerCase()) return insert.toLowerCase()
  return insert.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, gap: string, letter: string) => gap + letter.toUpperCase())
}

/**
 * Widen a source range that covers a cross-reference's whole text ("2.1" of
 * `[2.1](#c2-1)`) to the whole link, so no bracket is left behind.
 */
function wholeLinks(source: string, start: number, end: number): { start: number; end: number } {
  let from = start
  let to = end
  const opening = source.lastIndexOf('[', from)
  const labelEnd = opening >= 0 ? source.indexOf('](#', opening) : -1
  if (opening === from - 1 && labelEnd >= 0 && labelEnd <= to) from = opening
  const tail = /^\]\(#[^)\s]*\)/.exec(source.slice(to))
  if (tail && source.lastIndexOf('[', to) >= from) to += tail[0].length
  return { start: from, end: to }
}

function locate(words: string, texts: { clause: Clause; visible: VisibleText }[], occurrence: Occurrence, scope: WordScope, anyCase = false): Found[] | WordProblem {
  if (words.trim() === '') return { reason: 'The quoted words are blank: quote the words to change', code: 'words-not-found' }
  const range = scope.range
  const inRange = (visible: VisibleText, match: WordMatch): boolean =>
    !range || ((visible.offsets[match.start] ?? -1) >= range.start && (range.startsOnly ? (visible.offsets[match.start] ?? Infinity) < range.end : (visible.offsets[match.end - 1] ?? Infinity) < range.end))
  const hits = texts.flatMap(({ clause, visible }) => findWords(visible.text, words, 0, true, anyCase).filter((match) => inRange(visible, match)).map((match) => ({ clause, visible, match })))
  const where = describeScope(texts.map(({ clause }) => clause), scope)
  if (hits.length === 0) {
    const all = texts.map(({ visible }) => (range ? sliceVisible(visible, range) : visible.text)).join(' ')
    // A letter or two inside longer words ("a" in "may") is no clue to what was meant.
    const inside = words.trim().length >= 3 ? containingWords(all, words).slice(0, 3) : []
    if (inside.length > 0) {
      const offered = inside.map((word) => `“${word}”`).join(' or ')
      return { reason: `Cannot find “${words}” as a word in ${where}: it occurs only inside ${offered}; did you mean ${offered}?`, code: 'words-not-found' }
    }
    const nearest = nearestWords(all, words)
    return { reason: `Cannot find “${words}” in ${where}${nearest ? `; did you mean “${nearest}”?` : ''}`, code: 'words-not-found' }
  }
  if (occurrence === 'all') return withoutOverlaps(hits)
  if (typeof occurrence === 'number') {
    const chosen = occurrence > 0 ? hits[occurrence - 1] : hits[hits.length + occurrence]
    if (chosen) return [chosen]
    return { reason: `“${words}” occurs ${hits.length === 1 ? 'once' : `${hits.length} times`} in ${where}, so there is no ${ordinal(occurrence)} “${words}”`, code: 'words-not-found' }
  }
  const [only] = hits
  if (hits.length === 1 && only) return [only]
  const candidates = hits.map(({ clause, visible, match }) => `${clause.number || clause.id} line ${lineOf(clause, visible.offsets[match.start] ?? 0)}: ${context(visible.text, match)}`)
  return {
    reason: `“${words}” occurs ${hits.length} times in ${where}; quote more words so that it occurs once, or say which (“the second …”, “in each place it occurs”):\n  ${candidates.join('\n  ')}`,
    code: 'ambiguous-words'
  }
}

/** Matches that do not overlap an earlier one: "in each place it occurs" changes each place once. */
function withoutOverlaps(hits: Found[]): Found[] {
  const kept: Found[] = []
  for (const hit of hits) {
    const last = kept.at(-1)
    if (last && last.clause === hit.clause && hit.match.start < last.match.end) continue
    kept.push(hit)
  }
  return kept
}

function ordinal(n: number): string {
  if (n === -1) return 'last'
  return ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'][n - 1] ?? `${n}th`
}

function sliceVisible(visible: VisibleText, range: SourceRange): string {
  let text = ''
  for (let index = 0; index < visible.text.length; index++) {
    const offset = visible.offsets[index] ?? -1
    if (offset >= range.start && offset < range.end) text += visible.text[index] ?? ''
  }
  return text
}

function deleteRange(operation: Extract<WordOperation, { type: 'delete-range' }>, found: Found, fromEnd: number): WordEdit | WordProblem {
  const { clause, visible, match } = found
  // "Delete all after “X”": X stays; the range starts after it.
  const start = operation.afterFrom ? fromEnd : (visible.offsets[match.start] ?? 0)
  const insert = operation.insert?.trim()
  if (operation.to === null) {
    // To the end: the clause keeps what came before, without trailing spaces or blank lines.
    const kept = clause.source.slice(0, start).replace(/\s+$/, '')
    if (start <= (visible.offsets[0] ?? 0) && insert === undefined) {
      return { reason: `Leaving out from “${visible.text.slice(match.start, match.end)}” to the end would leave clause ${clause.number || clause.id} empty; leave out the paragraph instead`, code: 'empty-clause' }
    }
    // The clause's closing full stop is punctuation, not words: "omit the words from … to the end" keeps it.
    const stop = closingStop(clause.source)
    const put = insert === undefined || insert === '' ? '' : (PUNCTUATION_AFTER.test(insert) ? '' : ' ') + insert
    const closing = stop !== '' && !/[.;:!?]$/.test(put === '' ? kept : put) ? stop : ''
    return { clauseId: clause.id, start: kept.length, end: clause.source.length, text: put + closing }
  }
  const ends = findWords(visible.text, operation.to, match.end)
  const [last] = ends
  if (!last) {
    return { reason: `Cannot find “${operation.to}” after “${visible.text.slice(match.start, match.end)}” in ${describeScope([clause])}`, code: 'words-not-found' }
  }
  if (ends.length > 1) {
    return { reason: `“${operation.to}” occurs ${ends.length} times after “${visible.text.slice(match.start, match.end)}” in ${describeScope([clause])}; quote more words so that it occurs once`, code: 'ambiguous-words' }
  }
  const end = (visible.offsets[last.end - 1] ?? 0) + 1
  if (insert !== undefined) return { clauseId: clause.id, start, end, text: insert }
  return { clauseId: clause.id, ...closeGap(clause.source, start, end) }
}

function insertAt(where: 'start' | 'end', insert: string, texts: { clause: Clause; visible: VisibleText }[], range?: SourceRange): WordEdit | WordProblem {
  const target = where === 'start' ? texts[0] : texts.at(-1)
  if (!target) return { reason: 'Nothing to insert into', code: 'empty-clause' }
  const { clause, visible } = target
  if (where === 'start') {
    let first = range ? visible.offsets.find((offset) => offset >= range.start && offset < range.end) : visible.offsets[0]
    // An item's words begin after its label: "(ii) otherwise" → "(ii) subject to …, otherwise".
    const label = range ? /^(?:\([a-z0-9]{1,6}\)|[a-z0-9]{1,6}[.)])[ \t]+/i.exec(clause.source.slice(first ?? 0)) : null
    if (label && first !== undefined) first += label[0].length
    const at = first ?? clause.source.length
    return { clauseId: clause.id, start: at, end: at, text: insert + (OPENING_BEFORE.test(insert) ? '' : ' ') }
  }
  const end = (range ? clause.source.slice(0, range.end) : clause.source).replace(/\s+$/, '').length
  // Words added at the end go before the clause's closing full stop (", provided that …"); a sentence goes after it.
  const stop = closingStop(clause.source.slice(0, end))
  if (stop !== '' && !isSentence(insert)) {
    const at = end - stop.length
    // A full stop or comma typed inside the quotes the American way ('adding, "and that it be printed,"') is the motion's.
    const words = insert.replace(/[.]$/, '').replace(/(?<=[\p{L}\p{N})]),$/u, '')
    return { clauseId: clause.id, start: at, end: at, text: (PUNCTUATION_AFTER.test(words) ? '' : ' ') + words }
  }
  return { clauseId: clause.id, start: end, end, text: (PUNCTUATION_AFTER.test(insert) ? '' : ' ') + insert }
}

/** The full stop that closes a clause's last sentence ('' when it ends otherwise: a colon, a list, a heading). */
function closingStop(source: string): string {
  return /\.$/.test(source.replace(/\s+$/, '')) && !/(?:^|\n)\s*(?:[-*+]|\d+[.)])\s[^\n]*$/.test(source.replace(/\s+$/, '')) ? '.' : ''
}

/** Whether inserted text is a sentence of its own: a capital first, a full stop (or ? or !) last. */
function isSentence(text: string): boolean {
  return /^["“‘(]?\p{Lu}/u.test(text) && /[.!?]["”’)]?$/.test(text)
}

/**
 * Widen a deletion so that no gap is left: take one space with it, the one
 * before when punctuation follows; a paragraph left empty goes whole.
 */
function closeGap(source: string, start: number, end: number): { start: number; end: number; text: string } {
  const before = source[start - 1] ?? '\n'
  const after = source[end] ?? '\n'
  const blockStart = source.lastIndexOf('\n', start - 1) + 1
  const blockEnd = source.indexOf('\n', end) === -1 ? source.length : source.indexOf('\n', end)
  // A list item whose words all go ("- Meet at such times …;"), bullet or label and all: the line goes.
  const lineStart = source.lastIndexOf('\n', start - 1) + 1
  if (lineStart > 0 && /^[ \t]*(?:[-*+]|\d+[.)]|\([a-z0-9]{1,6}\)|[a-z]{1,3}[.)])[ \t]+$/i.test(source.slice(lineStart, start)) && source.slice(end, blockEnd).trim() === '') {
    return { start: lineStart - 1, end: blockEnd, text: '' }
  }
  if (source.slice(blockStart, start).trim() === '' && source.slice(end, blockEnd).trim() === '' && blockStart > 0) {
    // The whole block goes, with the blank line before it.
    const previousEnd = source.slice(0, blockStart).replace(/\s+$/, '').length
    return { start: previousEnd, end: blockEnd, text: '' }
  }
  if (before === ' ' && (after === ' ' || after === '\n' || PUNCTUATION_AFTER.test(after))) return { start: start - 1, end, text: '' }
  if ((before === '\n' || start === 0) && after === ' ') return { start, end: end + 1, text: '' }
  return { start, end, text: '' }
}

function lineOf(clause: Clause, offset: number): number {
  return clause.position.start.line + countNewlines(clause.source.slice(0, offset))
}

function describeScope(clauses: Clause[], scope: WordScope = {}): string {
  const [first] = clauses
  const range = scope.range
  if (!first) return 'the text'
  if (scope.whole) return 'the whole text'
  const name = first.number ? `${first.kind === 'heading' ? 'section' : 'paragraph'} ${first.number}` : `clause ${first.id}`
  if (range) {
    const label = /^[ \t]*(?:[-*+][ \t]+)?(\S+)/.exec(first.source.slice(range.start))?.[1] ?? ''
    return `item ${label} of ${name}`
  }
  return clauses.length > 1 ? `${name} (with the paragraphs under it)` : name
}

