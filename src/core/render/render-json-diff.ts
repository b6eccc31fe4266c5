import { type ChangeSet, summarizeChanges } from '../diff/change-set.js'
import type { DiffUnit } from '../diff/diff-document.js'
import type { WordPart } from '../diff/diff-words.js'
import { clauseSegments } from './clause-segments.js'

/** The name and version of the JSON change set's schema (README, "The change set as JSON"). */
export const CHANGE_SET_SCHEMA = 'keeling-change-set/1'

/** One side of a clause in the JSON change set. */
export interface ClauseSideJson {
  number: string
  kind: 'heading' | 'paragraph'
  /** The clause as a reader has it: number and words, no ID anchor. */
  text: string
  /** The blank lines after it. */
  trailing: string
  /** Its first line in the compared file. */
  line: number
}

/** One clause of the JSON change set. */
export interface ClauseDiffJson {
  type: 'unchanged' | 'changed' | 'inserted' | 'deleted' | 'moved' | 'moved-away'
  id: string
  renumbered: boolean
  before: ClauseSideJson | null
  after: ClauseSideJson | null
  /** The whole clause in runs: joining `same` and `inserted` gives `after.text`; `same` and `deleted` give `before.text`. */
  words: WordPart[]
  attribution: ChangeSet['clauses'][number]['attribution']
}

/**
 * The change set as JSON, with stable field names: the two texts, a count
 * of each kind of change, and every clause in reading order with its runs
 * of kept, struck and inserted words.
 */
export function renderJsonDiff(changeSet: ChangeSet): string {
  const clauses = changeSet.clauses.map(
    (clause): ClauseDiffJson => ({
      type: clause.type,
      id: clause.id,
      renumbered: clause.renumbered,
      before: side(clause.before),
      after: side(clause.after),
      words: clause.type === 'moved' ? clauseSegments({ ...clause, type: 'changed' }) : clauseSegments(clause),
      attribution: clause.attribution
    })
  )
  const json = {
    schema: CHANGE_SET_SCHEMA,
    before: changeSet.before,
    after: changeSet.after,
    alignedBy: changeSet.alignedBy,
    summary: summarizeChanges(changeSet),
    clauses
  }
  return `${JSON.stringify(json, null, 2)}\n`
}

function side(unit: DiffUnit | null): ClauseSideJson | null {
  if (!unit) return null
  return { number: unit.number, kind: unit.kind, text: unit.head + unit.number + unit.gap + unit.body, trailing: unit.trailing, line: unit.line }
}
