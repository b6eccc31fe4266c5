import { visibleText } from './visible-text.js'
import type { Clause, Protocol } from '../protocol/types.js'

/**
 * How many characters a printed line holds, at most. The numbering depends
 * only on a version's text and this setting, so it is the same on every
 * print of that version and motions can cite its lines.
 */
export const LINE_WIDTH = 80

/**
 * How many lines a printed page holds: the print breaks a page after every this many lines, so "Page 3, line
 * 12" names the same line in every print of a version, whether its numbers run through the text or start again
 * on each page.
 */
export const LINES_PER_PAGE = 40

/** How the numbers of a printed text are shown: running through the text, or starting again on each page. */
export type LineNumbering = 'running' | 'page'

/** The page a line is printed on and its number there. */
export function pageOf(number: number, perPage = LINES_PER_PAGE): { page: number; line: number } {
  return { page: Math.floor((number - 1) / perPage) + 1, line: ((number - 1) % perPage) + 1 }
}

/** One printed line: its number (running through the text), the clause it is in, and where it lies in that clause's source. */
export interface NumberedLine {
  number: number
  clauseId: string
  heading: boolean
  /** The words of the line as printed (the clause's number on its first line, a bullet `•` before a list item). */
  text: string
  /** Where the line's words lie in `clause.source`: [start, end). */
  start: number
  end: number
  /** Whether a blank line comes before it: the first line of a clause or of a further paragraph of one. */
  opensParagraph: boolean
}

const BULLET = /^[ \t]*[-*+][ \t]+/

/**
 * A protocol's text cut into numbered lines as it is printed: each clause
 * (its number, then its words as a reader sees them) and each further
 * paragraph or list item of it starts a new line, and a line is broken at the
 * last space that keeps it within `width` characters. Numbers run through the
 * whole text from 1.
 */
export function numberLines(protocol: Protocol, width = LINE_WIDTH): NumberedLine[] {
  const lines: NumberedLine[] = []
  for (const clause of protocol.all) {
    for (const line of clauseLines(clause, width)) lines.push({ ...line, number: lines.length + 1 })
  }
  return lines
}

function clauseLines(clause: Clause, width: number): Array<Omit<NumberedLine, 'number'>> {
  const visible = visibleText(clause)
  const result: Array<Omit<NumberedLine, 'number'>> = []
  let at = 0
  let first = true
  let afterBlank = true
  for (const piece of visible.text.split('\n')) {
    const from = at
    at += piece.length + 1
    if (piece.trim() === '') {
      afterBlank = true
      continue
    }
    const sourceAt = visible.offsets[from] ?? 0
    const lineStart = clause.source.lastIndexOf('\n', sourceAt - 1) + 1
    const bullet = BULLET.test(clause.source.slice(lineStart, sourceAt + 1)) && lineStart < sourceAt ? '• ' : ''
    const lead = first && clause.number !== '' ? `${clause.number} ` : bullet
    const opensParagraph = afterBlank || bullet !== ''
    for (const [start, end] of wrap(piece, width - lead.length)) {
      const sourceStart = visible.offsets[from + start] ?? 0
      const sourceEnd = (visible.offsets[from + end - 1] ?? sourceStart) + 1
      result.push({
        clauseId: clause.id,
        heading: clause.kind === 'heading',
        text: `${start === 0 ? lead : ' '.repeat(lead.length)}${piece.slice(start, end)}`.replace(/^ +$/, ''),
        start: sourceStart,
        end: sourceEnd,
        opensParagraph: start === 0 && opensParagraph
      })
    }
    first = false
    afterBlank = false
  }
  return result
}

/** A line of words broken at spaces into pieces of at most `width` characters ([start, end) each, spaces between them left out). */
function wrap(text: string, width: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = []
  let start = /^\s*/.exec(text)?.[0].length ?? 0
  const limit = Math.max(width, 20)
  while (start < text.length) {
    if (text.length - start <= limit) {
      pieces.push([start, text.trimEnd().length])
      break
    }
    const space = text.lastIndexOf(' ', start + limit)
    const end = space > start ? space : text.indexOf(' ', start + limit) === -1 ? text.length : text.indexOf(' ', start + limit)
    pieces.push([start, end])
    start = end
    while (text[start] === ' ') start++
  }
  return pieces
}

/**
 * The line a motion cites ("Line 12, leave out …"), as the place in its clause's source the words must be on;
 * or why there is none. Lines are numbered as `numberLines` numbers them, in the text the motion is read against.
 */
export function lineAt(protocol: Protocol, number: number): { clause: Clause; item: { start: number; end: number; label: string; startsOnly: boolean } } | { reason: string; code: 'unknown-clause' } {
  const lines = numberLines(protocol)
  const line = lines[number - 1]
  const clause = line ? protocol.all.find((candidate) => candidate.id === line.clauseId) : undefined
  if (number < 1) return { reason: `There is no such line: a printed page has ${LINES_PER_PAGE} lines (keeling show --line-numbers)`, code: 'unknown-clause' }
  if (!line || !clause) return { reason: `There is no line ${number}: the text has ${lines.length} lines, numbered as keeling show --line-numbers prints them`, code: 'unknown-clause' }
  // The words cited begin on the line; they may run on to the next, as a quote from a printed page does.
  return { clause, item: { start: line.start, end: line.end, label: `line ${number}`, startsOnly: true } }
}

/** The numbers of the lines the words begin on, as printed. */
export function linesWith(protocol: Protocol, words: string): number[] {
  const wanted = words.replace(/\s+/g, ' ').trim().toLowerCase()
  const lines = numberLines(protocol)
  const flat = (line: NumberedLine | undefined): string => (line ? line.text.replace(/\s+/g, ' ').trim().toLowerCase() : '')
  // The lines the words begin on: a quote may run on to the next lines of its clause.
  return lines
    .filter((line, index) => {
      let text = flat(line)
      const own = text.length
      for (let next = index + 1; text.length < own + wanted.length && lines[next]?.clauseId === line.clauseId; next++) text += ` ${flat(lines[next])}`
      const at = text.indexOf(wanted)
      return at !== -1 && at < own
    })
    .map((line) => line.number)
}
