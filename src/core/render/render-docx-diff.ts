import { Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, type ParagraphChild, type Table, TabStopType, TextRun } from 'docx'
import { strFromU8, strToU8, unzipSync } from 'fflate'
import type { Nodes, RootContent } from 'mdast'
import { dateTime } from '../dates.js'
import { type ChangeSet, type ClauseDiff, clauseWords } from '../diff/change-set.js'
import type { WordPart } from '../diff/diff-words.js'
import { MARK, parseInline, SENTINEL_MARKS, unescapeMarkdown } from './markdown-tree.js'
import { parseSimpleMarkdown } from './parse-simple-markdown.js'
import { houseStyles } from './docx-house-style.js'
import { markParts } from './render-markdown-diff.js'
import { continuationIndents, dedent } from './continuation.js'
import { concatBytes, zipDocx } from './zip-docx.js'
import { BodyXml, paragraphXml, type ParagraphXmlOptions, runXml, tableXml } from './docx-xml.js'

/** A block of a Word document's body: docx's own paragraphs and tables, or keeling's XML for many at once. */
export type DocxBlock = Paragraph | Table | BodyXml


export interface DocxOptions {
  /** When the revisions were made (ISO 8601); a change's own date, when it has one, comes first. */
  date: string
  /** A line printed at the foot of every page (the version and hash of a consolidated text). */
  footer?: string
}

/** A piece of text with its revision and its emphasis. */
interface Piece {
  text: string
  state: 'none' | 'del' | 'ins'
  /** Set on an empty piece where the paragraph's break was inserted or left out. */
  break?: 'del' | 'ins'
  bold?: boolean
  italics?: boolean
}

/** Who and when, for one clause's revisions. */
interface Reviser {
  author: string
  date: string
  nextId: () => number
}

/**
 * The change set as a Word document with real tracked changes: the new
 * text in full, every struck word a deletion (`w:del`) and every new word
 * an insertion (`w:ins`), each with its author — the motion's mover or
 * approving body, "keeling" for a plain diff — and date. Clause numbers are
 * plain text, not Word numbering, and a renumbering is a deletion of the old
 * number and an insertion of the new. A paragraph wholly inserted or left
 * out carries the revision on its paragraph mark too, so that Reject All or
 * Accept All removes it whole. A moved clause is left out where it stood
 * and inserted where it stands.
 */
export async function renderDocxDiff(changeSet: ChangeSet, options: DocxOptions): Promise<Uint8Array> {
  const ids = revisionIds()
  const title = changeSet.after.title || changeSet.before.title
  const children: DocxBlock[] = []
  if (title) children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }))
  children.push(...changeSetBlocks(changeSet, options.date, ids))
  return packDocx(children, {
    title: title || 'Changes',
    date: options.date,
    description: `Changes from ${changeSet.before.label} to ${changeSet.after.label}`,
    ...(options.footer ? { footer: options.footer } : {})
  })
}

/** A counter for revision IDs, unique within one document. */
export function revisionIds(): () => number {
  let id = 0
  return () => ++id
}

/** The clauses of a change set as Word paragraphs with real revisions, each by its motion's mover (or "keeling") on its date. */
export function changeSetBlocks(changeSet: ChangeSet, date: string, nextId: () => number): DocxBlock[] {
  const children: string[] = []
  const indents = continuationIndents(changeSet)
  changeSet.clauses.forEach((clause, index) => {
    const first = clause.attribution[0]
    const reviser: Reviser = { author: first?.mover || first?.body || 'keeling', date: first?.date ? dateTime(first.date) : date, nextId }
    children.push(...clauseBlocks(clause, reviser, indents[index] ?? 0))
  })
  return [new BodyXml(children.join(''))]
}

