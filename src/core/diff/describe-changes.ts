import { type ClauseDiff, clauseWords } from './change-set.js'
import type { DiffUnit } from './diff-document.js'
import type { WordPart } from './diff-words.js'

/** One change said in words, about one clause. */
export interface ChangeSentence {
  /** The clause ID the sentence is about. */
  id: string
  /** "In paragraph 7.2", "In the paragraph beginning “Nothing in this protocol”". */
  place: string
  /** What the change does, without its subject: "replaces the phrase “X” with “Y”". */
  action: string
}

/** How many kept words may stand between two changes that are still said as one phrase. */
const JOIN_WORDS = 2

/**
 * Say what happened to a clause the way a council report says it: words
 * replaced, added or left out as phrases (changes a word or two apart read
 * as one phrase, with the words between them), paragraphs inserted, left
 * out, moved or renumbered.
 */
export function describeClause(clause: ClauseDiff, all: ClauseDiff[] = []): ChangeSentence[] {
  const unit = clause.after ?? clause.before
  if (!unit || clause.type === 'unchanged' || clause.type === 'moved-away') return []
  const place = placeOf(clause.before ?? unit)
  const say = (action: string): ChangeSentence => ({ id: clause.id, place, action })
  if (clause.type === 'inserted') return [{ id: clause.id, place: '', action: `inserts a new ${kindOf(unit)}${unit.number ? ` ${unit.number}` : ''}: “${opening(unit.body, 12)}”` }]
  if (clause.type === 'deleted') return [{ id: clause.id, place: '', action: `leaves out ${nameOf(unit)}` }]
  const sentences: ChangeSentence[] = []
  if (clause.type === 'moved') sentences.push({ id: clause.id, place: '', action: sayMove(clause, all) })
  else if (clause.renumbered && clause.before && clause.after) sentences.push({ id: clause.id, place: '', action: `renumbers ${clause.before.number || 'an unnumbered paragraph'} as ${clause.after.number || 'unnumbered'}` })
  for (const phrase of phrases(clause.type === 'moved' ? clauseWords({ ...clause, type: 'changed' }) : clauseWords(clause))) {
    const before = tidy(phrase.before)
    const after = tidy(phrase.after)
    if (before && after) sentences.push(say(`replaces ${named(before)} with ${quoted(after)}`))
    else if (after) sentences.push(say(`adds ${named(after)}`))
    else if (before) sentences.push(say(`leaves out ${named(before)}`))
  }
  return sentences
}

/**
 * The changed clauses in groups said as one: a clause left out with the new clauses put in its place (next
 * to it in reading order, by the same motions) is one replacement; every other clause is a group of its own.
 */
export function groupReplacements(clauses: ClauseDiff[]): ClauseDiff[][] {
  const groups: ClauseDiff[][] = []
  for (const clause of clauses) {
    const last = groups.at(-1)
    if (last && joinsReplacement(last, clause)) last.push(clause)
    else groups.push([clause])
  }
  // New clauses with none left out beside them are insertions, each said on its own.
  return groups.flatMap((group) => (group.some((clause) => clause.type === 'deleted') ? [group] : group.map((clause) => [clause])))
}

function joinsReplacement(group: ClauseDiff[], clause: ClauseDiff): boolean {
  const deleted = group.filter((member) => member.type === 'deleted').length + (clause.type === 'deleted' ? 1 : 0)
  const allPlaced = [...group, clause].every((member) => member.type === 'deleted' || member.type === 'inserted')
  const byWhom = (member: ClauseDiff): string => member.attribution.map((item) => item.motion).join(' ')
  return allPlaced && deleted <= 1 && group.every((member) => byWhom(member) === byWhom(clause))
}

/**
 * Say what happened to a group of clauses ({@link groupReplacements}): a replacement as one sentence, "leaves
 * out paragraph 7.1 and inserts a new paragraph 7.1: “…”"; any other clause as {@link describeClause} says it.
 */
