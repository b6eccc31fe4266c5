import type { ReadDocument } from '../read-document.js'
import type { ImportNote } from '../types.js'
import { isNextNumber, splitClauseNumber } from '../../protocol/clause-number.js'

/** A run of text on a PDF page: y is the baseline, measured down from the page's top; sizes in points. */
export interface TextPiece {
  text: string
  x: number
  y: number
  width: number
  size: number
}

/** One page's text layer. */
export interface PageText {
  width: number
  height: number
  pieces: TextPiece[]
}

/** A line of a page as a reader sees it. */
interface PdfLine {
  page: number
  /** The line's number on its page, counting from the top, headers included. */
  index: number
  text: string
  x: number
  right: number
  y: number
  size: number
  /** Which column of the page the line is in (0 for the whole width), and that column's left and right edges. */
  column: number
  left: number
  edge: number
}

const PAGE_NUMBER = /^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$|^[ivxlc]{1,6}$|^\d{1,4}\s*\|\s*page$|^page\s*\|\s*\d{1,4}$/i
const ENDS_SENTENCE = /[.;:!?”"’)\]]$/
/** How an item of a list ends before the next: "…; or", "…; and", "…,". */
const ENDS_ITEM = /(?:[;,]|[;,]?\s(?:or|and))$/
const STARTS_ITEM = /^(?:[•●▪◦■‣∙·*–-]\s)/

/**
 * Lay out PDF pages as the importer's text: lines in reading order (a page
 * in two columns left column first), page furniture removed (lines at a
 * page's top or bottom repeated on several pages, page numbers) and
 * footnotes left out, wrapped lines joined into paragraphs (a paragraph ends
 * where its last line stops short, a gap follows, or the next item starts),
 * a paragraph split by a page break rejoined, words hyphenated at line ends
 * rejoined, and lines in larger type marked as headings. Each paragraph is
 * a block.
 */
export function layOutPages(pages: PageText[]): ReadDocument {
  // Columns are found from the words between the running header and footer (which span the page), spaces left out
  // (a space set across the gutter joins nothing); a page whose right column holds a few lines only, such as the last,
  // is read with the gutter the document's other two-column pages have.
  const words = pages.map((page) => page.pieces.filter((piece) => piece.text.trim() !== '' && piece.y > page.height * 0.08 && piece.y < page.height * 0.92))
  const gutters = pages.map((page, index) => findGutter(words[index] ?? [], page.width))
  const usual = mostCommon(gutters)
  const lines = pages.flatMap((page, index) => pageLines(page, index + 1, gutters[index] ?? (usual && bandIsClear(words[index] ?? [], usual) ? usual : undefined)))
  const notes: { line: PdfLine; message: string }[] = []
  const body = removeFootnotes(removeFurniture(lines, pages, notes), pages, notes)
  const paragraphs = joinParagraphs(body, notes)
  const text: string[] = []
  const places: string[] = []
  const lineOf = new Map<PdfLine, number>()
  for (const paragraph of paragraphs) {
    if (text.length > 0) {
      text.push('')
      places.push('')
    }
    const first = paragraph.lines[0]
    if (!first) continue
    for (const line of paragraph.lines) lineOf.set(line, text.length + 1)
    text.push(`${indentOf(first, paragraph.text)}${paragraph.text}`)
    places.push(placeOf(first))
  }
  const nearest = (line: PdfLine): number => lineOf.get(line) ?? nearestLine(line, paragraphs, lineOf)
  const importNotes: ImportNote[] = notes.map((note) => ({ line: nearest(note.line), place: placeOf(note.line), message: note.message }))
  return { text: text.join('\n'), places, notes: importNotes, laidOut: true }
}

/**
 * A paragraph numbered "1." set in from its column's edge keeps that indent
 * (as spaces, one to a half em), so lists nested only by indenting ("1."
 * under "1.") stay nested; other paragraphs are written flush.
 */
function indentOf(line: PdfLine, text: string): string {
  // Only lists numbered "1." or "1)" at every level need it: "(a)" under "(1)" is told apart by its scheme.
  if (!/^\d{1,3}[.)][ \t]/.test(text)) return ''
  const steps = Math.round((line.x - line.left) / (line.size * 0.5))
  return steps > 0 ? ' '.repeat(Math.min(steps, 16)) : ''
}

