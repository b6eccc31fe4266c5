import { numberSteps, type PathStep } from '../protocol/number-steps.js'

export type { PathStep } from '../protocol/number-steps.js'

/**
 * Clauses cited the way bodies cite them: by any unit word — paragraph,
 * clause, section, article, rule, standing order, regulation, by-law, item,
 * subsection, schedule … — and by compound numbers: `3(f)`, `12.6.1(iv)`,
 * `8.2.vi`, `Article IV, Section 2`, `subsection (2)(b)`, `paragraph f of
 * clause 7.12`; lists (`paragraphs 10.5 and 10.6`) and ranges
 * (`paragraphs 10.5 to 10.7`).
 */

/** The unit words a body may cite a clause by, longest first (so "standing order" wins over "order"). */
export const UNIT_WORDS = [
  'standing orders',
  'standing order',
  'sub-paragraphs',
  'sub-paragraph',
  'subparagraphs',
  'subparagraph',
  'sub-sections',
  'sub-section',
  'subsections',
  'subsection',
  'sub-clauses',
  'sub-clause',
  'subclauses',
  'subclause',
  'sub-rules',
  'sub-rule',
  'paragraphs',
  'paragraph',
  'para.',
  'paras',
  'para',
  'clauses',
  'clause',
  'sections',
  'section',
  'articles',
  'article',
  'regulations',
  'regulation',
  'by-laws',
  'by-law',
  'bylaws',
  'bylaw',
  'byelaws',
  'byelaw',
  'rules',
  'rule',
  'items',
  'item',
  'schedules',
  'schedule',
  'parts',
  'part',
  'chapters',
  'chapter',
  'orders',
  'order',
  'sub-items',
  'sub-item',
  'points',
  'point',
  'provisions',
  'provision',
  's.',
  'so',
  'art.',
  'reg.',
  'cl.',
  '§§',
  '§'
] as const

/** A cited clause: its number as a path of steps, and how it was written. */
export interface ClausePath {
  /** The steps, outermost first: `3(f)` → ["3", "f"]; `Article IV, Section 2` → ["iv", "2"]. */
  path: PathStep[]
  /** The citation as written, for messages: "Standing Order 3(f)". */
  text: string
  /** The unit word of the innermost step as written ("standing order", "section"), '' for a bare number. */
  unit: string
  /** A clause named by its ID instead of a number: "paragraph c3-7". */
  id?: string
  /** A definition named by its term instead of a number: "the definition of “consumers”". */
  definition?: string
  /** A heading named by its words instead of a number: "the section headed “Officers”". */
  heading?: string
  /** The title in brackets after the number, as the Commons print it: "Standing Order No. 18 (Business of Supply)". */
  title?: string
}

/** One clause, a list of clauses, or a range of them. */
export type Cited = { type: 'one'; clause: ClausePath } | { type: 'list'; clauses: ClausePath[] } | { type: 'range'; from: ClausePath; to: ClausePath }

const UNIT = new RegExp(`^(?:${UNIT_WORDS.map((word) => word.replace(/\./g, '\\.').replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`, 'iu')
const NUMBER = /^(?:(?:[A-Z]|[IVXLC]+)(?:\.\d+[A-Z]?)+(?![\d])(?:\([a-z0-9]{1,6}\))*|\d+[A-Z]?(?:\.\d+[A-Z]?)*(?:\.[a-z]{1,5})*(?:\([a-z0-9]{1,6}\))*|\([a-z0-9]{1,6}\)(?:\([a-z0-9]{1,6}\))*|[IVXLC]+(?![a-z])|[ivxlc]{1,6}(?![a-z])(?:\([a-z0-9]{1,6}\))*|[a-z](?![a-z]))/i

/** A unit word at the start of `text`, as written ('' when there is none). */
export function unitAt(text: string): string {
  return UNIT.exec(text)?.[0] ?? ''
}

/**
 * Read a citation at the start of `text`: a unit word (optional when
 * `bare` is true) and a number, then more joined to it — `, Section 2`,
 * `of clause 7.12`, `and 10.6`, `to 10.7`.
 *
 * @returns the clauses cited and how many characters they took, or null when `text` does not start with a citation
 */
export function readCitation(text: string, bare = false): { cited: Cited; length: number } | null {
  const first = readOne(text, 0, bare)
  if (!first) return null
  let end = first.end
  let clause = first.clause
  // "Article IV, Section 2", "Section 2 of Article IV", "paragraph f of clause 7.12"
  for (;;) {
    const inner = /^[,.]?\s+/.exec(text.slice(end))
    const next = inner ? readOne(text, end + inner[0].length, false) : null
    if (next && next.unitRank > first.unitRank && first.unitRank >= 0) {
      clause = { path: [...clause.path, ...next.clause.path], text: text.slice(0, next.end), unit: next.clause.unit }
      end = next.end
      continue
    }
    // A bare label joins only with "of": "(a) in paragraph (1), …" is a list item's marker, then its scope.
    const of = (first.clause.unit === '' ? /^\s+of\s+(?:the\s+)?/i : /^\s+(?:of|in)\s+(?:the\s+)?/i).exec(text.slice(end))
    const outer = of ? readOne(text, end + of[0].length, false) : null
    if (outer) {
      clause = { path: [...outer.clause.path, ...clause.path], text: text.slice(0, outer.end), unit: clause.unit }
      end = outer.end
      continue
    }
    break
  }
  // A range or a list: "to 10.7", "and 10.6", ", 4.5 and 4.6" — the same unit word, or none.
  const range = /^\s*(?:to|–|-|through|until)\s*/i.exec(text.slice(end))
  if (range) {
    const to = readOne(text, end + range[0].length, true)
    if (to) return { cited: { type: 'range', from: clause, to: relativeTo(clause, to.clause) }, length: to.end }
  }
  const list: ClausePath[] = [clause]
  for (;;) {
    const join = /^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)/i.exec(text.slice(end))
    const next = join ? readOne(text, end + join[0].length, true) : null
    if (!join || !next || (next.clause.unit !== '' && !sameUnit(next.clause.unit, clause.unit))) break
    list.push(relativeTo(clause, next.clause))
    end = next.end
  }
  if (list.length > 1) return { cited: { type: 'list', clauses: list }, length: end }
  return { cited: { type: 'one', clause }, length: end }
}

