import { buildChangeSet, type ChangeSet, type ClauseDiff, clauseWords } from '../diff/change-set.js'
import { type DiffDocument, readDiffDocument } from '../diff/diff-document.js'
import { type ChangeSentence, describeClause, nameOf, phrases } from '../diff/describe-changes.js'
import { createParseCache, type ParseCache } from '../parse-cache.js'
import { type ApplyResult, applyMotions, type ChangedWords, type MotionInput, type MotionProblem } from './apply-motions.js'

/** One clause either motion touches: what each does to it, and how their results differ. */
export interface ComparedClause {
  id: string
  /** "paragraph 7.2", "the paragraph beginning “Nothing in this …”". */
  name: string
  /** The clause as each motion leaves it, marked against the base (null when that motion does not touch it). */
  a: ClauseDiff | null
  b: ClauseDiff | null
  /** What each motion does, said in words. */
  saysA: ChangeSentence[]
  saysB: ChangeSentence[]
  /** Where the two results differ: "A has “requesting” where B has “calling, attending or requesting”". */
  differences: string[]
  /** A's result against B's, word by word (null when they read the same). */
  between: ClauseDiff | null
}

/** The clauses two motions touch, compared, and whether one amends the other; or why they cannot both be applied. */
export type Comparison = { clauses: ComparedClause[]; amendment: 'a-amends-b' | 'b-amends-a' | null } | { problems: MotionProblem[] }

/** What motions did to a text, for comparing it with the text they made: the clauses they moved, the words they changed. */
export interface ChangeHints {
  moved?: Iterable<string>
  changedWords?: ChangedWords[]
}

/**
 * The work a comparison shares with the command it is part of: a paper applies the same motions to the same
 * text, and compares the same texts, for its other sections ({@link compareMotions} takes its work).
 */
export interface ComparisonWork {
  /** `applyMotions(text, inputs)`. */
  apply(text: string, inputs: MotionInput[]): ApplyResult
  /** The change set from one text to another (its labels empty), told what motions did. */
  changeSet(before: string, after: string, hints?: ChangeHints): ChangeSet
}

/**
 * Two competing motions (or a motion and an amendment to it), each applied
 * on its own to the same base text, compared clause by clause: what each
 * does, in the words a council report uses, and every difference between
 * the two results. With an amendment, B is the motion as amended.
 *
 * @param work how motions are applied and texts compared: by default directly, each text parsed once; a paper
 *   gives its own, so that what its other sections applied and compared is not done again
 */
export function compareMotions(baseText: string, a: MotionInput, b: MotionInput, work: ComparisonWork = comparisonWork()): Comparison {
  const amendment = b.motion.amends === a.motion.id ? 'b-amends-a' : a.motion.amends === b.motion.id ? 'a-amends-b' : null
  const resultA = work.apply(baseText, amendment === 'a-amends-b' ? [b, a] : [a])
  const resultB = work.apply(baseText, amendment === 'b-amends-a' ? [a, b] : [b])
  const problems = [...('problems' in resultA ? resultA.problems : []), ...('problems' in resultB ? resultB.problems : [])]
  if ('problems' in resultA || 'problems' in resultB) return { problems }
  // What each motion does is said from its operations: the words each changed, the clauses it moved.
  const changesA = work.changeSet(baseText, resultA.text, toldOf(resultA))
  const changesB = work.changeSet(baseText, resultB.text, toldOf(resultB))
  const byA = new Map(changesA.clauses.filter(touched).map((clause) => [clause.id, clause]))
  const byB = new Map(changesB.clauses.filter(touched).map((clause) => [clause.id, clause]))
  const differing = betweenWords(changesA, changesB, resultA.changedWords, resultB.changedWords)
  const between = new Map(work.changeSet(resultA.text, resultB.text, { changedWords: differing }).clauses.map((clause) => [clause.id, clause]))
  const ids = [...new Set([...byA.keys(), ...byB.keys()])]
  const clauses = ids.map((id): ComparedClause => {
    const clauseA = byA.get(id) ?? null
    const clauseB = byB.get(id) ?? null
    const unit = (clauseA ?? clauseB)?.before ?? (clauseA ?? clauseB)?.after
    return {
      id,
      name: unit ? nameOf(unit) : id,
      a: clauseA,
      b: clauseB,
      saysA: clauseA ? describeClause(clauseA) : [],
      saysB: clauseB ? describeClause(clauseB) : [],
      differences: differencesOf(between.get(id)),
      between: touchedOrNull(between.get(id))
    }
  })
  return { clauses, amendment }
}

/**
 * Applying and comparing directly, each text parsed once through `parsed` and read for comparing once.
 *
 * @param parsed the command's parsed texts (a new cache when not given)
 */
