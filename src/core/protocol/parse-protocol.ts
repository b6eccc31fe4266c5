import type { VFileMessage } from 'vfile-message'
import { problem } from '../problem.js'
import { ANCHOR } from './clause-id.js'
import { numberKey, splitClauseNumber, unitPrefix } from './clause-number.js'
import { parseFrontMatter } from './parse-front-matter.js'
import type { Clause, Protocol } from './types.js'
import { countNewlines } from '../text-lines.js'
import { noteParse } from '../parse-observer.js'

interface ClauseStart {
  offset: number
  line: number
  kind: 'heading' | 'paragraph'
  level: number
  id: string
  /** Column (1-based) of the anchor, or of the heading text when there is none. */
  idColumn: number
  /** The first line after the `#`s and the anchor. */
  rest: string
}

const HEADING = /^(#{1,6})(?:[ \t]+|$)/
const FENCE = /^ {0,3}(`{3,}|~{3,})/

/**
 * Read a protocol in keeling's format. A clause starts at a line beginning
 * with an ID anchor (`<a id="c3-9"></a>3.9 Members should …`) or at a
 * Markdown heading (`## <a id="s3"></a>3. Working Relationships`); it runs to
 * the next. This is a line scanner, not a Markdown parser: a 10 MB protocol
 * reads in well under a second, and every clause keeps its exact source.
 *
 * @param text the whole file
 * @returns the protocol; problems found while reading are in `messages`
 */
export function parseProtocol(text: string): Protocol {
  noteParse('protocol', text)
  const { frontMatter, bodyStart, messages } = parseFrontMatter(text)
  const startLine = frontMatter.raw === '' ? 1 : countNewlines(frontMatter.raw) + 1
  const starts = scanClauseStarts(text, bodyStart, startLine)
  const firstOffset = starts[0]?.offset ?? text.length
  // From the end of the front matter, not `bodyStart`: a byte order mark before a file without one stays in the lead.
  const lead = text.slice(frontMatter.raw.length, firstOffset)
  const stray = firstContentLine(lead)
  // An unclosed front matter block has already been reported; its lines are not stray text.
  if (stray >= 0 && messages.length === 0) messages.push(outsideClause(startLine + stray))
  const all = buildClauses(text, starts)
  titlesOverNumbers(all)
  return { frontMatter, lead, clauses: all.filter((clause) => clause.parent === null), all, messages }
}

function scanClauseStarts(text: string, from: number, firstLine: number): ClauseStart[] {
  const starts: ClauseStart[] = []
  let fence = ''
  let line = firstLine
  for (let offset = from; offset < text.length; line++) {
    let end = text.indexOf('\n', offset)
    if (end === -1) end = text.length
    const first = text.charCodeAt(offset)
    // Only lines starting with '#', '<', '`', '~' or spaces can matter.
    if (first === 35 || first === 60 || first === 96 || first === 126 || first === 32) {
      const lineText = text.slice(offset, end)
      const fenceMatch = FENCE.exec(lineText)
      if (fence) {
        if (fenceMatch && fenceMatch[1]?.[0] === fence[0] && (fenceMatch[1]?.length ?? 0) >= fence.length) fence = ''
      } else if (fenceMatch) {
        fence = fenceMatch[1] ?? ''
      } else {
        const start = readClauseStart(lineText, offset, line)
        if (start) starts.push(start)
      }
    }
    offset = end + 1
  }
  return starts
}

function readClauseStart(lineText: string, offset: number, line: number): ClauseStart | null {
  const heading = HEADING.exec(lineText)
  const body = heading ? lineText.slice(heading[0].length) : lineText
  const anchor = ANCHOR.exec(body)
  if (!heading && !anchor) return null
  const prefix = heading ? heading[0].length : 0
  return {
    offset,
    line,
    kind: heading ? 'heading' : 'paragraph',
    level: heading ? (heading[1]?.length ?? 1) : 0,
    id: anchor ? (anchor[1] ?? '') : '',
    idColumn: prefix + 1,
    rest: anchor ? body.slice(anchor[0].length) : body
  }
}

function buildClauses(text: string, starts: ClauseStart[]): Clause[] {
  const all: Clause[] = []
  const headings: Clause[] = []
  starts.forEach((start, index) => {
    const next = starts[index + 1]
    const sliceEnd = next?.offset ?? text.length
    const sourceEnd = contentEnd(text, start.offset, sliceEnd)
    const source = text.slice(start.offset, sourceEnd)
    const trailing = text.slice(sourceEnd, sliceEnd)
    // The next clause's line is known: the source's last line is that less the blank lines between them.
    const endLine = next ? next.line - countNewlines(trailing) : start.line + countNewlines(source)
    const isHeading = start.kind === 'heading'
    if (isHeading) while (headings.length > 0 && (headings.at(-1)?.level ?? 0) >= start.level) headings.pop()
    const parent = headings.at(-1) ?? null
    const { number, rest } = splitClauseNumber(start.rest.endsWith('\r') ? start.rest.slice(0, -1) : start.rest, isHeading)
    const clause: Clause = {
      id: start.id,
      number,
      kind: start.kind,
      level: start.level,
      depth: parent ? parent.depth + 1 : 1,
      title: isHeading ? rest.trim() : '',
      source,
      trailing,
      position: {
        start: { line: start.line, column: 1, offset: start.offset },
        end: { line: endLine, column: source.length - source.lastIndexOf('\n'), offset: start.offset + source.length }
      },
      children: [],
      parent
    }
    parent?.children.push(clause)
    if (isHeading) headings.push(clause)
    all.push(clause)
  })
  return all
}

/** Where the text from `from` to `to` ends its last line that is not blank (`from` when every line is blank). */
function contentEnd(text: string, from: number, to: number): number {
  let last = to - 1
  while (last >= from && isSpace(text.charCodeAt(last))) last--
  if (last < from) return from
  const lineEnd = text.indexOf('\n', last)
  return lineEnd === -1 || lineEnd > to ? to : lineEnd
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13
}

function firstContentLine(text: string): number {
  const lines = text.split('\n')
  return lines.findIndex((line) => line.trim() !== '')
}

function outsideClause(line: number): VFileMessage {
  const reason =
    'Text outside any clause: every block must follow a clause ID anchor; start its first line with `<a id="new-id"></a>` (or delete it)'
  return problem(reason, { line, column: 1 }, 'content-outside-clause')
}

/**
 * "SECTION 21" over "21. Protocol …": a heading that is only a unit word and
 * the number of the heading under it is that section's title, not a number
 * of its own (the number would be there twice).
 */
function titlesOverNumbers(all: Clause[]): void {
  for (const clause of all) {
    if (clause.kind !== 'heading' || clause.title !== '' || unitPrefix(clause.number) === '') continue
    const key = numberKey(clause.number)
    if (clause.children.some((child) => child.kind === 'heading' && numberKey(child.number) === key)) {
      clause.title = clause.number
      clause.number = ''
    }
  }
}
