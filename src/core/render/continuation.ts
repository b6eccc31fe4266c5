import type { ChangeSet } from '../diff/change-set.js'
import { type DiffUnit, unitText } from '../diff/diff-document.js'

/**
 * How far each clause of a change set is indented as the continuation of a list item or footnote definition in a
 * unit before it (a statute's note going on after a blank line: `[^n]: …` then `    2\.   der Richtlinie …`), or 0.
 * Read alone, such a block would be code; read in its file, it is paragraphs of the item or note, and the Word and
 * HTML renderers take that much indentation off before reading it. The clause is placed among the units of its
 * own side: the new text's, or the old text's for a clause left out.
 */
export function continuationIndents(changeSet: ChangeSet): number[] {
  const open = { before: 0, after: 0 }
  return changeSet.clauses.map((clause) => {
    const indents = { before: 0, after: 0 }
    for (const side of ['before', 'after'] as const) {
      // A moved clause stands in the old text where it was struck (its `moved-away` entry).
      const unit = side === 'before' && clause.type === 'moved' ? null : clause[side]
      if (!unit) continue
      const text = unitText(unit)
      indents[side] = open[side] > 0 && indentOf(text) >= open[side] ? open[side] : 0
      open[side] = containerIndent(unit, indents[side])
    }
    return clause.type === 'deleted' || clause.type === 'moved-away' ? indents.before : clause.after ? indents.after : indents.before
  })
}

/** The Markdown `markdown` with up to `indent` spaces taken off the start of every line (a tab counts as four). */
export function dedent(markdown: string, indent: number): string {
  if (indent === 0) return markdown
  return markdown.replace(/^[ \t]+/gm, (lead) => {
    let width = 0
    let at = 0
    while (at < lead.length && width < indent) {
      width += lead[at] === '\t' ? 4 - (width % 4) : 1
      at++
    }
    return lead.slice(at)
  })
}

/** The content indent of the last list item or footnote definition a unit opens, or of the one it goes on with; 0 for none. */
function containerIndent(unit: DiffUnit, continued: number): number {
  let indent = continued
  for (const line of dedent(unitText(unit), continued).split('\n')) {
    const opens = /^ {0,3}\[\^[^\]\s]+\]:/.test(line) ? 4 : (/^ {0,3}(?:[-*+]|\d{1,9}[.)]) {1,4}(?=\S)/.exec(line)?.[0].length ?? 0)
    if (opens > 0) indent = continued + opens
  }
  return indent
}

/** The width of a line's leading spaces and tabs (a tab to the next multiple of four). */
function indentOf(text: string): number {
  let width = 0
  for (const char of text) {
    if (char === ' ') width++
    else if (char === '\t') width += 4 - (width % 4)
    else break
  }
  return width
}
