import type { ChangeSet } from '../diff/change-set.js'
import { type DiffUnit, unitText } from '../diff/diff-document.js'
import { clauseSegments } from './clause-segments.js'
import { countNewlines } from '../text-lines.js'

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
 *
 * @param options.lines `before` to give every line in the old text, for a
 *   change not yet written (`apply --dry-run`): the file on disk is still the
 *   old text, and an inserted clause is given the line it would go in at
 */
export function renderTextDiff(changeSet: ChangeSet, marks: TextMarks, options: { lines?: 'after' | 'before' } = {}): string {
  const blocks: string[] = []
  let section = ''
  for (const [index, clause] of changeSet.clauses.entries()) {
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
    const old = options.lines === 'before'
    const label = clause.after && !old ? changeSet.after.label : changeSet.before.label
    const line = old ? (clause.before?.line ?? insertionLine(changeSet, index)) : unit.line
    const where = `${label}:${line}${unit.kind === 'heading' || under === '' ? '' : `: ${under}`}`
    blocks.push(`${marks.location(where)}\n${clause.type === 'moved' ? `${text} (moved)` : text}`)
  }
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : ''
}

/** Where in the old text an inserted clause goes: the line of the next clause there, or the line after the last. */
function insertionLine(changeSet: ChangeSet, index: number): number {
  for (let at = index + 1; at < changeSet.clauses.length; at++) {
    const next = changeSet.clauses[at]
    if (next?.type !== 'inserted' && next?.before) return next.before.line
  }
  const last = changeSet.clauses.findLast((clause) => clause.before)?.before
  return last ? last.line + countNewlines(unitText(last) + last.trailing) : 1
}

/** A heading as read: its number and first line of words, shortened past 60 characters. */
function headingText(unit: DiffUnit): string {
  const words = `${unit.number}${unit.gap}${unit.body.split('\n')[0] ?? ''}`.trim()
  return words.length > 60 ? `${words.slice(0, 59).trimEnd()}…` : words
}