/**
 * "paragraphs 10.5 and 6": a bare later number, shorter than a dotted first, is read under the first's parent.
 * "subsections (6)(a) and (7)", "(6)(a) and (b)": a later bracketed step is the sibling of the first's step of its
 * kind (a number of a number, a letter of a letter).
 */
function relativeTo(first: ClausePath, next: ClausePath): ClausePath {
  const bracketed = bracketSibling(first, next)
  if (bracketed) return bracketed
  if (next.path.length >= first.path.length || first.path.length < 2 || !/^\s*\d+$/.test(next.text.replace(/^\D*/, '')) || !/\d\.\d/.test(first.text)) return next
  return { ...next, path: [...first.path.slice(0, first.path.length - next.path.length), ...next.path] }
}

function bracketSibling(first: ClausePath, next: ClausePath): ClausePath | null {
  const [step] = next.path
  if (next.path.length !== 1 || step === undefined || first.path.length < 2 || !/^\(\w+\)$/.test(next.text.trim()) || !/\)$/.test(first.text)) return null
  const kind = (value: string): string => (/^\d+$/.test(value) ? 'number' : /^[a-z]$/.test(value) ? 'letter' : 'other')
  const at = first.path.map(kind).lastIndexOf(kind(step))
  if (at < 0 || kind(step) === 'other') return null
  return { ...next, path: [...first.path.slice(0, at), step] }
}

function sameUnit(a: string, b: string): boolean {
  const base = (unit: string): string => unit.toLowerCase().replace(/\s+/g, ' ').replace(/s$/, '')
  return base(a) === base(b)
}

/** How units nest, outermost first: a later unit in "Article IV, Section 2" is inside the earlier. */
const RANKS = ['part', 'chapter', 'schedule', 'article', 'standing order', 'rule', 'regulation', 'by-law', 'section', 'clause', 'paragraph', 'subsection', 'sub-section', 'sub-clause', 'subclause', 'sub-paragraph', 'subparagraph', 'item', 'sub-item', 'point']

function unitRank(unit: string): number {
  const base = unit.toLowerCase().replace(/\s+/g, ' ').replace(/s$/, '').replace(/^bylaw$|^byelaw$|^by-law$/, 'by-law').replace(/^para\.?$/, 'paragraph')
  return RANKS.indexOf(base)
}

function readOne(text: string, at: number, bare: boolean): { clause: ClausePath; end: number; unitRank: number } | null {
  const rest = text.slice(at)
  const unit = UNIT.exec(rest)
  if (!unit && !bare) return null
  // "Standing Order No. 14", "S.O. Nos. 3 and 4": the number marker after the unit word.
  const afterUnit = unit ? unit[0].length + (/^\s*(?:(?:no|nos|number)\.?\s*(?=\d))?/i.exec(rest.slice(unit[0].length))?.[0].length ?? 0) : 0
  // "paragraph c3-7", "clause members-and-officers": a clause ID (lowercase, with a hyphen) in place of a number.
  const id = unit ? /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\p{L}\p{N}-])/u.exec(rest.slice(afterUnit)) : null
  if (unit && id) {
    const end = at + afterUnit + id[0].length
    return { clause: { path: [], text: text.slice(at, end), unit: unit[0].toLowerCase().replace(/\s+/g, ' '), id: id[0] }, end, unitRank: unitRank(unit[0]) }
  }
  const number = NUMBER.exec(rest.slice(afterUnit))
  if (!number) return null
  // A sentence's full stop is not part of the number ("paragraph 3.5."), nor is a bare word ("a", "I").
  let written = number[0].replace(/\.$/, '')
  // "Standing Order No. 1 (4)", as Hansard prints it: a bracketed step after a space, when a unit word was said.
  // Only item labels — "(4)", "(4A)", "(b)", "(iv)" — never a title in brackets: "Standing Order No. 18 (Business of Supply)".
  const spaced = unit ? /^(?: \((?:\d{1,3}[A-Z]?|[a-z]{1,2}|[ivxlc]{1,6})\)(?![\p{L}\p{N}]))+/iu.exec(rest.slice(afterUnit + written.length)) : null
  const gap = spaced ? spaced[0].length : 0
  if (spaced) written += spaced[0].replace(/ /g, '')
  if (!unit && /^[a-z]$/i.test(written)) return null
  if (/^[a-z]$/i.test(written) && /^[\p{L}]/u.test(rest.slice(afterUnit + written.length))) return null
  const steps = numberSteps(written)
  if (!steps) {
    written = written.replace(/\([^)]*\)$/, '')
    if (!numberSteps(written)) return null
  }
  const path = numberSteps(written) ?? []
  const end = at + afterUnit + written.length + (spaced ? gap - spaced[0].replace(/ /g, '').length : 0)
  return { clause: { path, text: text.slice(at, end), unit: unit ? unit[0].toLowerCase().replace(/\s+/g, ' ') : '' }, end, unitRank: unit ? unitRank(unit[0]) : -1 }
}
