import { buildChangeSet } from '../diff/change-set.js'
import { readDiffDocument, unitText } from '../diff/diff-document.js'
import type { ParseCache } from '../parse-cache.js'
import type { Drift } from './replay.js'

/** One clause where this keeling's replay of a version differs from the text stored as that version. */
export interface DriftedClause {
  version: string
  /** The clause's number, ID, or opening words. */
  clause: string
  /** The clause's line in the stored text. */
  line: number
  /** The clause as stored (the version), '' when only the replay has it. */
  stored: string
  /** The clause as this keeling's replay gives it, '' when only the stored text has it. */
  replayed: string
}

/**
 * A version's drift clause by clause: where applying its recorded motions
 * with this keeling gives other words than the text stored when it was
 * adopted. The stored text stays the version; this is for the reader.
 *
 * @param parse the command's parsed texts, when it has them (the replay read both texts)
 */
export function driftedClauses(drift: Drift, parse?: ParseCache): DriftedClause[] {
  if (drift.replayed === undefined) return []
  const changes = buildChangeSet(readDiffDocument(drift.stored, parse), readDiffDocument(drift.replayed, parse), { before: 'stored', after: 'replayed' })
  return changes.clauses
    .filter((clause) => clause.type !== 'unchanged' && clause.type !== 'moved-away')
    .map((clause) => {
      const unit = clause.before ?? clause.after
      const name = unit?.number || clause.id || `“${(unit?.body ?? '').slice(0, 30)}…”`
      return {
        version: drift.version,
        clause: name,
        line: clause.before?.line ?? clause.after?.line ?? 1,
        stored: clause.before ? unitText(clause.before) : '',
        replayed: clause.after ? unitText(clause.after) : ''
      }
    })
}
