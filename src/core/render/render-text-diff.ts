import type { ChangeSet } from '../diff/change-set.js'
import type { DiffUnit } from '../diff/diff-document.js'
import { clauseSegments } from './clause-segments.js'

/** How to mark struck and inserted words on a terminal or in plain text. */
export interface TextMarks {
  deleted: (text: string) => string
  inserted: (text: string) => string
  /** The line that says where a changed clause is. */
  location: (text: string) => string
}

/** Red struck and green underlined, for a terminal that shows colour. */
export const COLOUR_MARKS: TextMarks = {
  deleted: (text) => `\u001b[9;31m${text}\u001b[0m`,
  inserted: (text) => `\u001b[4;32m${text}\u001b[0m`,
  location: (text) => `\u001b[36m${text}\u001b[0m`
}

/** wdiff's plain marks, for pipes, files and NO_COLOR: [-struck-] {+inserted+}. */
export const PLAIN_MARKS: TextMarks = {
  deleted: (text) => `[-${text}-]`,
  inserted: (text) => `{+${text}+}`,
  location: (text) => text
}

/**
 * The clauses that changed, as a reader would mark them: struck and
 * inserted words, `[-3.7-]{+3.9+}` for a new number, whole clauses marked
 * when inserted or left out, a moved clause where it now stands. Unchanged
 * clauses are left out. Each is headed by where it is, as `grep` and
 * compilers say it: `protocols/uttlesford.md:14: 1. Introduction` (the new
 * text's line, or the old text's for a clause left out, and the heading the
 * clause is under).
 */
export function renderTextDiff(changeSet: ChangeSet, marks: TextMarks): string {
  const blocks: string[] = []
  let section = ''
  for (const clause of changeSet.clauses) {
    if (clause.type === 'moved-away') continue
    const unit = clause.after ?? clause.before
    const under = section
    if (unit?.kind === 'heading') section = headingText(unit)
    if (clause.type === 'unchanged' || !unit) continue
    const segments = clause.type === 'moved' ? clauseSegments({ ...clause, type: 'changed' }) : clauseSegments(clause)
    const text = segments
      .map((part) => (part.type === 'same' ? part.text : marks[part.type](part.text)))
      .join('')
      .replace(/^#{1,6}[ \t]+/, '')
    const label = clause.after ? changeSet.after.label : changeSet.before.label
    const where = `${label}:${unit.line}${unit.kind === 'heading' || under === '' ? '' : `: ${under}`}`
    blocks.push(`${marks.location(where)}\n${clause.type === 'moved' ? `${text} (moved)` : text}`)
  }
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : ''
}

/** A heading as read: its number and first line of words, shortened past 60 characters. */
function headingText(unit: DiffUnit): string {
  const words = `${unit.number}${unit.gap}${unit.body.split('\n')[0] ?? ''}`.trim()
  return words.length > 60 ? `${words.slice(0, 59).trimEnd()}…` : words
}