function placeOf(line: PdfLine): string {
  return `page ${line.page}, line ${line.index}`
}

function nearestLine(line: PdfLine, paragraphs: Paragraph[], lineOf: Map<PdfLine, number>): number {
  for (const paragraph of paragraphs) {
    const first = paragraph.lines[0]
    if (first && (first.page > line.page || (first.page === line.page && first.index >= line.index))) return lineOf.get(first) ?? 1
  }
  return Math.max(1, lineOf.size > 0 ? [...lineOf.values()].at(-1) ?? 1 : 1)
}

/** A page's lines in reading order: above, then each band's left column before its right. */
function visible(page: PageText): TextPiece[] {
  return page.pieces.filter((piece) => piece.text.trim() !== '' || piece.width > 0)
}

/** The gutter most two-column pages share, if any page has one. */
function mostCommon(gutters: ({ from: number; to: number } | undefined)[]): { from: number; to: number } | undefined {
  const counts = new Map<number, { gutter: { from: number; to: number }; count: number }>()
  for (const gutter of gutters) {
    if (!gutter) continue
    const key = Math.round((gutter.from + gutter.to) / 80)
    const entry = counts.get(key) ?? { gutter, count: 0 }
    entry.count += 1
    counts.set(key, entry)
  }
  const best = [...counts.values()].sort((a, b) => b.count - a.count)[0]
  return best?.gutter
}

/** Whether no line of the page crosses the band, and some text lies right of it. */
function bandIsClear(pieces: TextPiece[], band: { from: number; to: number }): boolean {
  // Somewhere inside the usual gutter, a strip 6 points wide: the widest clear band differs from page to page.
  const allowed = Math.max(1, Math.floor(pieces.length * 0.02))
  for (let middle = band.from + 3; middle <= band.to - 3; middle += 2) {
    const crossing = pieces.filter((piece) => piece.x < middle - 3 && piece.x + piece.width > middle + 3).length
    if (crossing <= allowed && pieces.some((piece) => piece.x >= middle)) return true
  }
  return false
}

function pageLines(page: PageText, number: number, gutter: { from: number; to: number } | undefined): PdfLine[] {
  const pieces = visible(page)
  const ordered: PdfLine[] = []
  if (gutter === undefined) {
    ordered.push(...toLines(pieces, number, 0, page.width))
  } else {
    const crossing = (piece: TextPiece): boolean => piece.x < gutter.from && piece.x + piece.width > gutter.to
    const wide = toLines(pieces.filter(crossing), number, 0, page.width)
    const left = toLines(pieces.filter((piece) => !crossing(piece) && piece.x < gutter.from), number, 1, gutter.from)
    const right = toLines(pieces.filter((piece) => !crossing(piece) && piece.x >= gutter.from), number, 2, page.width)
    // A line across both columns (a title, a running header) divides the page into bands read one after
    // another, as does a heading that starts both columns afresh below a gap across the page.
    const cuts = [...wide.map((line) => line.y - 0.01), ...sectionCuts(left, right)].sort((a, b) => a - b)
    const bands = [-Infinity, ...cuts, Infinity]
    for (let band = 0; band + 1 < bands.length; band += 1) {
      const top = bands[band] ?? -Infinity
      const bottom = bands[band + 1] ?? Infinity
      const inBand = (line: PdfLine): boolean => line.y > top && line.y <= bottom
      ordered.push(...wide.filter(inBand), ...left.filter(inBand), ...right.filter(inBand))
    }
  }
  // Lines are numbered from the top of the page as printed, whatever column they are in.
  const byPosition = [...ordered].sort((a, b) => a.y - b.y || a.x - b.x)
  byPosition.forEach((line, index) => {
    line.index = index + 1
  })
  return ordered
}

/**
 * Where a page set in two columns starts a new pair of columns: a heading in
 * larger type at the top of the left column's text after a gap, with no text in
 * the right column across that gap (a section whose columns were balanced above it).
 */
