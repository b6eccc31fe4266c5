import { clauseOpening } from '../../protocol/clause-opening.js'
import type { Clause, Protocol } from '../../protocol/types.js'
import { readCitation } from '../citation.js'
import { resolveClause } from '../resolve-clause.js'
import type { ClauseRef } from '../types.js'

/** How a drafted motion names a clause of the old text. */
export interface Citation {
  /** The clause ID. */
  id: string
  /** A citation a motion may use anywhere a clause is named: "paragraph 3.5", "section 3", "paragraph nothing-in-this-protocol". */
  text: string
  /** Opening words that name it alone ("Nothing in this protocol"), for an unnumbered clause whose words change. */
  opening?: string
  heading: boolean
}

/** How many opening words "the paragraph beginning …" may quote. */
const MOST_OPENING_WORDS = 10

/**
 * Name a clause as a clerk would, and as keeling reads it back: by its
 * number when that number is its alone ("paragraph 3.5"); an unnumbered
 * clause by its opening words ("the paragraph beginning “Nothing in this
 * protocol”") for changes to its words, and by its ID where a number is
 * needed. Each citation is resolved against the text before it is used.
 */
export function citeClause(protocol: Protocol, clause: Clause): Citation | undefined {
  const unit = unitOf(protocol, clause)
  const heading = clause.kind === 'heading'
  const byNumber = clause.number ? `${unit} ${clause.number.replace(/[.:]$/, '')}` : ''
  if (byNumber && names(protocol, byNumber, clause)) return { id: clause.id, text: byNumber, heading }
  // A number used again under other headings, cited with the numbers above it: "paragraph 93(1)", "section 5.4".
  for (const text of pathCitations(clause, unit)) if (names(protocol, text, clause)) return { id: clause.id, text, heading }
  const byId = `${unit} ${clause.id}`
  const idWorks = names(protocol, byId, clause)
  // An unnumbered heading whose ID is one word ("officers"), which no citation by ID reads: by its words.
  const byHeading = !idWorks && heading && !clause.number ? headedCitation(protocol, clause, unit) : undefined
  if (byHeading) return { id: clause.id, text: byHeading, heading }
  const opening = openingWords(protocol, clause)
  if (!idWorks && !opening) return undefined
  return { id: clause.id, text: idWorks ? byId : '', ...(opening ? { opening } : {}), heading }
}

/**
 * The word a body cites a clause by: a numbered heading is a section — a Standing Order in standing orders, a
 * rule in rules — and a sub-heading ("2.1 Members") or a paragraph is a paragraph.
 */
function unitOf(protocol: Protocol, clause: Clause): string {
  if (clause.kind !== 'heading' || /\d\.\d/.test(clause.number)) return 'paragraph'
  const title = typeof protocol.frontMatter.data['title'] === 'string' ? protocol.frontMatter.data['title'] : ''
  if (/standing orders/i.test(title)) return 'Standing Order'
  if (/\brules\b/i.test(title) && !/procedure/i.test(title)) return 'rule'
  return 'section'
}

/** Whether keeling reads `text` as a citation of `clause` and of no other. */
function names(protocol: Protocol, text: string, clause: Clause): boolean {
  const read = readCitation(text)
  if (!read || read.cited.type !== 'one' || read.length !== text.length) return false
  const cited = read.cited.clause
  const ref: ClauseRef = cited.id !== undefined ? { by: 'id', value: cited.id } : { by: 'path', path: cited.path, text: cited.text, unit: cited.unit }
  const resolved = resolveClause(protocol, ref)
  return 'clause' in resolved && resolved.item === undefined && resolved.clause.id === clause.id
}

/**
 * 'the section headed "Officers"', when those words are this heading's and no other's: in double quotes as the
 * motion's other quotes are, or single ones around words with double quotes of their own.
 */
function headedCitation(protocol: Protocol, clause: Clause, unit: string): string | undefined {
  const title = clause.title.trim()
  const quoted = !/["“”]/.test(title) ? `"${title}"` : !/['‘’]/.test(title) ? `‘${title}’` : ''
  if (title === '' || quoted === '') return undefined
  const resolved = resolveClause(protocol, { by: 'heading', title })
  return 'clause' in resolved && resolved.clause.id === clause.id ? `the ${unit} headed ${quoted}` : undefined
}

/** The fewest opening words (four at least) that only this clause opens with. */
function openingWords(protocol: Protocol, clause: Clause): string | undefined {
  if (clause.kind === 'heading') return undefined
  const words = clauseOpening(clause).split(/\s+/).filter(Boolean)
  for (let count = Math.min(4, words.length); count <= Math.min(MOST_OPENING_WORDS, words.length); count++) {
    const value = words.slice(0, count).join(' ').replace(/[,;:.]$/, '')
    if (/["“”]/.test(value)) return undefined
    const resolved = resolveClause(protocol, { by: 'opening', value })
    if ('clause' in resolved && resolved.clause.id === clause.id) return value
  }
  return undefined
}

/**
 * The numbered sub-section an unnumbered paragraph stands in ("2.1 Members" above "Members are responsible
 * …"), cited as a clerk cites it: "In paragraph 2.1, leave out …" (the quotes must then be found once in all
 * of it); so is a short section of unnumbered paragraphs ("In Standing Order 7, …"). A long top-level section
 * ("1. Introduction") is too wide: its paragraphs are cited by their opening words.
 */
export function subsectionOf(protocol: Protocol, clause: Clause): Citation | undefined {
  const parent = clause.parent
  if (clause.kind !== 'paragraph' || clause.number !== '' || !parent || parent.number === '') return undefined
  // A sub-section ("2.1"), or a short section whose paragraphs are unnumbered (a Standing Order of a few paragraphs).
  const short = parent.children.length <= 4 && parent.children.every((child) => child.kind === 'paragraph' && child.number === '')
  if (!/\d\.\d/.test(parent.number) && !short) return undefined
  const citation = citeClause(protocol, parent)
  return citation && citation.text !== '' && !citation.text.includes('-') ? citation : undefined
}

/** Citations of a clause through the numbered clauses above it, nearest first: "93(1)", "93.1", "II.1(d)". */
function pathCitations(clause: Clause, unit: string): string[] {
  if (!clause.number) return []
  const steps = [clause.number.replace(/[.:]$/, '')]
  const found: string[] = []
  for (let parent = clause.parent; parent; parent = parent.parent) {
    if (!parent.number) continue
    steps.unshift(parent.number.replace(/[.:]$/, '').replace(/^(?:§|art\.?|article)\s*/i, ''))
    const bracketed = steps.map((step, index) => (index === 0 || /^\(.*\)$/.test(step) ? step : `(${step.replace(/^\(|\)$/g, '')})`)).join('')
    const dotted = steps.map((step) => step.replace(/^\(|\)$/g, '')).join('.')
    found.push(`${unit} ${bracketed}`, `${unit} ${dotted}`)
  }
  return found
}
