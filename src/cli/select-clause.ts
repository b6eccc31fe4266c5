import { readCitation } from '../core/motion/citation.js'
import { resolveClause, type Resolved } from '../core/motion/resolve-clause.js'
import { findClause, type FindResult } from '../core/protocol/find-clause.js'
import type { Protocol } from '../core/protocol/types.js'

/**
 * The clause a command line names, as `show` reads it: a clause ID, a number as written or opening words
 * (`findClause`), or else a citation as the text's own body writes it ("3(f)", "Standing Order 3(u)", "Article IV,
 * Section 2"). `resolved` is the citation's place, an item inside a clause when it names one.
 */
export function selectClause(protocol: Protocol, selector: string): FindResult & { resolved?: Extract<Resolved, { clause: unknown }> } {
  const result = findClause(protocol, selector)
  if ('found' in result) return result
  const cited = citedPlace(protocol, selector)
  return cited ? { found: cited.clause, resolved: cited } : result
}

/** A citation of one clause or item, read whole from `selector` and found in the text. */
function citedPlace(protocol: Protocol, selector: string): Extract<Resolved, { clause: unknown }> | null {
  const read = readCitation(selector.trim(), true)
  if (!read || read.length < selector.trim().replace(/[.]$/, '').length || read.cited.type !== 'one') return null
  const clause = read.cited.clause
  const resolved = resolveClause(protocol, clause.id !== undefined ? { by: 'id', value: clause.id } : { by: 'path', path: clause.path, text: clause.text, unit: clause.unit })
  return 'reason' in resolved ? null : resolved
}
