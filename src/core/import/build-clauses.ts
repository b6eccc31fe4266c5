import { isFirstNumber, isNextNumber, numberKey, unitPrefix } from '../protocol/clause-number.js'
import type { Unit } from './read-units.js'
import type { ImportNote } from './types.js'

/** A clause as the importer builds it, before it is written as Markdown. */
export interface DraftClause {
  kind: 'heading' | 'paragraph'
  line: number
  number: string
  /** The first line's words after the number. */
  text: string
  level: number
  /** How far the clause's first line was indented in the source (0 but for nested list items). */
  indent: number
  /** What follows the first line: paragraphs, item runs, sub-items, tables. */
  content: Unit[]
  parent: DraftClause | null
}

const NUMERIC = /^\d+(?:\.\d+)*\.?$/

/**
 * Group units into clauses. A heading is a clause; a numbered paragraph
 * starts one and keeps the prose, lists, tables and lettered sub-items
 * (a., b., (i)) that follow it; an unnumbered paragraph after a heading, or
 * after another unnumbered paragraph that does not end with a colon, is a
 * clause of its own ("Nothing in this protocol …").
 */
export function buildClauses(units: Unit[]): DraftClause[] {
  const clauses: DraftClause[] = []
  const headings: DraftClause[] = []
  titlesOverNumbered(units)
  const levels = headingLevels(units)
  let current: DraftClause | null = null
  const nextNumbered = nextIndexes(units, (other) => other.type === 'numbered')
  units.forEach((unit, index) => {
    if (unit.type === 'heading') {
      const level = levels.get(index) ?? 2
      while ((headings.at(-1)?.level ?? 0) >= level) headings.pop()
      const heading: DraftClause = { kind: 'heading', line: unit.line, number: unit.number, text: unit.text, level, indent: 0, content: [], parent: headings.at(-1) ?? null }
      clauses.push(heading)
      headings.push(heading)
      current = null
      return
    }
    const open: DraftClause | null = current
    const next = units[nextNumbered[index] ?? -1]
    if (open && continues(open, unit, next)) {
      open.content.push(unit)
      return
    }
    const first = unit.type === 'numbered' || unit.type === 'paragraph'
    const clause: DraftClause = {
      kind: 'paragraph',
      line: unit.line,
      number: unit.type === 'numbered' ? unit.number : '',
      text: first ? unit.text : '',
      level: 0,
      indent: unit.type === 'numbered' ? unit.indent : 0,
      content: first ? [] : [unit],
      parent: headings.at(-1) ?? null
    }
    clauses.push(clause)
    current = clause
  })
  return clauses
}

function continues(open: DraftClause, unit: Unit, next: Unit | undefined): boolean {
  if (unit.type === 'numbered') {
    if (open.number === '') return false
    // An item indented under the clause ("1. Definitions" then "    1. The society …") belongs to it.
    if (unit.indent > open.indent) return true
    // A finer scheme belongs to the clause before it: (a) under (1) or 3.2, (iv) under (b); the same scheme starts a new clause.
    return schemeRank(unit.number, open, next?.type === 'numbered' ? next.number : '') > schemeRank(open.number, null)
  }
  if (unit.type === 'item' || unit.type === 'table') return true
  if (open.number !== '') return true
  const last = open.content.at(-1)
  const lastText = last && 'text' in last ? last.text : open.text
  return lastText.trimEnd().endsWith(':')
}

/**
 * Markdown levels for headings: from the number's depth for numbered ones
 * ("1." → 2, "2.1" → 3, "21.2.1" → 4), whatever level the source wrote; an
 * unnumbered heading above numbered ones written a level higher ("## SECTION
 * 21" over "### 21.") is level 1, any other unnumbered heading level 2.
 */
function headingLevels(units: Unit[]): Map<number, number> {
  const levels = new Map<number, number>()
  // Unit words nest in the order the document first uses them: Article, then Section within it.
  const order: string[] = []
  const nextHeading = nextIndexes(units, (other) => other.type === 'heading')
  // The level of the last part numbered in roman ("II. Membership"), whose sections are numbered 1., 2.
  let romanPart: number | null = null
  units.forEach((unit, index) => {
    if (unit.type !== 'heading') return
    const unit_ = unitPrefix(unit.number).trim().toLowerCase()
    if (unit_ !== '') {
      if (!order.includes(unit_)) order.push(unit_)
      levels.set(index, Math.min(6, order.indexOf(unit_) + 2))
      return
    }
    if (NUMERIC.test(unit.number)) {
      // "1. General Meetings" after "III. Meetings": a section of the part numbered in roman, one level inside it.
      const depth = numberKey(unit.number).split('.').length
      levels.set(index, Math.min(6, romanPart === null ? depth + 1 : romanPart + depth))
      return
    }
    const next = units[nextHeading[index] ?? -1]
    const parentOfNext = unit.level !== null && next?.type === 'heading' && next.level !== null && next.level > unit.level
    const level = parentOfNext ? 1 : 2
    levels.set(index, level)
    romanPart = /^[IVXLC]+\.?$/.test(unit.number) ? level : romanPart
  })
  return levels
}

