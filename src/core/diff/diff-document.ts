import { ANCHOR } from '../protocol/clause-id.js'
import { splitClauseNumber } from '../protocol/clause-number.js'
import { LINK_PATTERN } from '../protocol/cross-references.js'
import { parseProtocol } from '../protocol/parse-protocol.js'
import type { Protocol } from '../protocol/types.js'
import type { ParseCache } from '../parse-cache.js'
import { countNewlines } from '../text-lines.js'

/**
 * One unit of a text being compared: a keeling clause, or a block of an
 * arbitrary Markdown or text file (a heading line, or lines up to a blank
 * line). Its text as a reader has it is `head + number + gap + body`; with
 * `trailing` after it, the units of a document give its text back exactly.
 */
export interface DiffUnit {
  /** The clause ID; '' for a block of a file without clause IDs. */
  id: string
  kind: 'heading' | 'paragraph'
  /** The clause number as written, or ''. */
  number: string
  /** What comes before the number: a heading's `## `, else ''. */
  head: string
  /** What comes between the number and the words (a space), or ''. */
  gap: string
  /** The words and all that belongs to the unit (further paragraphs, lists, tables). */
  body: string
  /** The blank lines (or end of file) after the unit. */
  trailing: string
  /** The unit's first line in its file (1-based). */
  line: number
  /** Where `body` starts in the clause's source, when it is that source word for word from there (no links, no stray anchors). */
  bodyAt?: number
}

/** A text to compare, split into units. */
export interface DiffDocument {
  /** Whether every unit has a clause ID (a keeling protocol): units then align by ID. */
  keyed: boolean
  /** The title from the front matter, or ''. */
  title: string
  /** Text before the first unit (a plain file's leading blank lines). */
  lead: string
  units: DiffUnit[]
}

/** The text of a unit as a reader has it, without the blank lines after it. */
export function unitText(unit: DiffUnit): string {
  return unit.head + unit.number + unit.gap + unit.body
}

/**
 * Read a text for comparison. A keeling protocol (front matter, every clause
 * with an ID) is read clause by clause, as a reader sees it: no front matter,
 * no ID anchors, cross-references as their words. Any other text is split
 * into blocks and kept exactly as written.
 *
 * @param parse the command's parsed texts, when it has them: a text it has read already is not parsed again
 */
export function readDiffDocument(text: string, parse?: ParseCache): DiffDocument {
  const stripped = text.replace(SENTINELS, '')
  // A protocol opens with front matter and marks its clauses with ID anchors: a text with neither is split into
  // blocks without the protocol parse (and its YAML), most of the time of reading a plain Markdown file.
  if (!mayBeProtocol(stripped)) return blockDocument(stripped)
  const protocol = parse ? parse.protocol(stripped) : parseProtocol(stripped)
  if (protocol.frontMatter.raw !== '' && protocol.all.length > 0 && protocol.all.every((clause) => clause.id !== '')) {
    return protocolDocument(protocol)
  }
  return blockDocument(stripped)
}

/** Whether a text could read as a keeling protocol: front matter at the start, and at least one ID anchor. */
function mayBeProtocol(text: string): boolean {
  return /^\uFEFF?---\r?\n/.test(text) && text.includes('<a id="')
}

/** Characters the renderers use internally as change marks; never part of a compared text. */
export const SENTINELS = /[\uE000-\uE005]/g

function protocolDocument(protocol: Protocol): DiffDocument {
  const title = protocol.frontMatter.data['title']
  const units = protocol.all.map((clause): DiffUnit => {
    const head = /^#{1,6}[ \t]+/.exec(clause.source)?.[0] ?? ''
    let rest = clause.source.slice(head.length)
    rest = rest.replace(ANCHOR, '')
    const { number, gap, body } = splitNumber(rest, clause.kind === 'heading', clause.number)
    const read = readerText(body)
    const line = clause.position.start.line
    // Two literals rather than `{ ...(read === body ? { bodyAt } : {}), id, … }`: V8 builds an object that opens
    // with a spread on a slow path, 240 ms of reading a 10 MB protocol's 38,000 clauses (5–15 ms like this).
    if (read !== body) return { id: clause.id, kind: clause.kind, number, head, gap, body: read, trailing: '\n\n', line }
    return { bodyAt: clause.source.length - body.length, id: clause.id, kind: clause.kind, number, head, gap, body: read, trailing: '\n\n', line }
  })
  const last = units.at(-1)
  if (last) last.trailing = '\n'
  return { keyed: true, title: typeof title === 'string' ? title : '', lead: '', units }
}

