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
 * @param hints what each motion's change set is told: `words`, where its operations changed words as well as
 *   which clauses it moved
 */
export function compareMotions(baseText: string, a: MotionInput, b: MotionInput, work: ComparisonWork = comparisonWork(), hints: 'moved' | 'words' = 'moved'): Comparison {
  const amendment = b.motion.amends === a.motion.id ? 'b-amends-a' : a.motion.amends === b.motion.id ? 'a-amends-b' : null
  const resultA = work.apply(baseText, amendment === 'a-amends-b' ? [b, a] : [a])
  const resultB = work.apply(baseText, amendment === 'b-amends-a' ? [a, b] : [b])
  const problems = [...('problems' in resultA ? resultA.problems : []), ...('problems' in resultB ? resultB.problems : [])]
  if ('problems' in resultA || 'problems' in resultB) return { problems }
  const told = (result: Extract<ApplyResult, { text: string }>): ChangeHints => (hints === 'words' ? { moved: result.moved, changedWords: result.changedWords } : { moved: result.moved })
  const byA = new Map(work.changeSet(baseText, resultA.text, told(resultA)).clauses.filter(touched).map((clause) => [clause.id, clause]))
  const byB = new Map(work.changeSet(baseText, resultB.text, told(resultB)).clauses.filter(touched).map((clause) => [clause.id, clause]))
  const between = new Map(work.changeSet(resultA.text, resultB.text).clauses.map((clause) => [clause.id, clause]))
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
