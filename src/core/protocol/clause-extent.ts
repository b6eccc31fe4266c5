import type { Clause } from './types.js'

/** The clause and every clause inside it, in document order. */
export function clauseWithDescendants(clause: Clause): Clause[] {
  const result = [clause]
  for (const child of clause.children) result.push(...clauseWithDescendants(child))
  return result
}

/**
 * The exact Markdown of a clause with everything that belongs to it (for a
 * heading, its whole section), as stored.
 */
export function clauseMarkdown(clause: Clause): string {
  const parts = clauseWithDescendants(clause)
  return parts.map((part, index) => part.source + (index < parts.length - 1 ? part.trailing : '')).join('')
}