export function describeGroup(group: ClauseDiff[], all: ClauseDiff[] = []): ChangeSentence[] {
  const left = group.find((clause) => clause.type === 'deleted')
  const put = group.filter((clause) => clause.type === 'inserted')
  if (!left?.before || put.length === 0) return group.flatMap((clause) => describeClause(clause, all))
  const inserted = put.map((clause) => describeClause(clause)[0]?.action.replace(/^inserts /, '') ?? '')
  return [{ id: left.id, place: '', action: `leaves out ${nameOf(left.before)} and inserts ${listAnd(inserted)}` }]
}

/** Sentences for clauses in reading order, a replacement said as one ({@link describeGroup}). */
export function describeClauses(clauses: ClauseDiff[]): ChangeSentence[] {
  const changed = clauses.filter((clause) => clause.type !== 'unchanged' && clause.type !== 'moved-away')
  return groupReplacements(changed).flatMap((group) => describeGroup(group, clauses))
}

function listAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`
}

/**
 * A move said as the motion says it: "moves paragraph 10.1 to follow paragraph 10.2", the clause it now
 * follows (or, first under a heading, precedes) named by its number before the change, then its own new
 * number when that changed.
 */
function sayMove(clause: ClauseDiff, all: ClauseDiff[]): string {
  const moved = clause.before ?? clause.after
  if (!moved) return ''
  const at = all.indexOf(clause)
  const inText = (other: ClauseDiff | undefined): other is ClauseDiff => other !== undefined && other.after !== null && other.type !== 'deleted' && other.type !== 'moved-away'
  const previous = at > 0 ? all.slice(0, at).reverse().find(inText) : undefined
  const next = at >= 0 ? all.slice(at + 1).find(inText) : undefined
  const name = (other: ClauseDiff): string => nameOf(other.before ?? (other.after as DiffUnit))
  const place = previous && previous.after?.kind !== 'heading' ? ` to follow ${name(previous)}` : next ? ` to precede ${name(next)}` : previous ? ` to follow ${name(previous)}` : ''
  const number = clause.renumbered && clause.after?.number ? `, where it is numbered ${clause.after.number}` : ''
  return `moves ${nameOf(moved)}${place}${number}`
}

/** Changed words said as one phrase: the words before and after, and the kept words either side of it. */
export interface Phrase {
  before: string
  after: string
  /** Up to three kept words just before the phrase ('' at the start of the clause). */
  preceding: string
  /** Up to four kept words just after it, to the next punctuation ('' at the end). */
  following: string
}

/**
 * Changes grouped into phrases: runs of changes with at most JOIN_WORDS
 * kept words between them, those words on both sides. A word replaced by
 * a word, or a phrase by a single word, is given the kept words around it
 * so that it reads as the report says it: “in the furtherance of any
 * issue” with “concerning any issue”, “for instance” with “for example”.
 */
export function phrases(parts: WordPart[]): Phrase[] {
  const result: Phrase[] = []
  let current: { before: string; after: string; first: number; last: number } | null = null
  let pending = ''
  const close = (): void => {
    if (current) result.push(phraseOf(parts, current))
    current = null
    pending = ''
  }
  parts.forEach((part, index) => {
    if (part.type === 'same') {
      if (!current) return
      const words = countWords(part.text)
      const more = parts.slice(index + 1).some((next) => next.type !== 'same')
      // Kept marks inside one word ("21:30" to "19:00": 21, :, 30 each changed but the colon) join the changes on both sides.
      if (more && ((words <= JOIN_WORDS && !/[.;:]\s*$/.test(part.text)) || !/\s/.test(part.text))) {
        pending += part.text
        return
      }
      close()
      return
    }
    if (!current) current = { before: '', after: '', first: index, last: index }
    if (pending) {
      current.before += pending
      current.after += pending
      pending = ''
    }
    current.last = index
    if (part.type === 'deleted') current.before += part.text
    else current.after += part.text
  })
  close()
  return result
}

/**
 * One run of changes (parts `first` to `last`, their struck and inserted words `before` and `after`) as a phrase:
 * the whole words it is inside, the kept words that make it readable (`withContext`), and the kept words beyond those.
 */
function phraseOf(parts: WordPart[], run: { before: string; after: string; first: number; last: number }): Phrase {
  const kept = (part: WordPart | undefined): string => (part?.type === 'same' ? part.text : '')
  const previousKept = kept(parts[run.first - 1])
  const nextKept = kept(parts[run.last + 1])
  const changed = [run.before, run.after].filter((text) => text !== '')
  // A change inside a word ("19:00" to "19:30", whose tokens are 19, :, 00) is quoted as the whole word.
  const wordStart = changed.some((text) => /^[\p{L}\p{N}]/u.test(text)) || /[:/'’-]$/.test(previousKept) ? (WORD_START.exec(previousKept)?.[0] ?? '') : ''
  const wordEnd = changed.some((text) => /[\p{L}\p{N}:/'’-]$/u.test(text)) ? (WORD_REST.exec(nextKept)?.[0] ?? '') : ''
  const previousText = previousKept.slice(0, previousKept.length - wordStart.length)
  const nextText = nextKept.slice(wordEnd.length)
  const { before, after, took } = withContext(
    { before: run.before && wordStart + run.before + wordEnd, after: run.after && wordStart + run.after + wordEnd, startsWithInsertion: parts[run.first]?.type === 'inserted' && wordStart === '' },
    previousText ? { type: 'same', text: previousText } : undefined,
    nextText ? { type: 'same', text: nextText } : undefined
  )
  // The kept words around the phrase beyond those it took in: “consent of the [chairman of the] meeting”.
  const stillBefore = previousText.slice(0, previousText.length - took.start.length)
  const stillAfter = nextText.slice(took.end.length)
  // Nor a word the next change (or the one before) is glued to: "at 21" of "at 21:30" when 30 changes too.
  const gluedBefore = parts[run.first - 2] !== undefined && /^\S/.test(previousText) && !/\s$/.test(parts[run.first - 2]?.text ?? ' ')
  const gluedAfter = parts[run.last + 2] !== undefined && /\S$/.test(nextText) && !/^\s/.test(parts[run.last + 2]?.text ?? ' ')
  let preceding = /(?:\S+\s+){0,2}\S+\s*$/.exec(stillBefore)?.[0] ?? ''
  if (gluedBefore && preceding.length === stillBefore.length) preceding = preceding.replace(/^\S+\s*/, '')
  let following = FOLLOWING.exec(stillAfter)?.[0] ?? ''
  if (gluedAfter && following.length === stillAfter.length) following = following.replace(/\s*\S+$/, '')
  return { before, after, preceding: preceding.trim(), following: following.trim() }
}

/** The start of a word a change begins inside: letters, digits and the marks inside a word ("19:" of "19:00", "PRESS/" of "PRESS/MEDIA"), not a quote. */
const WORD_START = /[\p{L}\p{N}][\p{L}\p{N}:./'’-]*$/u
/** The rest of a word a change ends inside: up to a space, or to the punctuation that ends the word ("00" of "19:00,"). */
const WORD_REST = /^[^\s.,;:!?)”"]+(?:[.,;:][^\s.,;:!?)”"]+)*/
/** Up to four kept words after a phrase, to the punctuation that ends a word ("19:00" and "3.9" are one word each). */
const FOLLOWING = /^\s*[^\s.,;:!?)”"]+(?:[.,;:][^\s.,;:!?)”"]+)*(?:\s+[^\s.,;:!?)”"]+(?:[.,;:][^\s.,;:!?)”"]+)*){0,3}/

/**
 * A replacement given the kept words that make it readable: with a single word on one side, up to two words
 * after it (else the word before it); a short phrase, the word after it; words inserted first, the word before.
 */
function withContext(
  phrase: { before: string; after: string; startsWithInsertion: boolean },
  previous: WordPart | undefined,
  next: WordPart | undefined
): { before: string; after: string; took: { start: string; end: string } } {
  const { before, after, startsWithInsertion } = phrase
  const taking = (start: string, end: string): { before: string; after: string; took: { start: string; end: string } } => ({ before: start + before + end, after: start + after + end, took: { start, end } })
  if (!before.trim() || !after.trim()) return taking('', '')
  const single = countWords(before) <= 1 || countWords(after) <= 1
  const following = next?.type === 'same' ? /^\s+[\p{L}\p{N}'’-]+(?:[:/][\p{L}\p{N}]+)*(?:\s+[\p{L}\p{N}'’-]+(?:[:/][\p{L}\p{N}]+)*)?(?=[\s.,;:!?)”"]|$)/u.exec(next.text)?.[0] : undefined
  const preceding = previous?.type === 'same' ? /(?:^|(?<=\s))[\p{L}\p{N}'’-]+(?:[:/][\p{L}\p{N}]+)*\s*$/u.exec(previous.text)?.[0] : undefined
  // Words inserted at the start read from the word before them: “role as” → “role of a member as an”,
  // “calling or attending meetings” → “calling, attending or requesting meetings”.
  // So do words that begin with a comma or stop, which belongs to the word before: “calling or” → “calling, attending or”.
  const leadingMark = /^\s*[,;:.]/.test(before) || /^\s*[,;:.]/.test(after)
  if ((startsWithInsertion || leadingMark) && preceding) {
    const one = single && following ? (/^\s+\S+/.exec(following)?.[0] ?? '') : ''
    return taking(preceding, one)
  }
  if (!single) {
    // A short phrase reads better with the word it qualifies: “an informal atmosphere” → “a friendly atmosphere”.
    const short = countWords(before) <= 3 && countWords(after) <= 3
    const one = short && following ? (/^\s+\S+/.exec(following)?.[0] ?? '') : ''
    return taking('', one)
  }
  if (following) return taking('', following)
  if (preceding) return taking(preceding, '')
  return taking('', '')
}

function countWords(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length
}

/** How many words a quoted phrase may have before it is named by its first and last words. */
const LONG_PHRASE = 24

/** “the word “x””, “the phrase “x y””, or for a long passage “the passage from “…” to “…””. */
function named(text: string): string {
  const words = text.split(/\s+/).filter(Boolean)
  if (words.length === 1) return `the word “${text}”`
  if (words.length <= LONG_PHRASE) return `the phrase “${text}”`
  return `the passage from “${words.slice(0, 6).join(' ')}” to “${words.slice(-6).join(' ').replace(/[.,;:]$/, '')}”`
}

/** A replacement as quoted: whole, or for a long passage its length and opening words. */
function quoted(text: string): string {
  const words = text.split(/\s+/).filter(Boolean)
  if (words.length <= LONG_PHRASE) return `“${text}”`
  return `a passage of ${words.length} words beginning “${words.slice(0, 8).join(' ')} …”`
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/^[,;]\s*/, '')
}

function kindOf(unit: DiffUnit): string {
  return unit.kind === 'heading' ? 'heading' : 'paragraph'
}

/**
 * "paragraph 3.5", "paragraph u" (of "u."), "the paragraph beginning “Nothing in this protocol”": a number's own
 * closing stop is left off, as a citation writes it, so that a sentence ending with it has one stop ("Touches
 * paragraph u.", not "u..").
 */
export function nameOf(unit: DiffUnit): string {
  return unit.number ? `${kindOf(unit)} ${unit.number.replace(/(?<=\S)[.:]$/, '')}` : `the ${kindOf(unit)} beginning “${opening(unit.body, 4)}”`
}

function placeOf(unit: DiffUnit): string {
  return `In ${nameOf(unit)}`
}

function opening(text: string, words: number): string {
  const all = text.replace(/^[-*+]\s+/gm, '').split(/\s+/).filter(Boolean)
  return all.slice(0, words).join(' ') + (all.length > words ? ' …' : '')
}