/**
 * Report numbers that do not follow from the one before at the same level
 * (seed 000's 1.1, 2.2, 1.3) or do not start their section (9.2 first in
 * section 9). They are kept as written.
 */
export function noteOddNumbers(clauses: DraftClause[]): ImportNote[] {
  const notes: ImportNote[] = []
  const previousByParent = new Map<DraftClause | null, Map<string, DraftClause>>()
  for (const clause of clauses) {
    if (clause.number === '') continue
    // Parts and the sections inside them, at one heading level, are two series: "1" follows "PART 1" as a first.
    const key = unitPrefix(clause.number).trim().toLowerCase()
    const previous = previousByParent.get(clause.parent)?.get(key)
    if (previous && previous.kind === clause.kind && !isNextNumber(previous.number, clause.number)) {
      notes.push({ line: clause.line, message: `number ${clause.number} follows ${previous.number}; kept as written` })
    } else if (!previous && clause.parent && NUMERIC.test(clause.parent.number) && NUMERIC.test(clause.number)) {
      const section = numberKey(clause.parent.number)
      const own = numberKey(clause.number)
      if (own.startsWith(`${section}.`) && !isFirstNumber(clause.number)) {
        notes.push({ line: clause.line, message: `number ${clause.number} is the first in section ${section}; kept as written` })
      }
    }
    const series = previousByParent.get(clause.parent) ?? new Map<string, DraftClause>()
    series.set(key, clause)
    previousByParent.set(clause.parent, series)
  }
  return notes
}

/**
 * How fine a numbering scheme is: 0 for 1., 3.2 and 21.2.1, 1 for (1), 2
 * for letters (a), a., a), 3 for roman numerals (iv). A roman-looking letter
 * is a letter when it is the next letter after the clause it follows (i
 * after h, v after u); under a lettered clause, i, ii, iii are roman.
 */
function schemeRank(number: string, after: DraftClause | null, following = ''): number {
  const key = numberKey(number)
  if (NUMERIC.test(number) || /^\d+$/.test(key)) return /^\(/.test(number) ? 1 : 0
  if (/^\d+[A-Z]{1,2}$/.test(key)) return 1
  const roman = /^[ivxlc]+$/i.test(key)
  if (!roman) return 2
  // (i) followed by (ii) opens a roman list, even after (h): a letter i is never followed by ii.
  const then = numberKey(following).toLowerCase()
  if (after && /^[ivx]$/i.test(key) && (then === `${key.toLowerCase()}i` || (key.toLowerCase() === 'v' && then === 'vi') || (key.toLowerCase() === 'x' && then === 'xi'))) return 3
  const previous = after ? numberKey(after.number) : ''
  if (/^[a-z]$/i.test(previous) && key.length === 1 && key.toLowerCase().charCodeAt(0) === previous.toLowerCase().charCodeAt(0) + 1) return 2
  if (after && /^[a-z]{1,2}$/i.test(previous) && !/^[ivxlc]+$/i.test(previous)) return 3
  return key.length > 1 ? 3 : 2
}

/** "SECTION 21" just before "21. Protocol …": the unit word and number are a title over the numbered heading, not a number. */
function titlesOverNumbered(units: Unit[]): void {
  const following = nextIndexes(units, (other) => other.type === 'heading' || other.type === 'numbered')
  units.forEach((unit, index) => {
    if (unit.type !== 'heading' || unit.text !== '' || unitPrefix(unit.number) === '') return
    const next = units[following[index] ?? -1]
    if (next && 'number' in next && numberKey(next.number) === numberKey(unit.number)) {
      unit.text = unit.number
      unit.number = ''
    }
  })
}

/** For each unit, the index of the first unit after it that passes `test` (-1 when none): one pass, from the end. */
function nextIndexes(units: Unit[], test: (unit: Unit) => boolean): number[] {
  const next = new Array<number>(units.length).fill(-1)
  let found = -1
  for (let index = units.length - 1; index >= 0; index -= 1) {
    next[index] = found
    const unit = units[index]
    if (unit && test(unit)) found = index
  }
  return next
}