function sectionCuts(left: PdfLine[], right: PdfLine[]): number[] {
  const sizes = [...left, ...right].map((line) => line.size).sort((a, b) => a - b)
  const usual = sizes[Math.floor(sizes.length / 2)] ?? 10
  const cuts: number[] = []
  for (let index = 1; index < left.length; index += 1) {
    const line = left[index]
    const above = left[index - 1]
    if (!line || !above || line.size < usual * 1.15) continue
    const gap = line.y - line.size - above.y
    if (gap < usual * 1.5) continue
    if (right.some((other) => other.y > above.y + usual * 0.5 && other.y < line.y - line.size * 0.5)) continue
    if (!right.some((other) => other.y < above.y) || !right.some((other) => other.y > line.y)) continue
    cuts.push(above.y + gap / 2)
  }
  return cuts
}

/** A clear vertical band near the middle of the page that no line crosses, with text on both sides: two columns. */
function findGutter(pieces: TextPiece[], width: number): { from: number; to: number } | undefined {
  if (pieces.length < 10) return undefined
  const step = 2
  const columns = Math.ceil(width / step)
  const cover = new Array<number>(columns).fill(0)
  for (const piece of pieces) {
    for (let column = Math.max(0, Math.floor(piece.x / step)); column < Math.min(columns, Math.ceil((piece.x + piece.width) / step)); column += 1) cover[column] = (cover[column] ?? 0) + 1
  }
  const allowed = Math.max(1, Math.floor(pieces.length * 0.02))
  let best: { from: number; to: number } | undefined
  let start = -1
  for (let column = Math.floor((width * 0.3) / step); column <= Math.ceil((width * 0.7) / step); column += 1) {
    if ((cover[column] ?? 0) <= allowed) {
      if (start < 0) start = column
      const from = start * step
      const to = (column + 1) * step
      if (to - from >= 10 && (!best || to - from > best.to - best.from)) best = { from, to }
    } else {
      start = -1
    }
  }
  if (!best) return undefined
  const middle = (best.from + best.to) / 2
  const leftCount = pieces.filter((piece) => piece.x + piece.width <= middle).length
  const rightCount = pieces.filter((piece) => piece.x >= middle).length
  // Both sides must hold running text, not a column of numbers or a margin note.
  const leftLines = new Set(pieces.filter((piece) => piece.x + piece.width <= middle).map((piece) => Math.round(piece.y))).size
  const rightLines = new Set(pieces.filter((piece) => piece.x >= middle).map((piece) => Math.round(piece.y))).size
  if (leftCount < pieces.length * 0.2 || rightCount < pieces.length * 0.2 || leftLines < 5 || rightLines < 5) return undefined
  // The right column's lines start at one left edge, as a column's do; scattered starts are a table or a form.
  const starts = new Map<number, number>()
  for (const piece of pieces) {
    if (piece.x < middle) continue
    const line = Math.round(piece.y)
    starts.set(line, Math.min(starts.get(line) ?? Infinity, piece.x))
  }
  const edges = new Map<number, number>()
  for (const x of starts.values()) edges.set(Math.round(x / 3), (edges.get(Math.round(x / 3)) ?? 0) + 1)
  const common = Math.max(...edges.values())
  if (common < rightLines * 0.4) return undefined
  return best
}

/** Pieces on one baseline made one line, left to right, with a space wherever the gap between pieces is a space's width. */
function toLines(pieces: TextPiece[], page: number, column: number, edge: number): PdfLine[] {
  const sorted = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x)
  const groups: TextPiece[][] = []
  for (const piece of sorted) {
    const group = groups.at(-1)
    const baseline = group?.[0]
    if (group && baseline && Math.abs(piece.y - baseline.y) <= 0.4 * Math.max(piece.size, baseline.size)) group.push(piece)
    else groups.push([piece])
  }
  const left = Math.min(...pieces.map((piece) => piece.x))
  const lines: PdfLine[] = []
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x)
    let text = ''
    let end = -Infinity
    let size = 0
    for (const piece of group) {
      const gap = piece.x - end
      if (text !== '' && gap > 0.15 * piece.size && !/\s$/.test(text) && !/^\s/.test(piece.text)) text += ' '
      text += piece.text
      end = Math.max(end, piece.x + piece.width)
      if (piece.text.trim() !== '') size = Math.max(size, piece.size)
    }
    const clean = text.replace(/\s+/g, ' ').trim()
    if (clean === '') continue
    // Where the line's first word starts: spaces set before it (a text typed with indents) move it in.
    const first = group.find((piece) => piece.text.trim() !== '') ?? group[0]
    const lead = first ? first.text.length - first.text.trimStart().length : 0
    const x = first ? first.x + (first.text.length > 0 ? (lead / first.text.length) * first.width : 0) : 0
    lines.push({ page, index: 0, text: clean, x, right: end, y: first?.y ?? 0, size, column, left, edge })
  }
  // The column's right edge is where its full lines end (the page's margin), not the page's edge.
  const rights = lines.map((line) => line.right).sort((a, b) => a - b)
  const margin = rights[Math.floor(rights.length * 0.9)] ?? edge
  for (const line of lines) line.edge = Math.min(edge, margin)
  return lines
}

