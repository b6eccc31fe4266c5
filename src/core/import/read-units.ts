import { splitClauseNumber, unitPrefix } from '../protocol/clause-number.js'
import type { Block } from './remove-page-furniture.js'
import { bulletOf, endsMidSentence, isTitleCase, startsLowercase, wordCount } from './text-shape.js'

/** One piece of a document's structure, as read from its lines. */
export type Unit =
  | { type: 'heading'; line: number; number: string; text: string; level: number | null }
  | { type: 'numbered'; line: number; number: string; text: string; indent: number }
  | { type: 'paragraph'; line: number; text: string }
  | { type: 'item'; line: number; text: string; newBlock: boolean; nested?: { indent: number; marker: string } }
  | { type: 'table'; line: number; rows: string[][] }

const DATED_LINE = /^(?:adopted|approved|proposed|amended|revised|reviewed|updated|last (?:amended|revised|updated)|effective|version|dated?)\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i
/** A line of a printed table of contents: words, a leader of dots, a page number ("3 Quorum ........ 12"). */
const CONTENTS_LINE = /\S(?:[ \t]*(?:\.[ \t]?){4,}|[ \t]*…{2,}|[ \t]*(?:·[ \t]?){4,}|[ \t]*(?:_[ \t]?){4,})[ \t]*\d{1,4}[ \t]*$/
/** A Markdown heading that is only a link to another heading: an entry of a table of contents. */
const CONTENTS_HEADING = /^#{1,6}[ \t]+\[[^\]\n]+\]\(#[^)\s]+\)[ \t]*$/
const MARKDOWN_HEADING = /^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/
/** Words a heading may hold at most ("14. Unresolved issues and amendments to this Protocol"). */
const HEADING_WORDS = 10

/**
 * Read blocks of lines as headings, numbered paragraphs, prose paragraphs,
 * list items and tables. A block of one short line without a full stop
 * ("3. Working Relationships", "2.1 Members", "Officers") is a heading; lines
 * after one that ends with a colon are list items even without bullets, as
 * text copied from a Word list arrives. With `paragraphs` (a Word or PDF
 * reader's text, one block a paragraph) such a list runs on across blocks.
 */
