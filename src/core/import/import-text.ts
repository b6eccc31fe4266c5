import { buildClauses, noteOddNumbers } from './build-clauses.js'
import { readUnits } from './read-units.js'
import { unitPrefix } from '../protocol/clause-number.js'
import { removePageFurniture, type Block } from './remove-page-furniture.js'
import { hasCritic, readCritic } from './read-critic.js'
import { resolveTracked } from './resolve-tracked.js'
import { endsMidSentence, wordCount } from './text-shape.js'
import type { ImportFailure, ImportNote, ImportOptions, SourceLine } from './types.js'
import { writeImportedProtocol } from './write-imported-protocol.js'
import { splitClauseNumber } from '../protocol/clause-number.js'

export type ImportResult = { markdown: string; notes: ImportNote[] } | { failure: ImportFailure }

/**
 * Turn a council's published text (plain text or Markdown, already decoded)
 * into a protocol in keeling's format: headings and numbering detected at
 * every depth, page furniture removed and split sentences rejoined, a new
 * clause ID for every clause. Everything removed or odd is in `notes`.
 *
 * @param text the document, LF line ends, no byte order mark
 * @returns the protocol text and notes, or why the text cannot be imported
 */
export function importText(text: string, options: ImportOptions): ImportResult {
  // A Markdown heading may be indented by up to three spaces (CommonMark): " ####   Meetings" is the heading "Meetings".
  let lines: SourceLine[] = text.split('\n').map((line, index) => ({ text: line.replace(/\s+$/, '').replace(/^ {1,3}(#{1,6})[ \t]+/, '$1 '), line: index + 1 }))
  const notes: ImportNote[] = []
  const front = frontMatterOf(lines)
  if (front) {
    notes.push({ line: 1, message: `left out the front matter of lines 1–${front.end} (another tool's settings, not the document's text)` })
    lines = lines.slice(front.end)
  }
  if (options.from !== undefined) {
    const from = options.from.toLowerCase()
    const start = lines.findIndex((line) => line.text.trim().toLowerCase().startsWith(from))
    if (start < 0) {
      return { failure: { reason: `No line begins with --from "${options.from}"; give the words that open the first line to import`, code: 'from-not-found' } }
    }
    if (start > 0) notes.push({ line: 1, message: `skipped lines 1–${start} before "${options.from}" (--from)` })
    lines = lines.slice(start)
  }
  if (options.to !== undefined) {
    const to = options.to.toLowerCase()
    const stop = lines.findIndex((line, index) => index > 0 && line.text.trim().toLowerCase().startsWith(to))
    if (stop < 0) {
      return { failure: { reason: `No line begins with --to "${options.to}"; give the words that open the first line not to import`, code: 'to-not-found' } }
    }
    const first = lines[stop]?.line ?? 0
    notes.push({ line: first, message: `skipped lines ${first}–${lines.at(-1)?.line ?? first} from "${options.to}" on (--to)` })
    lines = lines.slice(0, stop)
  }
  const joined = options.tracked ? lines.map((line) => line.text).join('\n') : ''
  if (options.tracked && hasCritic(joined)) {
    // CriticMarkup ({--old--}{++new++}, {~~old~>new~~}) is read exactly, not guessed at as struck and underlined words are.
    const read = readCritic(joined)
    if ('failure' in read) {
      const line = lines[(read.failure.line ?? 1) - 1]?.line ?? read.failure.line
      return { failure: { ...read.failure, reason: `column ${read.failure.column}: ${read.failure.reason}`, ...(line !== undefined ? { line } : {}) } }
    }
    const kept = (options.tracked === 'before' ? read.before : read.after).split('\n')
    lines = kept.map((text, index) => ({ line: lines[index]?.line ?? (lines.at(-1)?.line ?? 0) + index, text }))
    notes.push({ line: lines[0]?.line ?? 1, message: `read ${read.changes} CriticMarkup change${read.changes === 1 ? '' : 's'}, keeping the text ${options.tracked === 'before' ? 'before' : 'after'} them${read.comments.length > 0 ? ` (${read.comments.length} comment${read.comments.length === 1 ? '' : 's'} left out)` : ''}` })
  } else if (options.tracked) {
    const resolved = resolveTracked(lines, options.tracked, options.inserted ?? [])
    if ('failure' in resolved) return resolved
    lines = resolved.lines
    notes.push(...resolved.notes)
  }
  let blocks = toBlocks(lines)
  let title = options.title
  if (title === undefined) {
    const first = blocks[0]
    // A line alone, or a Markdown "# Title" line, which ends its block even with text right under it.
    const candidate = first?.length === 1 || /^#[ \t]/.test(first?.[0]?.text ?? '') ? first?.[0] : undefined
    if (first && candidate && isTitleLine(candidate.text)) {
      title = cleanTitle(candidate.text)
      blocks = first.length === 1 ? blocks.slice(1) : [first.slice(1), ...blocks.slice(1)]
      notes.push({ line: candidate.line, message: `took "${title}" as the title (front matter)` })
    }
  }
  if (title === undefined && front?.title) {
    title = front.title
    notes.push({ line: 1, message: `took "${title}" as the title (from the front matter)` })
  }
  const furniture = options.pageFurniture === false ? { blocks, notes: [] } : removePageFurniture(blocks)
  notes.push(...furniture.notes)
  const clauses = buildClauses(readUnits(furniture.blocks, options.pageFurniture === false))
  // A motion or resolution to be amended ("Resolved, That …", "I move that …", "Whereas …") is its paragraphs, unnumbered.
  const resolution = /^\s*(?:resolved\b|be it resolved\b|that\b|whereas\b|i move\b|we move\b|moved\b|motion\b)/i.test(clauses[0]?.text ?? '') && clauses.length <= 20
  if (!resolution && !clauses.some((clause) => clause.number !== '' || clause.kind === 'heading')) {
    const reason = 'No clauses found: expected numbered paragraphs ("1.1 The purpose …") or headings ("1. Introduction")'
    return { failure: { reason, code: 'no-clauses' } }
  }
  notes.push(...noteOddNumbers(clauses))
  const meta = { title: title ?? options.slug, slug: options.slug, ...(options.body ? { body: options.body } : {}) }
  const written = writeImportedProtocol(meta, clauses)
  notes.push(...written.notes)
  return { markdown: written.markdown, notes: notes.sort((a, b) => a.line - b.line) }
}

/**
 * Front matter another tool wrote at the top of a Markdown file (`---`, lines
 * of `key: value`, `---`): where it ends, and its title if it has one.
 */
function frontMatterOf(lines: SourceLine[]): { end: number; title?: string } | null {
  if (lines[0]?.text.trim() !== '---') return null
  const close = lines.findIndex((line, index) => index > 0 && index < 200 && /^(?:---|\.\.\.)$/.test(line.text.trim()))
  if (close < 0) return null
  const body = lines.slice(1, close)
  if (!body.every((line) => line.text.trim() === '' || /^(?:[\w-]+[ \t]*:|[ \t]+\S|-[ \t])/.test(line.text))) return null
  const title = body.map((line) => /^title[ \t]*:[ \t]*["']?(.*?)["']?[ \t]*$/i.exec(line.text)?.[1] ?? '').find((found) => found !== '')
  return { end: close + 1, ...(title ? { title } : {}) }
}

function toBlocks(lines: SourceLine[]): Block[] {
  const blocks: Block[] = []
  let current: Block = []
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (current.length > 0) blocks.push(current)
      current = []
    } else {
      current.push(line)
    }
  }
  if (current.length > 0) blocks.push(current)
  return blocks
}

function isTitleLine(text: string): boolean {
  const clean = cleanTitle(text)
  // A unit word and number alone ("SECTION 21") heads a document as its title, as before units were numbers.
  const { number, rest } = splitClauseNumber(clean, true)
  // A Markdown "# Title" is a title by its mark, whatever it ends with ("… Artifactory Inc.").
  const marked = /^#[ \t]/.test(text)
  return wordCount(clean) <= (marked ? 20 : 12) && (number === '' || (unitPrefix(number) !== '' && rest === '')) && (marked || endsMidSentence(clean))
}

function cleanTitle(text: string): string {
  return text.replace(/^#{1,6}[ \t]+/, '').replace(/\*\*/g, '').trim()
}
