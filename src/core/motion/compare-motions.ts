import { buildChangeSet, type ClauseDiff } from '../diff/change-set.js'
import { readDiffDocument } from '../diff/diff-document.js'
import { type ChangeSentence, describeClause, nameOf, phrases } from '../diff/describe-changes.js'
import { clauseWords } from '../diff/change-set.js'
import { applyMotions, type MotionInput, type MotionProblem } from './apply-motions.js'

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

/**
 * Two competing motions (or a motion and an amendment to it), each applied
 * on its own to the same base text, compared clause by clause: what each
 * does, in the words a council report uses, and every difference between
 * the two results. With an amendment, B is the motion as amended.
 */
export function compareMotions(baseText: string, a: MotionInput, b: MotionInput): Comparison {
  const amendment = b.motion.amends === a.motion.id ? 'b-amends-a' : a.motion.amends === b.motion.id ? 'a-amends-b' : null
  const resultA = applyMotions(baseText, amendment === 'a-amends-b' ? [b, a] : [a])
  const resultB = applyMotions(baseText, amendment === 'b-amends-a' ? [a, b] : [b])
  const problems = [...('problems' in resultA ? resultA.problems : []), ...('problems' in resultB ? resultB.problems : [])]
  if ('problems' in resultA || 'problems' in resultB) return { problems }
  const base = readDiffDocument(baseText)
  const textA = readDiffDocument(resultA.text)
  const textB = readDiffDocument(resultB.text)
  const byA = new Map(buildChangeSet(base, textA, { before: '', after: '' }, { moved: resultA.moved }).clauses.filter(touched).map((clause) => [clause.id, clause]))
  const byB = new Map(buildChangeSet(base, textB, { before: '', after: '' }, { moved: resultB.moved }).clauses.filter(touched).map((clause) => [clause.id, clause]))
  const between = new Map(buildChangeSet(textA, textB, { before: 'A', after: 'B' }).clauses.map((clause) => [clause.id, clause]))
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