export function readUnits(blocks: Block[], paragraphs = false): Unit[] {
  const units: Unit[] = []
  let listing = false
  blocks.forEach((block, index) => {
    // In a text, a blank line ends a list; a Word or PDF reader gives each paragraph a block of its own, so it does not.
    if (!paragraphs) listing = false
    if (isTable(block)) {
      units.push({ type: 'table', line: block[0]?.line ?? 0, rows: tableRows(block) })
      listing = false
      return
    }
    const only = block.length === 1 ? block[0] : undefined
    if (only && (CONTENTS_HEADING.test(only.text) || CONTENTS_LINE.test(only.text))) {
      units.push({ type: 'item', line: only.line, text: only.text.replace(/^#{1,6}[ \t]+/, ''), newBlock: true })
      return
    }
    // A short line right after "The association's name is:" is what the colon introduces, not a heading.
    const previous = units.at(-1)
    const introduced = previous !== undefined && 'text' in previous && previous.type !== 'heading' && previous.text.trimEnd().endsWith(':')
    const heading = only && !listItem(only.text, previous) && !(introduced && splitClauseNumber(only.text.trim(), true).number === '') ? readHeading(only.text, only.line, blocks[index + 1] !== undefined) : null
    if (heading) {
      units.push(heading)
      listing = false
      return
    }
    block.forEach((line, lineIndex) => {
      if (CONTENTS_LINE.test(line.text)) {
        units.push({ type: 'item', line: line.line, text: line.text.trim(), newBlock: lineIndex === 0 })
        return
      }
      // "3.1. Powers" on the first line of a block, the clause's words on the lines after: a numbered heading.
      const below = block[lineIndex + 1]
      if (lineIndex === 0 && below && isBlockHeading(line.text, below.text)) {
        const heading = readHeading(line.text, line.line, true)
        if (heading) {
          units.push(heading)
          return
        }
      }
      // "59.—(1) A person …" (a statutory instrument as printed): regulation 59, and its paragraph (1).
      const printed = /^[ \t]*(\d+[A-Z]?)\.[ \t]*[—–-][ \t]*(\(\d+[A-Z]?\))[ \t]+(.*)$/.exec(line.text)
      if (printed) {
        units.push({ type: 'heading', line: line.line, number: `${printed[1] ?? ''}.`, text: '', level: null })
        units.push({ type: 'numbered', line: line.line, number: printed[2] ?? '', text: (printed[3] ?? '').trim(), indent: 0 })
        listing = (printed[3] ?? '').trim().endsWith(':') || (printed[3] ?? '').trim().endsWith('—')
        return
      }
      // "### [Version Control](#version-control-1)": a contents entry set as a heading, a link, not a heading of its own.
      if (CONTENTS_HEADING.test(line.text)) {
        units.push({ type: 'item', line: line.line, text: line.text.replace(/^#{1,6}[ \t]+/, ''), newBlock: lineIndex === 0 })
        return
      }
      if (MARKDOWN_HEADING.test(line.text)) {
        const markdownHeading = readHeading(line.text, line.line, true)
        if (markdownHeading) units.push(markdownHeading)
        listing = false
        return
      }
      const unit = readLine(line.text, line.line, lineIndex === 0, listing, units.at(-1))
      if (unit !== 'wrap' && unit.type === 'heading') {
        units.push(unit)
        listing = false
        return
      }
      if (unit === 'wrap') {
        const previous = units.at(-1)
        // Words are never dropped: a line that cannot go on the one before (a heading, a table) is a paragraph of its own.
        if (previous && previous.type !== 'table' && previous.type !== 'heading') previous.text += ` ${line.text.trim()}`
        else units.push({ type: 'paragraph', line: line.line, text: line.text.trim() })
        return
      }
      units.push(unit)
      if (unit.type === 'numbered' || unit.type === 'paragraph') listing = unit.text.trimEnd().endsWith(':')
    })
  })
  return units
}

/**
 * Whether a short numbered line is an item of the list before it, not a heading: "5.1. Fix the number of directors"
 * after "5. The Board may not … for the following items:", and "5.2. …" after "5.1. …".
 */
function listItem(raw: string, previous: Unit | undefined): boolean {
  if (!previous || previous.type !== 'numbered') return false
  const { number } = splitClauseNumber(raw.trim(), true)
  const steps = number.replace(/\.$/, '').split('.')
  const before = previous.number.replace(/\.$/, '').split('.')
  if (steps.length < 2 || steps.some((step) => !/^\d+$/.test(step))) return false
  const parent = steps.slice(0, -1).join('.')
  // The first item under a number that closes with a colon, or the next item after one.
  if (previous.text.trimEnd().endsWith(':') && before.join('.') === parent && steps.at(-1) === '1') return true
  return before.length === steps.length && before.slice(0, -1).join('.') === parent && Number(before.at(-1)) + 1 === Number(steps.at(-1))
}

function readHeading(raw: string, line: number, hasNext: boolean): Unit | null {
  const markdown = MARKDOWN_HEADING.exec(raw)
  const text = stripEmphasis(markdown ? (markdown[2] ?? '') : raw.trim())
  const { number, rest } = splitClauseNumber(text, true)
  if (markdown) return { type: 'heading', line, number, text: rest, level: markdown[1]?.length ?? null }
  // A numbered heading in capitals is a heading however long ("9 MOTIONS FOR A MEETING THAT REQUIRES WRITTEN NOTICE …").
  const words = number !== '' && !/\p{Ll}/u.test(rest) ? HEADING_WORDS * 3 : HEADING_WORDS
  if (!hasNext || bulletOf(raw) !== '' || rest === '' || wordCount(rest) > words) return null
  // "Section 1. Power to Amend." — a bylaw's heading, cited by its unit word, may close with a full stop.
  const titled = unitPrefix(number) !== '' && /[^.]\.$/.test(rest) && isTitleCase(rest.slice(0, -1))
  if ((/[.:;,!?]$/.test(rest) && !titled) || startsLowercase(rest)) return null
  const numeric = /^(?:(?:[A-Z]|[IVXLC]{2,5})\.)?\d+(?:\.\d+)*\.?$/.test(number) || unitPrefix(number) !== ''
  if (number !== '' && !numeric) return null
  if (number === '' && !isTitleCase(rest)) return null
  // "Adopted by Council on March 27th 2008", "Proposed November 2024", "('Association' Model Constitution)": a line
  // about the document, not a heading of it.
  if (number === '' && (DATED_LINE.test(rest) || /^\(.*\)$/.test(rest))) return null
  return { type: 'heading', line, number, text: rest, level: null }
}

function readLine(
  raw: string,
  line: number,
  startsBlock: boolean,
  listing: boolean,
  previous: Unit | undefined
): Unit | 'wrap' {
  // A line of a wrapped paragraph is never a heading: only lines that stand alone are read as one.
  const bullet = bulletOf(raw)
  const text = raw.slice(bullet.length).trim()
  const { number, rest } = splitClauseNumber(text, false)
  // "1. [Name](#1-name)", "3 Quorum ........ 12": an entry of a table of contents, not a clause of its own.
  if ((number !== '' && /^\[[^\]\n]+\]\(#[^)\s]+\)[\s.\d]*$/.test(rest)) || CONTENTS_LINE.test(text)) return { type: 'item', line, text, newBlock: startsBlock }
  // "  1. a register;" indented under a bulleted item ("* **books** includes —"): an item of that item, not a clause.
  const indent = (/^[ \t]*/.exec(raw)?.[0] ?? '').replace(/\t/g, '    ').length
  if (number !== '' && indent > 0 && bullet === '' && previous?.type === 'item' && (previous.nested === undefined || previous.nested.indent <= indent + 1)) {
    return { type: 'item', line, text: rest, newBlock: false, nested: { indent, marker: number } }
  }
  // "… the hackspace's" / "3D printers …": a bare number with a letter is a clause (61A) only where a sentence has ended.
  const previousWords = previous && 'text' in previous ? previous.text : ''
  if (/^\d+[A-Z]$/.test(number) && !startsBlock && endsMidSentence(previousWords)) return 'wrap'
  if (number !== '') return { type: 'numbered', line, number, text: rest, indent: (/^[ \t]*/.exec(raw)?.[0] ?? '').replace(/\t/g, '    ').length }
  // "1 RULES OF DEBATE AT MEETINGS" inside a block of lines: a numbered heading in capitals.
  const capital = /^(\d+)[ \t]+(\p{Lu}[\p{Lu}\p{N} ,'’&()/-]*)$/u.exec(text)
  if (capital && wordCount(capital[2] ?? '') <= HEADING_WORDS * 3 && /\p{Lu}{2}/u.test(capital[2] ?? '')) {
    return { type: 'heading', line, number: capital[1] ?? '', text: (capital[2] ?? '').trim(), level: null }
  }
  if (bullet !== '') return { type: 'item', line, text, newBlock: startsBlock }
  const previousText = previous && 'text' in previous ? previous.text : ''
  if (!startsBlock && previous?.type !== 'heading' && endsMidSentence(previousText) && startsLowercase(text)) return 'wrap'
  if (text.endsWith(':')) return { type: 'paragraph', line, text }
  const afterItem = previous?.type === 'item' && (!startsBlock || wordCount(text) <= 12)
  if (listing || afterItem) {
    return { type: 'item', line, text, newBlock: startsBlock }
  }
  if (!startsBlock && previous?.type !== 'heading' && endsMidSentence(previousText)) return 'wrap'
  return { type: 'paragraph', line, text }
}

function isTable(block: Block): boolean {
  return block.length >= 2 && block.filter((line) => line.text.includes('\t')).length >= 2
}

function tableRows(block: Block): string[][] {
  return block
    .map((line) => line.text.split(/\t+/).map((cell) => cell.trim()))
    .filter((cells) => !cells.every((cell) => /^-*$/.test(cell)))
}

function stripEmphasis(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/^\*(.+)\*$/, '$1').trim()
}

/** A short numbered title ("3.1. Powers", "4.2 Procedure") over lines that go on in sentences or items. */
function isBlockHeading(text: string, next: string): boolean {
  const { number, rest } = splitClauseNumber(text.trim(), true)
  if (!/^(?:(?:[A-Z]|[IVXLC]{2,5})\.)?\d+(?:\.\d+)*\.?$/.test(number) && unitPrefix(number) === '') return false
  if (rest === '' || wordCount(rest) > 8 || /[.:;,!?]$/.test(rest) || !/^\p{Lu}/u.test(rest)) return false
  // "1.1 Members may use the laser cutter and the" runs on into the next line: a sentence, not a title.
  if (/\b(?:the|a|an|and|or|of|to|in|for|with|by|on|at|from|that|which|be|is|are|may|shall|must)$/i.test(rest)) return false
  // "1. Annual General Meeting (AGM)" over indented "   1. The AGM shall …": a list item with items of its own.
  const indent = (line: string): number => (/^[ \t]*/.exec(line)?.[0] ?? '').replace(/\t/g, '    ').length
  if (indent(next) > indent(text) && /^[ \t]*(?:[-*+][ \t]+|\(?[0-9a-z]{1,4}[.)][ \t]+)/i.test(next)) return false
  return !startsLowercase(next.trim())
}