export function comparisonWork(parsed: ParseCache = createParseCache()): ComparisonWork {
  const documents = new Map<string, DiffDocument>()
  const read = (text: string): DiffDocument => {
    const document = documents.get(text) ?? readDiffDocument(text, parsed)
    documents.set(text, document)
    return document
  }
  return {
    apply: (text, inputs) => applyMotions(text, inputs, { parsed }),
    changeSet: (before, after, hints = {}) => buildChangeSet(read(before), read(after), { before: '', after: '' }, hints)
  }
}

/**
 * Where only one motion changed a clause, A's result and B's differ there by that motion's operations: B's as
 * they are, A's undone. These are the words that differ, placed in A's text of the clause (offsets in its
 * source), so that the difference is said as the motion put it ("only A has “in writing”, after “conduct”"),
 * not as a word diff would guess it (“writing in”). Where both changed a clause, neither motion's operations
 * lead from one result to the other, and its words are compared as they read.
 */
function betweenWords(changesA: ChangeSet, changesB: ChangeSet, wordsA: ChangedWords[], wordsB: ChangedWords[]): ChangedWords[] {
  const inA = new Map(changesA.clauses.map((clause) => [clause.id, clause]))
  const inB = new Map(changesB.clauses.map((clause) => [clause.id, clause]))
  const words: ChangedWords[] = []
  for (const [id, edits] of byClause(wordsB)) {
    // A left the clause as it was: B's operations lead from A's words to B's, moved to where A's body starts.
    const kept = inA.get(id)
    if (inB.get(id)?.type !== 'changed' || kept?.type !== 'unchanged') continue
    const from = kept.before?.bodyAt
    const to = kept.after?.bodyAt
    if (from === undefined || to === undefined || edits.some((edit) => edit.start < from)) continue
    words.push(...edits.map((edit) => ({ id, start: edit.start - from + to, end: edit.end - from + to, text: edit.text })))
  }
  for (const [id, edits] of byClause(wordsA)) {
    // B left the clause as it was: A's operations undone lead from A's words back to the clause's words.
    const changed = inA.get(id)
    if (inB.get(id)?.type !== 'unchanged' || changed?.type !== 'changed' || !changed.before) continue
    const { body, bodyAt: from } = changed.before
    const to = changed.after?.bodyAt
    if (from === undefined || to === undefined || edits.some((edit) => edit.start < from)) continue
    let shift = to - from
    for (const edit of edits) {
      words.push({ id, start: edit.start + shift, end: edit.start + shift + edit.text.length, text: body.slice(edit.start - from, edit.end - from) })
      shift += edit.text.length - (edit.end - edit.start)
    }
  }
  return words
}

/** Operations on words by the clause they change, each clause's in the order of its words. */
function byClause(words: ChangedWords[]): Map<string, ChangedWords[]> {
  const clauses = new Map<string, ChangedWords[]>()
  for (const edit of words) clauses.set(edit.id, [...(clauses.get(edit.id) ?? []), edit])
  for (const edits of clauses.values()) edits.sort((a, b) => a.start - b.start)
  return clauses
}

function toldOf(result: Extract<ApplyResult, { text: string }>): ChangeHints {
  return { moved: result.moved, changedWords: result.changedWords }
}

function touchedOrNull(clause: ClauseDiff | undefined): ClauseDiff | null {
  return clause && touched(clause) ? clause : null
}

function touched(clause: ClauseDiff): boolean {
  return clause.type !== 'unchanged' && clause.type !== 'moved-away'
}

/** The differences between A's result and B's in one clause, as sentences. */
function differencesOf(clause: ClauseDiff | undefined): string[] {
  if (!clause || clause.type === 'unchanged' || clause.type === 'moved-away') return []
  if (clause.type === 'inserted') return [`only B has ${clause.after ? nameOf(clause.after) : 'this clause'}`]
  if (clause.type === 'deleted') return [`only A has ${clause.before ? nameOf(clause.before) : 'this clause'}`]
  const said: string[] = []
  if (clause.renumbered) said.push(`A numbers it ${clause.before?.number || '(none)'} where B numbers it ${clause.after?.number || '(none)'}`)
  for (const phrase of phrases(clauseWords(clause.type === 'moved' ? { ...clause, type: 'changed' } : clause))) {
    const inA = phrase.before.replace(/\s+/g, ' ').trim()
    const inB = phrase.after.replace(/\s+/g, ' ').trim()
    // Words on one side only are placed by the kept words beside them.
    const where = phrase.following ? `, before “${phrase.following}”` : phrase.preceding ? `, after “${phrase.preceding}”` : ''
    if (inA && inB) said.push(`A has “${inA}” where B has “${inB}”`)
    else if (inB) said.push(`only B has “${inB}”${where}`)
    else if (inA) said.push(`only A has “${inA}”${where}`)
  }
  return said
}
