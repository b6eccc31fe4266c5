import { anchor } from '../protocol/clause-id.js'
import { splitClauseNumber } from '../protocol/clause-number.js'

/** A clause a motion inserts, as written in its block quote. */
export interface NewClause {
  id: string
  /** The clause as it will stand in the protocol (anchor, number if given, words). */
  source: string
  /** Whether the quote gave the number ("3.7 In their dealings …"). */
  numbered: boolean
  heading: boolean
}

/**
 * Turn the paragraphs of a motion's block quote into clauses: a paragraph
 * opening with a number, or a heading (`## 4. Media`), starts a clause; an
 * unnumbered paragraph or a list after a numbered one belongs to it, as in
 * an imported text; otherwise each unnumbered paragraph is a clause.
 *
 * @param paragraphs the quoted paragraphs
 * @param newId gives the next unused clause ID
 */
export function newClauses(paragraphs: string[], newId: () => string): NewClause[] {
  const clauses: NewClause[] = []
  for (const quoted of paragraphs) {
    // A paragraph copied with its ID anchor (`<a id="c1-1"></a>7.4 …`) is a new clause: it gets a new ID, not that one.
    const paragraph = quoted.replace(/^(#{1,6}[ \t]+)?<a id="[^"]*"><\/a>[ \t]*/, '$1')
    const heading = /^(#{1,6})[ \t]+(.*)$/s.exec(paragraph)
    const words = heading ? (heading[2] ?? '') : paragraph
    const { number } = splitClauseNumber(words, heading !== null)
    const last = clauses.at(-1)
    const isList = /^[-*+][ \t]/.test(paragraph)
    if (!heading && last && !last.heading && (isList || (number === '' && last.numbered))) {
      last.source += `\n\n${paragraph}`
      continue
    }
    const id = newId()
    clauses.push({
      id,
      source: heading ? `${heading[1]} ${anchor(id)}${words}` : `${anchor(id)}${paragraph}`,
      numbered: number !== '',
      heading: heading !== null
    })
  }
  return clauses
}