/** Plain Markdown (no change marks) as Word paragraphs and tables; a first-level list keeps its numbers. */
export function markdownBlocks(markdown: string, nextId: () => number, options: { number?: string } = {}): DocxBlock[] {
  const walker = new DocxWalker({ author: 'keeling', date: '', nextId })
  if (options.number === undefined) return [new BodyXml(walker.blocks(markdown).join(''))]
  const blocks = walker.blocks(markdown, 1, true)
  const firstPieces = walker.firstParagraphPieces
  const numbered = walker.paragraph([{ text: `${options.number}\t`, state: 'none' }, ...(firstPieces ?? [])], { hangingNumber: true })
  return [new BodyXml((firstPieces ? [numbered, ...blocks.slice(1)] : [numbered, ...blocks]).join(''))]
}

/**
 * A4 Word document from paragraphs, tracked changes on, the footer (with page numbers when asked) on every page;
 * created and last modified on `date` (ISO 8601), so that the same input and date give the same file.
 */
export async function packDocx(blocks: DocxBlock[], options: { title: string; description: string; date: string; footer?: string; pageNumbers?: boolean }): Promise<Uint8Array> {
  const { children, xml } = withSlots(blocks)
  const footerRuns: ParagraphChild[] = options.footer ? [new TextRun({ text: options.footer, size: 18 })] : []
  if (options.pageNumbers) footerRuns.push(new TextRun({ children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18 }))
  const document = new Document({
    creator: 'keeling',
    title: options.title,
    description: options.description,
    features: { trackRevisions: true },
    styles: houseStyles(),
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        ...(footerRuns.length > 0 ? { footers: { default: new Footer({ children: [new Paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: 9638 }], children: footerRuns })] }) } } : {}),
        children
      }
    ]
  })
  return await withBodyXml(new Uint8Array(await Packer.toBuffer(document)), xml, options.date)
}

/**
 * docx's blocks as they are, and in place of each run of keeling's XML a slot: one empty paragraph of a style no
 * other paragraph has (`keeling-body-N`), which `withBodyXml` fills with that XML.
 */
function withSlots(blocks: DocxBlock[]): { children: Array<Paragraph | Table>; xml: string[] } {
  const children: Array<Paragraph | Table> = []
  const xml: string[] = []
  let previous: DocxBlock | undefined
  for (const block of blocks) {
    if (!(block instanceof BodyXml)) children.push(block)
    else if (previous instanceof BodyXml) xml[xml.length - 1] += block.xml
    else {
      children.push(new Paragraph({ style: `keeling-body-${xml.length}` }))
      xml.push(block.xml)
    }
    previous = block
  }
  return { children, xml }
}

/**
 * A document docx packed, dated `date` (ISO 8601) in its core properties: docx writes the clock's time there,
 * which made every file differ from the last.
 */
export async function datedDocx(packed: Uint8Array, date: string): Promise<Uint8Array> {
  return withBodyXml(packed, [], date)
}

/** The packed document with each slot paragraph filled with its XML, created and modified on `date`. */
async function withBodyXml(packed: Uint8Array, xml: string[], date: string): Promise<Uint8Array> {
  const files = unzipSync(packed)
  const core = files['docProps/core.xml']
  if (core) {
    const stamp = date.replace(/\.\d+Z$/, 'Z')
    files['docProps/core.xml'] = strToU8(strFromU8(core).replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, (_, open: string, _name: string, close: string) => `${open}${stamp}${close}`))
  }
  if (xml.length === 0) return zipDocx(files)
  const part = files['word/document.xml']
  if (!part) throw new Error('docx wrote no word/document.xml')
  // Each piece is encoded apart and the bytes put together: the body of a 50,000-clause diff is 25 MB, and
  // joining it into docx's document as one string first would copy it once more.
  const document = strFromU8(part)
  const pieces: Uint8Array[] = []
  let from = 0
  xml.forEach((body, index) => {
    const slot = `<w:p><w:pPr><w:pStyle w:val="keeling-body-${index}"/></w:pPr></w:p>`
    const at = document.indexOf(slot, from)
    if (at < 0) throw new Error(`docx did not write the slot paragraph keeling-body-${index}`)
    pieces.push(strToU8(document.slice(from, at)), strToU8(body))
    from = at + slot.length
  })
  pieces.push(strToU8(document.slice(from)))
  files['word/document.xml'] = concatBytes(pieces)
  return zipDocx(files)
}

