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
export function describeClause(clause: ClauseDiff): ChangeSentence[] {
  const unit = clause.after ?? clause.before
  if (!unit || clause.type === 'unchanged' || clause.type === 'moved-away') return []
  const place = placeOf(clause.before ?? unit)
  const say = (action: string): ChangeSentence => ({ id: clause.id, place, action })
  if (clause.type === 'inserted') return [{ id: clause.id, place: '', action: `inserts a new ${kindOf(unit)}${unit.number ? ` ${unit.number}` : ''}: “${opening(unit.body, 12)}”` }]
  if (clause.type === 'deleted') return [{ id: clause.id, place: '', action: `leaves out ${nameOf(unit)}` }]
  const sentences: ChangeSentence[] = []
  if (clause.type === 'moved') sentences.push({ id: clause.id, place: '', action: `moves ${nameOf(clause.before ?? unit)}${clause.after?.number ? ` to become ${clause.after.number}` : ''}` })
  else if (clause.renumbered && clause.before && clause.after) sentences.push({ id: clause.id, place: '', action: `renumbers ${clause.before.number || 'an unnumbered paragraph'} as ${clause.after.number || 'unnumbered'}` })
  for (const phrase of phrases(clause.type === 'moved' ? clauseWords({ ...clause, type: 'changed' }) : clauseWords(clause))) {
    const before = tidy(phrase.before)
    const after = tidy(phrase.after)
    if (before && after) sentences.push(say(`replaces the phrase “${before}” with “${after}”`))
    else if (after) sentences.push(say(`adds the phrase “${after}”`))
    else if (before) sentences.push(say(`leaves out the phrase “${before}”`))
  }
  return sentences
}

/** Changes grouped into phrases: runs of changes with at most JOIN_WORDS kept words between them, those words on both sides. */
export function phrases(parts: WordPart[]): Array<{ before: string; after: string }> {
  const result: Array<{ before: string; after: string }> = []
  let current: { before: string; after: string } | null = null
  let pending = ''
  parts.forEach((part, index) => {
    if (part.type === 'same') {
      if (!current) return
      const words = part.text.trim().split(/\s+/).filter(Boolean).length
      const more = parts.slice(index + 1).some((next) => next.type !== 'same')
      if (words <= JOIN_WORDS && more && !/[.;:]\s*$/.test(part.text)) {
        pending += part.text
        return
      }
      result.push(current)
      current = null
      pending = ''
      return
    }
    if (!current) current = { before: '', after: '' }
    if (pending) {
      current.before += pending
      current.after += pending
      pending = ''
    }
    if (part.type === 'deleted') current.before += part.text
    else current.after += part.text
  })
  if (current) result.push(current)
  return result
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/^[,;]\s*/, '')
}

function kindOf(unit: DiffUnit): string {
  return unit.kind === 'heading' ? 'heading' : 'paragraph'
}

/** "paragraph 3.5", "the paragraph beginning “Nothing in this protocol”". */
export function nameOf(unit: DiffUnit): string {
  return unit.number ? `${kindOf(unit)} ${unit.number}` : `the ${kindOf(unit)} beginning “${opening(unit.body, 4)}”`
}

function placeOf(unit: DiffUnit): string {
  return `In ${nameOf(unit)}`
}

function opening(text: string, words: number): string {
  const all = text.replace(/^[-*+]\s+/gm, '').split(/\s+/).filter(Boolean)
  return all.slice(0, words).join(' ') + (all.length > words ? ' …' : '')
}
