import { numberKey } from '../protocol/clause-number.js'
import { clauseOpening, normalizeWords } from '../protocol/clause-opening.js'
import { clauseWithDescendants } from '../protocol/clause-extent.js'
import type { Clause, Protocol } from '../protocol/types.js'
import type { ClauseRef } from './types.js'

/** The clause a motion names, or why it names none (one clear sentence with what exists nearby). */
export type Resolved = { clause: Clause } | { reason: string; code: 'unknown-clause' | 'ambiguous-clause' }

/**
 * Find the clause a motion means: a number as it stands in the base text
 * (or a clause ID), or, for "the paragraph beginning …", the one clause
 * whose words open that way.
 */
export function resolveClause(protocol: Protocol, ref: ClauseRef): Resolved {
  if (ref.by === 'opening') {
    const wanted = normalizeWords(ref.value)
    const found = protocol.all.filter((clause) => normalizeWords(clauseOpening(clause)).startsWith(wanted))
    const [only] = found
    if (found.length === 1 && only) return { clause: only }
    if (found.length === 0) return { reason: `No paragraph begins “${ref.value}”`, code: 'unknown-clause' }
    return { reason: `${found.length} paragraphs begin “${ref.value}” (${found.map(label).join(', ')}); quote more of the opening words`, code: 'ambiguous-clause' }
  }
  const key = numberKey(ref.value)
  const byNumber = protocol.all.filter((clause) => clause.number !== '' && numberKey(clause.number) === key)
  const byId = protocol.all.filter((clause) => clause.id === ref.value)
  const found = byNumber.length > 0 ? byNumber : byId
  const [only] = found
  if (found.length === 1 && only) return { clause: only }
  if (found.length > 1) {
    return { reason: `${found.length} clauses are numbered ${ref.value} (${found.map(label).join(', ')}); name one by its clause ID`, code: 'ambiguous-clause' }
  }
  return { reason: `There is no paragraph ${ref.value}${nearbyNumbers(protocol, key)}`, code: 'unknown-clause' }
}

/** The clauses whose words an operation scoped to `clause` may touch: a heading's whole section. */
export function scopeClauses(clause: Clause, headingOnly: boolean): Clause[] {
  if (clause.kind !== 'heading' || headingOnly) return [clause]
  return clauseWithDescendants(clause)
}

function nearbyNumbers(protocol: Protocol, key: string): string {
  const numbered = protocol.all.filter((clause) => clause.number !== '')
  const section = key.includes('.') ? key.slice(0, key.lastIndexOf('.') + 1) : ''
  let near = section ? numbered.filter((clause) => numberKey(clause.number).startsWith(section)) : []
  if (near.length === 0) {
    const value = Number.parseFloat(key)
    near = [...numbered]
      .sort((a, b) => Math.abs(Number.parseFloat(numberKey(a.number)) - value) - Math.abs(Number.parseFloat(numberKey(b.number)) - value))
      .slice(0, 4)
  }
  return near.length > 0 ? `; the nearest are ${near.map((clause) => clause.number).join(', ')}` : ''
}

function label(clause: Clause): string {
  return `${clause.number || clause.id} at line ${clause.position.start.line}`
}
