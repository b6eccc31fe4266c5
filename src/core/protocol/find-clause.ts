import { editDistance } from '../edit-distance.js'
import { numberKey } from './clause-number.js'
import { clauseOpening, normalizeWords } from './clause-opening.js'
import type { Clause, Protocol } from './types.js'

export type FindResult =
  | { found: Clause }
  | { ambiguous: Clause[] }
  | { missing: true; nearby: Clause[] }

/**
 * Find a clause by ID (`c3-9`), by number (`3.9`, `21.2.1`, `a.`), or by
 * its opening words ("Nothing in this protocol", any case). A number shared
 * by several clauses, or words opening several, are ambiguous; nothing is
 * guessed.
 */
export function findClause(protocol: Protocol, selector: string): FindResult {
  const wanted = selector.trim()
  const byId = protocol.all.find((clause) => clause.id === wanted)
  if (byId) return { found: byId }
  const key = numberKey(wanted)
  const byNumber = protocol.all.filter((clause) => clause.number !== '' && numberKey(clause.number) === key)
  if (byNumber.length > 0) return pick(byNumber)
  const words = normalizeWords(wanted)
  if (words.length > 0) {
    const byWords = protocol.all.filter((clause) => normalizeWords(clauseOpening(clause)).startsWith(words))
    if (byWords.length > 0) return pick(byWords)
  }
  return { missing: true, nearby: nearby(protocol, wanted) }
}

function pick(clauses: Clause[]): FindResult {
  const [only] = clauses
  return clauses.length === 1 && only ? { found: only } : { ambiguous: clauses }
}


/**
 * Clauses near a selector that matched nothing: same section first (3.12 →
 * 3.1 … 3.9), then the closest numbers and IDs by spelling.
 */
function nearby(protocol: Protocol, wanted: string): Clause[] {
  const key = numberKey(wanted)
  const section = key.includes('.') ? key.slice(0, key.lastIndexOf('.') + 1) : ''
  const sameSection = section ? protocol.all.filter((clause) => numberKey(clause.number).startsWith(section)) : []
  if (sameSection.length > 0) return sameSection.slice(0, 12)
  return protocol.all
    .filter((clause) => clause.id !== '')
    .map((clause) => ({ clause, distance: Math.min(editDistance(key, numberKey(clause.number)), editDistance(wanted, clause.id)) }))
    .filter(({ distance: d }) => d <= Math.max(2, Math.floor(wanted.length / 2)))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 5)
    .map(({ clause }) => clause)
}