/** Normalised for comparing running headers across pages: case, spacing and digits (page numbers, dates) ignored. */
function furnitureKey(text: string): string {
  // "Printed 1 December 2026" and "Printed 1 December 2026 4" (its page number on the same line) are one footer.
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().replace(/(?:[ |/–—-]*#)+$/, '').replace(/^(?:#[ |/–—-]*)+/, '').trim()
}

/** Drop each page's running header and footer lines and page numbers, noting what went. */
function removeFurniture(lines: PdfLine[], pages: PageText[], notes: { line: PdfLine; message: string }[]): PdfLine[] {
  const margin = (line: PdfLine): boolean => {
    const height = pages[line.page - 1]?.height ?? 842
    return line.y < height * 0.12 || line.y > height * 0.88
  }
  const onPages = new Map<string, Set<number>>()
  for (const line of lines) {
    if (!margin(line)) continue
    const key = furnitureKey(line.text)
    const seen = onPages.get(key) ?? new Set<number>()
    seen.add(line.page)
    onPages.set(key, seen)
  }
  // A header that changes with the part of the document ("Part 4 – Rules of Procedure") repeats on a few pages only.
  const repeatedOn = Math.max(2, Math.min(3, Math.ceil(pages.length * 0.3)))
  const removed = new Map<string, { first: PdfLine; pages: Set<number>; kind: string }>()
  const kept: PdfLine[] = []
  for (const line of lines) {
    let kind = ''
    if (margin(line)) {
      if (PAGE_NUMBER.test(line.text)) kind = 'page number'
      else if ((onPages.get(furnitureKey(line.text))?.size ?? 0) >= repeatedOn && pages.length >= 2) kind = line.y < (pages[line.page - 1]?.height ?? 842) / 2 ? 'running header' : 'running footer'
    }
    if (kind === '') {
      kept.push(line)
      continue
    }
    const key = kind === 'page number' ? kind : `${kind} ${furnitureKey(line.text)}`
    const entry = removed.get(key) ?? { first: line, pages: new Set<number>(), kind }
    entry.pages.add(line.page)
    removed.set(key, entry)
  }
  for (const entry of removed.values()) {
    const count = entry.pages.size
    const what = entry.kind === 'page number' ? 'page numbers' : `the ${entry.kind} “${entry.first.text}”`
    notes.push({ line: entry.first, message: `removed ${what} (on ${count} page${count === 1 ? '' : 's'})` })
  }
  return kept
}

/**
 * Drop the footnotes at the foot of each page: a run of lines in smaller type
 * than the text, below it, the first opening with a note mark ("1", "*", "†").
 * A sentence the page broke then runs on to the next page as printed.
 */
function removeFootnotes(lines: PdfLine[], pages: PageText[], notes: { line: PdfLine; message: string }[]): PdfLine[] {
  const body = bodySize(lines)
  const dropped = new Set<PdfLine>()
  for (let page = 1; page <= pages.length; page += 1) {
    const height = pages[page - 1]?.height ?? 842
    const own = lines.filter((line) => line.page === page).sort((a, b) => a.y - b.y)
    let start = own.length
    while (start > 0) {
      const line = own[start - 1]
      if (!line || line.size > body * 0.88 || line.y < height * 0.55) break
      start -= 1
    }
    const run = own.slice(start)
    const first = run[0]
    // Only below text in the body's own size: a page set wholly in small type has no footnotes to find.
    if (!first || start === 0 || !/^(?:\d{1,3}|[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+)(?:\s|[.)]\s|\p{L})/u.test(first.text)) continue
    for (const line of run) dropped.add(line)
    notes.push({ line: first, message: `left out ${run.length === 1 ? 'a footnote line' : `${run.length} lines of footnotes`} (“${first.text.slice(0, 60)}”)` })
  }
  return dropped.size === 0 ? lines : lines.filter((line) => !dropped.has(line))
}

interface Paragraph {
  lines: PdfLine[]
  text: string
}

/** Join a column's wrapped lines into paragraphs; a gap, a short last line, a change of type size or a numbered start ends one. */
function joinParagraphs(lines: PdfLine[], notes: { line: PdfLine; message: string }[]): Paragraph[] {
  const body = bodySize(lines)
  const spacing = lineSpacing(lines, body)
  const headingSizes = [...new Set(lines.filter((line) => line.size >= body * 1.15).map((line) => Math.round(line.size)))].sort((a, b) => b - a)
  const vocabulary = wordsOf(lines)
  const paragraphs: Paragraph[] = []
  let current: PdfLine[] = []
  const flush = (): void => {
    const first = current[0]
    if (!first) return
    const text = joinLines(current, vocabulary, notes)
    // A heading in larger type is its own paragraph, marked with its rank among the document's heading sizes.
    const rank = headingSizes.indexOf(Math.round(first.size)) + 1
    paragraphs.push({ lines: current, text: rank > 0 ? `${'#'.repeat(Math.min(rank, 6))} ${text}` : text })
    current = []
  }
  let previous: PdfLine | undefined
  for (const line of lines) {
    if (previous && (!continues(previous, line, body, spacing) || nextItem(current[0], line))) flush()
    else if (previous && previous.page !== line.page) notes.push({ line, message: `joined the sentence that runs on from page ${previous.page}` })
    current.push(line)
    previous = line
  }
  flush()
  return paragraphs
}

/**
 * Whether `line` opens the item after the one its paragraph opened with: "iii." set where "ii." was, whatever the
 * line before it ends with ("… under the direction of the Chair" / "iii. The Chair will …").
 */
function nextItem(first: PdfLine | undefined, line: PdfLine): boolean {
  // Roman numerals set right-aligned ("ii." and "iii." end where each other end) start up to a few points apart.
  if (!first || first === line || Math.abs(first.x - line.x) > line.size * 0.6 || first.page !== line.page || first.column !== line.column) return false
  const opened = splitClauseNumber(first.text, false).number
  const opens = splitClauseNumber(line.text, false).number
  return opened !== '' && opens !== '' && isNextNumber(opened, opens)
}

/** Whether `line` carries on the paragraph `previous` is in. */
function continues(previous: PdfLine, line: PdfLine, body: number, spacing: number): boolean {
  if (Math.abs(previous.size - line.size) > Math.max(0.5, body * 0.1)) return false
  // "standing order 4(d)" / "(viii) for the quorum …": a citation broken at its brackets goes on, it opens no item.
  if (splitCitation(previous.text, line.text)) return true
  const samePlace = previous.page === line.page && previous.column === line.column
  // A heading in larger type wraps onto a second line of the same size; its lines stand apart from the text.
  if (line.size >= body * 1.15) return samePlace && line.y - previous.y <= line.size * 1.6
  // A heading in capitals that runs onto a second line in capitals is one heading.
  if (samePlace && line.y - previous.y <= spacing * 2 && inCapitals(previous.text) && inCapitals(line.text, 1) && splitClauseNumber(line.text, true).number === '') return true
  if (samePlace && line.y - previous.y > spacing * 1.45) return false
  const width = previous.edge - previous.left
  const full = previous.right >= previous.left + width * 0.8 || (samePlace ? false : previous.right >= previous.left + width * 0.6)
  const numbered = splitClauseNumber(line.text, false).number !== '' || STARTS_ITEM.test(line.text)
  // A line that ends a sentence and stops short of the margin ends its paragraph; one that runs to the margin wraps.
  if (!full) return false
  // A heading in capitals ("24 COMMUNICATING WITH COUNTY COUNCIL COUNCILLORS") is a line of its own, however long.
  if (inCapitals(previous.text) && !inCapitals(line.text)) return false
  if (numbered && (ENDS_SENTENCE.test(previous.text) || ENDS_ITEM.test(previous.text) || /[—–]$/.test(previous.text))) return false
  if (!samePlace && ENDS_SENTENCE.test(previous.text) && !/^\p{Ll}/u.test(line.text)) return false
  return true
}

/** Whether a line is set in capitals: `words` words or more in capitals, and no lowercase letter. */
function inCapitals(text: string, words = 2): boolean {
  return !/\p{Ll}/u.test(text) && (text.match(/\p{Lu}{2,}/gu) ?? []).length >= words
}

/** The paragraph's lines as one line of text, with hyphenated line ends rejoined where the document's own words say so. */
function joinLines(lines: PdfLine[], vocabulary: Set<string>, notes: { line: PdfLine; message: string }[]): string {
  let text = lines[0]?.text ?? ''
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index]
    if (!line) continue
    const hyphen = /(\p{L}+)[-\u00ad\u2010]$/u.exec(text)
    const tail = /^(\p{Ll}+)/u.exec(line.text)
    if (hyphen && tail) {
      const head = hyphen[1] ?? ''
      const rest = tail[1] ?? ''
      if (keepsHyphen(head, rest, text.endsWith('\u00ad'), vocabulary)) {
        text = `${text.replace(/\u00ad$/, '-')}${line.text}`
      } else {
        text = `${text.slice(0, -1)}${line.text}`
        notes.push({ line, message: `rejoined “${head}-” and “${rest}” as “${head}${rest}” (hyphenated at the end of the line before)` })
      }
      continue
    }
    text = splitCitation(text, line.text) ? `${text}${line.text}` : `${text} ${line.text}`
  }
  return text
}

