import type { ClauseChange } from '../diff/compare-clauses.js'
import { diffWords } from '../diff/diff-words.js'

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
 * when inserted or left out. Unchanged clauses are left out.
 */
export function renderTextDiff(changes: ClauseChange[], marks: TextMarks): string {
  const blocks: string[] = []
  for (const change of changes) {
    if (change.type === 'unchanged') continue
    if (change.type === 'inserted') {
      blocks.push(marks.inserted(joinNumber(change.numberAfter, change.after)))
      continue
    }
    if (change.type === 'deleted') {
      blocks.push(marks.deleted(joinNumber(change.numberBefore, change.before)))
      continue
    }
    const number =
      change.numberBefore === change.numberAfter
        ? change.numberAfter
        : `${change.numberBefore ? marks.deleted(change.numberBefore) : ''}${change.numberAfter ? marks.inserted(change.numberAfter) : ''}`
    const words = diffWords(change.before, change.after)
      .map((part) => (part.type === 'same' ? part.text : part.type === 'deleted' ? marks.deleted(part.text) : marks.inserted(part.text)))
      .join('')
    const moved = change.type === 'moved' ? ' (moved)' : ''
    blocks.push(`${joinNumber(number, words)}${moved}`)
  }
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : ''
}

function joinNumber(number: string, words: string): string {
  return number ? `${number} ${words}` : words
}