const ANCHOR_ANYWHERE = /<a id="[^"]*"><\/a>/g

/** A clause's words as a reader has them: cross-references as their words, no stray ID anchors. */
function readerText(body: string): string {
  let text = body
  if (text.includes('](#')) text = text.replace(LINK_PATTERN, '$1')
  if (text.includes('<a id=')) text = text.replace(ANCHOR_ANYWHERE, '')
  return text
}

function splitNumber(text: string, heading: boolean, known?: string): { number: string; gap: string; body: string } {
  const number = known ?? splitClauseNumber(text, heading).number
  if (number === '' || !text.startsWith(number)) return { number: '', gap: '', body: text }
  const gap = /^[ \t]*/.exec(text.slice(number.length))?.[0] ?? ''
  return { number, gap, body: text.slice(number.length + gap.length) }
}

/**
 * Split any text into blocks: a run of non-blank lines is a block, and an
 * ATX heading line is a block of its own. Each block keeps the blank lines
 * after it, so that the blocks join to give the text back exactly.
 */
function blockDocument(text: string): DiffDocument {
  const units: DiffUnit[] = []
  const lead = text.slice(0, blankLinesEnd(text, 0, false))
  let at = lead.length
  let line = 1 + countNewlines(lead)
  while (at < text.length) {
    const end = blockEnd(text, at)
    const trailingEnd = blankLinesEnd(text, end, true)
    const block = text.slice(at, end)
    const hashes = headingMarks(text, at, end)
    const head = hashes === 0 ? '' : block.slice(0, hashes + spacesFrom(text, at + hashes, end))
    const { number, gap, body } = splitNumber(block.slice(head.length), hashes !== 0)
    units.push({ id: '', kind: hashes !== 0 ? 'heading' : 'paragraph', number, head, gap, body, trailing: text.slice(end, trailingEnd), line })
    line += countNewlines(block) + countNewlines(text.slice(end, trailingEnd))
    at = trailingEnd
  }
  return { keyed: false, title: '', lead, units }
}

/**
 * Where the blank lines from `start` end: past each line of spaces and tabs ended by a newline, and (with
 * `toEnd`) past spaces and tabs that end the text.
 */
function blankLinesEnd(text: string, start: number, toEnd: boolean): number {
  let at = start
  for (;;) {
    const after = at + spacesFrom(text, at, text.length)
    if (text.charCodeAt(after) === 0x0a) at = after + 1
    else return toEnd && after === text.length ? after : at
  }
}

/** How many spaces and tabs there are from `start`, up to `end`. */
function spacesFrom(text: string, start: number, end: number): number {
  let at = start
  while (at < end) {
    const code = text.charCodeAt(at)
    if (code !== 0x20 && code !== 0x09) break
    at++
  }
  return at - start
}

/** The `#` marks of an ATX heading opening the line from `start` (1 to 6, then a space, a tab or the line's end at `lineEnd`), or 0. */
function headingMarks(text: string, start: number, lineEnd: number): number {
  let at = start
  while (at < lineEnd && at - start < 7 && text.charCodeAt(at) === 0x23) at++
  const marks = at - start
  if (marks === 0 || marks > 6) return 0
  const next = text.charCodeAt(at)
  return at === lineEnd || next === 0x20 || next === 0x09 ? marks : 0
}

/** Where the block starting at `start` ends: at the newline that ends its last line, or the end of the text. */
function blockEnd(text: string, start: number): number {
  let at = start
  let first = true
  for (;;) {
    const newline = text.indexOf('\n', at)
    const lineEnd = newline === -1 ? text.length : newline
    if (!first && (at + spacesFrom(text, at, lineEnd) === lineEnd || headingMarks(text, at, lineEnd) !== 0)) return at - 1
    if ((first && headingMarks(text, at, lineEnd) !== 0) || newline === -1 || newline === text.length - 1) return lineEnd
    first = false
    at = newline + 1
  }
}