/** Whether a line break fell inside a citation, between its bracketed steps: "4(d)" at a line's end, "(viii)" next. */
function splitCitation(before: string, after: string): boolean {
  return /\d[A-Z]?(?:\([a-z0-9]{1,5}\))+$/i.test(before) && /^\([a-z0-9]{1,5}\)/i.test(after)
}

/** Whether a word broken at a line end is a compound ("decision-making") rather than a word hyphenated to fit ("consti-tution"). */
function keepsHyphen(head: string, tail: string, soft: boolean, vocabulary: Set<string>): boolean {
  if (soft) return false
  const lower = (word: string): string => word.toLowerCase()
  if (vocabulary.has(`${lower(head)}-${lower(tail)}`)) return true
  if (vocabulary.has(lower(head + tail))) return false
  return vocabulary.has(lower(head)) && vocabulary.has(lower(tail)) && tail.length > 2
}

function wordsOf(lines: PdfLine[]): Set<string> {
  const words = new Set<string>()
  for (const line of lines) {
    // A word at a line's end before a hyphen is half a word, not evidence.
    const text = line.text.replace(/\p{L}+[-\u00ad\u2010]$/u, '')
    for (const word of text.toLowerCase().match(/\p{L}+(?:-\p{L}+)*/gu) ?? []) {
      words.add(word)
      if (word.includes('-')) for (const part of word.split('-')) words.add(part)
    }
  }
  return words
}

/** The type size most of the text is set in. */
function bodySize(lines: PdfLine[]): number {
  const weight = new Map<number, number>()
  for (const line of lines) weight.set(Math.round(line.size * 2) / 2, (weight.get(Math.round(line.size * 2) / 2) ?? 0) + line.text.length)
  let best = 10
  let most = -1
  for (const [size, count] of weight) if (count > most) [best, most] = [size, count]
  return best
}

/** The usual distance between consecutive lines of body text in one column. */
function lineSpacing(lines: PdfLine[], body: number): number {
  const gaps: number[] = []
  for (let index = 1; index < lines.length; index += 1) {
    const a = lines[index - 1]
    const b = lines[index]
    if (!a || !b || a.page !== b.page || a.column !== b.column) continue
    if (Math.abs(a.size - body) > 0.5 || Math.abs(b.size - body) > 0.5) continue
    const gap = b.y - a.y
    if (gap > 0) gaps.push(gap)
  }
  gaps.sort((x, y) => x - y)
  return gaps[Math.floor(gaps.length / 2)] ?? body * 1.2
}