/** A clause as Word blocks; a block going on with a list item or note before it (`indent`) is read without that indentation, not as code. */
function clauseBlocks(clause: ClauseDiff, reviser: Reviser, indent: number): string[] {
  const unit = clause.after ?? clause.before
  if (!unit) return []
  const whole = clause.type === 'inserted' || clause.type === 'moved' ? 'ins' : clause.type === 'deleted' || clause.type === 'moved-away' ? 'del' : null
  const side = whole === 'del' ? clause.before : whole === 'ins' ? clause.after : clause.after
  if (!side) return []
  const number: Piece[] = whole
    ? side.number
      ? [{ text: unescapeMarkdown(side.number), state: whole }]
      : []
    : numberPieces(unescapeMarkdown(clause.before?.number ?? ''), unescapeMarkdown(clause.after?.number ?? ''))
  const gap: Piece[] = whole ? (side.number ? [{ text: side.gap || ' ', state: whole }] : []) : gapPieces(clause.before?.gap ?? '', clause.after?.gap ?? '')
  const parts: WordPart[] = whole ? [{ type: whole === 'ins' ? 'inserted' : 'deleted', text: side.body }] : clauseWords(clause)
  const markdown = dedent(markParts(parts, SENTINEL_MARKS, { spaceInside: true, breaks: { deleted: MARK.delBreak, inserted: MARK.insBreak } }), indent)
  const walker = new DocxWalker(reviser)
  if (unit.kind === 'heading') {
    const level = Math.min(6, /^#+/.exec(side.head)?.[0].length ?? 2)
    const pieces = [...number, ...gap, ...walker.inlineOf(markdown)]
    return [walker.paragraph(pieces, { heading: HEADINGS[level - 1] ?? 'Heading2' })]
  }
  const blocks = walker.blocks(markdown, 0, number.length > 0 || gap.length > 0)
  if (number.length === 0 && gap.length === 0) return blocks
  const firstPieces = walker.firstParagraphPieces
  if (firstPieces) {
    blocks[0] = walker.paragraph([...number, ...gap, ...firstPieces])
    return blocks
  }
  return [walker.paragraph(number), ...blocks]
}

/** Any of keeling's change marks. */
const HAS_MARK = /[\uE000-\uE005]/

/** Word's heading styles, as docx names them (`HeadingLevel`). */
const HEADINGS = ['Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6']

function gapPieces(before: string, after: string): Piece[] {
  if (before === after) return before ? [{ text: before, state: 'none' }] : []
  return [...(before ? [{ text: before, state: 'del' as const }] : []), ...(after ? [{ text: after, state: 'ins' as const }] : [])]
}

function numberPieces(before: string, after: string): Piece[] {
  if (before === after) return after ? [{ text: after, state: 'none' }] : []
  return [...(before ? [{ text: before, state: 'del' as const }] : []), ...(after ? [{ text: after, state: 'ins' as const }] : [])]
}

/** Markdown (with change marks) to Word paragraphs and tables, as XML. */
class DocxWalker {
  private state: Piece['state'] = 'none'
  /** How the break before the next paragraph was changed: its bullet goes with it. */
  private previousBreak: Piece['state'] = 'none'
  /** The pieces of the first block, when it is a paragraph (the clause number goes in front). */
  firstParagraphPieces: Piece[] | null = null

  constructor(private readonly reviser: Reviser) {}

  /**
   * Word blocks for Markdown; `depth` indents them all (the paragraphs under a report's number). With `numbered`,
   * a first block that is a paragraph is left empty (`''`): the caller writes it with the number in front.
   */
  blocks(markdown: string, depth = 0, numbered = false): string[] {
    const tree = parseSimpleMarkdown(markdown)
    const out: string[] = []
    tree.children.forEach((node, index) => {
      if (index === 0 && node.type === 'paragraph') {
        this.firstParagraphPieces = this.inline(node)
        out.push(numbered ? this.passParagraph(this.firstParagraphPieces) : this.paragraph(this.firstParagraphPieces, depth > 0 ? { indent: depth } : {}))
      } else out.push(...this.block(node, depth))
    })
    return out
  }

  /**
   * What `paragraph` does besides writing the paragraph: the revision IDs it takes and the break it leaves for the
   * next, so that a paragraph written again with its number in front has the IDs and marks it had when it was
   * written twice (the first time thrown away).
   */
  private passParagraph(pieces: Piece[]): string {
    this.previousBreak = pieces.find((piece) => piece.break)?.break ?? 'none'
    this.reviser.nextId()
    for (const piece of pieces) if (piece.text !== '' && piece.state !== 'none') this.reviser.nextId()
    return ''
  }

  /** One line of Markdown as a heading's words (a dash or number opening it is a word, not a list). */
  inlineOf(markdown: string): Piece[] {
    return parseInline(markdown).flatMap((node) => this.inline(node))
  }

  paragraph(pieces: Piece[], options: { heading?: string; indent?: number; prefix?: string; hangingNumber?: boolean } = {}): string {
    const visible = pieces.filter((piece) => piece.text.trim() !== '')
    const whole = visible.length > 0 && visible.every((piece) => piece.state === visible[0]?.state) ? (visible[0]?.state ?? 'none') : 'none'
    const prefixState = whole !== 'none' ? whole : this.previousBreak
    const prefix: Piece[] = options.prefix ? [{ text: options.prefix, state: prefixState }] : []
    // The paragraph mark goes where the line break itself was inserted or left out; a paragraph inserted or left
    // out whole takes its own mark with it, unless the break before it already stands for it (one mark a paragraph).
    const broken = pieces.find((piece) => piece.break)?.break
    const markState = broken ?? (whole !== 'none' && this.previousBreak !== whole ? whole : 'none')
    this.previousBreak = broken ?? 'none'
    const mark = { id: this.reviser.nextId(), author: this.reviser.author, date: this.reviser.date }
    const properties: ParagraphXmlOptions = {
      ...(options.heading ? { style: options.heading } : {}),
      ...(options.hangingNumber ? { leftTab: 567, indent: { left: 567, hanging: 567 } } : options.indent ? { indent: { left: 567 * options.indent, hanging: options.prefix ? 340 : 0 } } : {}),
      ...(options.prefix !== undefined ? { spacingAfter: 60 } : {}),
      ...(markState !== 'none' ? { mark: { kind: markState, revision: mark } } : {})
    }
    const runs = [...prefix, ...pieces].filter((piece) => piece.text !== '').map((piece) => this.run(piece))
    return paragraphXml(properties, runs.join(''))
  }

  private run(piece: Piece): string {
    // A Markdown hard break is a line break in Word, not a newline character inside the text.
    const run = { text: piece.text === '\n' ? '' : piece.text, break: piece.text === '\n', bold: piece.bold === true, italics: piece.italics === true }
    if (piece.state === 'none') return runXml(run)
    return runXml(run, { kind: piece.state, mark: { id: this.reviser.nextId(), author: this.reviser.author, date: this.reviser.date } })
  }

  private block(node: RootContent, depth: number): string[] {
    switch (node.type) {
      case 'paragraph':
        return [this.paragraph(this.inline(node), depth > 0 ? { indent: depth } : {})]
      case 'heading':
        return [this.paragraph(this.inline(node), { heading: HEADINGS[node.depth - 1] ?? 'Heading2' })]
      case 'list': {
        const start = node.start ?? 1
        return node.children.flatMap((item, index) =>
          item.children.flatMap((child, childIndex) => {
            if (child.type !== 'paragraph') return this.block(child, depth + 1)
            const prefix = childIndex === 0 ? (node.ordered ? `${start + index}.\t` : '•\t') : ''
            return [this.paragraph(this.inline(child), { indent: depth + 1, prefix })]
          })
        )
      }
      case 'blockquote':
        return node.children.flatMap((child) => this.block(child, depth + 1))
      case 'code':
        return [this.paragraph(this.pieces(node.value), { indent: depth + 1 })]
      case 'table':
        return [tableXml(node.children.map((row, rowIndex) => row.children.map((cell) => this.paragraph(this.inline(cell).map((piece) => (rowIndex === 0 ? { ...piece, bold: true } : piece))))))]
      case 'thematicBreak':
        // A rule, not words: "* * *" as text would be words no revision marks.
        return [paragraphXml({ bottomBorder: true }, '')]
      case 'html':
        return [this.paragraph(this.pieces(node.value), depth > 0 ? { indent: depth } : {})]
      default:
        return 'children' in node ? [this.paragraph(this.inline(node))] : []
    }
  }

  /** The text of inline nodes as pieces, with emphasis; raw HTML is kept as its text. */
  private inline(node: Nodes, style: { bold?: boolean; italics?: boolean } = {}): Piece[] {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'html':
        return this.pieces(node.value, style)
      case 'strong':
        return node.children.flatMap((child) => this.inline(child, { ...style, bold: true }))
      case 'emphasis':
        return node.children.flatMap((child) => this.inline(child, { ...style, italics: true }))
      case 'break':
        return this.pieces('\n', style)
      case 'image':
        return this.pieces(node.alt ?? '', style)
      default:
        return 'children' in node ? (node.children as Nodes[]).flatMap((child) => this.inline(child, style)) : []
    }
  }

  /** Split marked text into pieces at the change marks. */
  private pieces(value: string, style: { bold?: boolean; italics?: boolean } = {}): Piece[] {
    const pieces: Piece[] = []
    let text = ''
    const flush = (): void => {
      if (text) pieces.push({ text, state: this.state, ...style })
      text = ''
    }
    // Text without marks is one piece; the marks are single UTF-16 units, so the text is walked unit by unit.
    if (!HAS_MARK.test(value)) return value ? [{ text: value, state: this.state, ...style }] : []
    const chars = value
    for (let index = 0; index < chars.length; index++) {
      const char = chars[index] ?? ''
      if (char === MARK.delBreak || char === MARK.insBreak) {
        flush()
        const kind = char === MARK.delBreak ? 'del' : 'ins'
        // A line break the paragraph goes on after is a soft break, a space between words: followed by more words
        // of its own run, or ending words of its run where the other run starts, it goes with its run
        // (“Krankenbehandlung⏎sowie bei …” put in before “, die” reads “Krankenbehandlung, die” rejected; “; er⏎”
        // left out before “. Der …” put in reads “vorliegen. Der” accepted); where a statute's lines were rewrapped (a break where a space was) it is a
        // space on both sides, as the Markdown reader drops the space that opens the next line. Only a break that
        // ends the paragraph is its mark.
        if (chars[index + 1] === '\n' && index + 2 < chars.length) {
          const next = chars[index + 2]
          const reopens = next === (kind === 'ins' ? MARK.insOpen : MARK.delOpen) || ((next === MARK.insOpen || next === MARK.delOpen) && pieces.at(-1)?.state === kind)
          pieces.push({ text: ' ', state: reopens ? kind : 'none', ...style })
          index++
        } else pieces.push({ text: '', state: this.state, break: kind })
        continue
      }
      if (char === MARK.delOpen || char === MARK.insOpen || char === MARK.delClose || char === MARK.insClose) {
        flush()
        this.state = char === MARK.delOpen ? 'del' : char === MARK.insOpen ? 'ins' : 'none'
      } else text += char
    }
    flush()
    return pieces
  }
}
