import type { ChangeSet } from '../diff/change-set.js'
import { clauseSegments } from './clause-segments.js'

/** How to mark struck and inserted words on a terminal or in plain text. */
export interface TextMarks {
  deleted: (text: string) => string
  inserted: (text: string) => string
}

/** Red struck and green underlined, for a terminal that shows colour. */
export const COLOUR_MARKS: TextMarks = {
  deleted: (text) => `\u001b[9;31m${text}\u001b[0m`,
  inserted: (text) => `\u001b[4;32m${text}\u001b[0m`
}

/** wdiff's plain marks, for pipes, files and NO_COLOR: [-struck-] {+inserted+}. */
export const PLAIN_MARKS: TextMarks = {
  deleted: (text) => `[-${text}-]`,
  inserted: (text) => `{+${text}+}`
}

/**
 * The clauses that changed, as a reader would mark them: struck and
 * inserted words, `[-3.7-]{+3.9+}` for a new number, whole clauses marked
 * when inserted or left out, a moved clause where it now stands. Unchanged
 * clauses are left out.
 */
export function renderTextDiff(changeSet: ChangeSet, marks: TextMarks): string {
  const blocks: string[] = []
  for (const clause of changeSet.clauses) {
    if (clause.type === 'unchanged' || clause.type === 'moved-away') continue
    const segments = clause.type === 'moved' ? clauseSegments({ ...clause, type: 'changed' }) : clauseSegments(clause)
    const text = segments
      .map((part) => (part.type === 'same' ? part.text : marks[part.type](part.text)))
      .join('')
      .replace(/^#{1,6}[ \t]+/, '')
    blocks.push(clause.type === 'moved' ? `${text} (moved)` : text)
  }
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : ''
}
