import type { Clause } from './types.js'
import { countNewlines } from '../text-lines.js'

/** A link from one clause to another: `see paragraph [7.2](#c7-2)`. */
export interface CrossReference {
  /** The target clause ID. */
  id: string
  /** The number the link text shows, or '' when it shows none. */
  number: string
  /** Where the link starts. */
  place: { line: number; column: number }
}

/** A Markdown link to a clause: `[7.2](#c7-2)`; group 1 the text, group 2 the ID. */
export const LINK_PATTERN = /\[([^\]\n]*)\]\(#([^)\s]*)\)/g
const NUMBER_IN_TEXT = /^(?:\d+(?:\.\d+)*\.?|\(?[a-z]{1,4}\))$/

/**
 * The cross-references in a clause: Markdown links whose target is `#id`.
 * A link text that is a clause number is the number the reader sees, and
 * renumbering rewrites it.
 */
export function findCrossReferences(clause: Clause): CrossReference[] {
  const references: CrossReference[] = []
  for (const match of clause.source.matchAll(LINK_PATTERN)) {
    const index = match.index
    const before = clause.source.slice(0, index)
    const line = clause.position.start.line + countNewlines(before)
    const column = index - before.lastIndexOf('\n')
    const text = match[1] ?? ''
    references.push({ id: match[2] ?? '', number: NUMBER_IN_TEXT.test(text) ? text : '', place: { line, column } })
  }
  return references
}
