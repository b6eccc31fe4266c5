import { unzipSync } from 'fflate'
import type { ImportFailure } from '../types.js'
import type { ReadDocument } from '../read-document.js'
import { NumberingCounter, readNumbering, type ShownNumber } from './numbering.js'
import { Styles } from './styles.js'
import { child, elements, parseXml, value, type XmlElement } from './xml-tree.js'

/** How to read a Word document. */
export interface DocxOptions {
  /** Read the text with every tracked change accepted, instead of refusing a document that has any. */
  acceptChanges: boolean
  /**
   * Read the text with the tracked changes this accepts accepted and every other one rejected (a redline read
   * as one author's changes, or with none): insertions kept or dropped, deletions dropped or kept, paragraph
   * marks joined or kept. Given, a document with tracked changes is not refused.
   */
  accept?: (revision: Revision) => boolean
}

/** A tracked change in a Word document: what kind, by whom, when. */
export interface Revision {
  kind: 'insertion' | 'deletion'
  author: string
  /** The revision's date and time as Word writes it (ISO 8601), or ''. */
  date: string
}

/** The tracked changes and comments of a Word document, by author. */
export interface Revisions {
  authors: Array<{ name: string; changes: number; dates: string[] }>
  comments: Array<{ author: string; date: string; text: string }>
}

const REVISION_ELEMENTS = new Set(['w:ins', 'w:del', 'w:moveFrom', 'w:moveTo'])

function revisionOf(element: XmlElement): Revision {
  return {
    kind: element.name === 'w:ins' || element.name === 'w:moveTo' ? 'insertion' : 'deletion',
    author: element.attributes['w:author'] ?? '',
    date: element.attributes['w:date'] ?? ''
  }
}

/**
 * Who made a Word document's tracked changes, how many each and on which dates, and its comments (author, date,
 * words): what `motion from-docx` needs to write one motion per author.
 */
export function readDocxRevisions(bytes: Uint8Array): Revisions | { failure: ImportFailure } {
  const unzipped = unzipParts(bytes)
  if ('failure' in unzipped) return unzipped
  const files = unzipped.files
  const decoder = new TextDecoder()
  const mainName = mainDocumentName(files['_rels/.rels'] ? parseXml(decoder.decode(files['_rels/.rels'])) : undefined)
  const main = files[mainName]
  if (!main) return { failure: notWord(files, decoder) }
  const byAuthor = new Map<string, { name: string; changes: number; dates: Set<string> }>()
  const walk = (element: XmlElement): void => {
    for (const node of element.children) {
      if (typeof node === 'string') continue
      if (REVISION_ELEMENTS.has(node.name)) {
        const { author, date } = revisionOf(node)
        const entry = byAuthor.get(author) ?? { name: author, changes: 0, dates: new Set<string>() }
        entry.changes += 1
        if (date) entry.dates.add(date.slice(0, 10))
        byAuthor.set(author, entry)
      }
      walk(node)
    }
  }
  const comments: Revisions['comments'] = []
  try {
    walk(parseXml(decoder.decode(main)))
    const part = files['word/comments.xml']
    for (const comment of part ? elements(child(parseXml(decoder.decode(part)), 'w:comments') ?? { name: '', attributes: {}, children: [] }, 'w:comment') : []) {
      comments.push({ author: comment.attributes['w:author'] ?? '', date: (comment.attributes['w:date'] ?? '').slice(0, 10), text: textOf(comment).replace(/\s+/g, ' ').trim() })
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
    return { failure: { reason: `the Word document is damaged (${detail}); open it in Word or LibreOffice and save it again as .docx`, code: 'damaged-document' } }
  }
  return { authors: [...byAuthor.values()].map((entry) => ({ name: entry.name, changes: entry.changes, dates: [...entry.dates].sort() })), comments }
}

/** All the words of an element's w:t runs. */
function textOf(element: XmlElement): string {
  let text = ''
  for (const node of element.children) {
    if (typeof node === 'string') continue
    if (node.name === 'w:t') text += characters(node)
    else if (node.name === 'w:p' && text !== '') text += ' ' + textOf(node)
    else text += textOf(node)
  }
  return text
}

/** The Word parts the reader uses; the rest of the package (images, themes, settings) is never inflated. */
const PARTS = /^(?:\[Content_Types\]\.xml|_rels\/\.rels|mimetype|word\/(?:document\d*|styles|numbering|footnotes|endnotes|comments)\.xml|word\/(?:header|footer)\d*\.xml|word\/_rels\/document\d*\.xml\.rels)$/

/** Run-level containers whose content is the paragraph's text (a link's words, a content control's, an insertion's). */
const CONTAINERS = new Set(['w:hyperlink', 'w:smartTag', 'w:customXml', 'w:sdtContent', 'w:fldSimple', 'w:ins', 'w:moveTo', 'w:bdo', 'w:dir', 'w:sdt'])

interface Survey {
  changes: number
  authors: Set<string>
  footnotes: number
  comments: number
  textBoxes: number
}

/**
 * Read a Word (.docx) document as the lines the text importer reads: one
 * line a paragraph, headings (by style or outline level) as `#` lines, the
 * numbers Word's automatic numbering shows written into the text (levels,
 * restarts, start overrides, `%1.%2` patterns, legal numbering), bullets as
 * `- ` items, tables as rows of tab-separated cells (or, where a table only lays out numbers
 * beside texts, as those numbered paragraphs). A document with tracked
 * changes is refused unless `acceptChanges`; a table of contents is left out.
 * Every place is "paragraph N", counting the document's paragraphs from 1.
 */
export function readDocx(bytes: Uint8Array, options: DocxOptions): ReadDocument | { failure: ImportFailure } {
  const unzipped = unzipParts(bytes)
  if ('failure' in unzipped) return unzipped
  const files = unzipped.files
  const decoder = new TextDecoder()
  const part = (name: string): XmlElement | undefined => {
    const data = files[name]
    return data ? parseXml(decoder.decode(data)) : undefined
  }
  const mainName = mainDocumentName(part('_rels/.rels'))
  if (!files[mainName]) return { failure: notWord(files, decoder) }
  let document: XmlElement
  let styles: Styles
  let counter: NumberingCounter
  try {
    document = part(mainName) ?? { name: '', attributes: {}, children: [] }
    styles = new Styles(part('word/styles.xml'))
    const definitions = readNumbering(part('word/numbering.xml'))
    counter = new NumberingCounter(definitions, (style) => styles.numberingOf(style))
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
    return { failure: { reason: `the Word document is damaged (${mainName}: ${detail}); open it in Word or LibreOffice and save it again as .docx`, code: 'damaged-document' } }
  }
  const body = child(child(document, 'w:document'), 'w:body')
  if (!body) return { failure: { reason: `the Word document has no body (${mainName}); it holds no text to import`, code: 'no-clauses' } }
  const survey = surveyDocument(body)
  if (survey.changes > 0 && !options.acceptChanges && !options.accept) {
    const authors = [...survey.authors].sort()
    const by = authors.length > 0 ? ` by ${authors.join(', ')}` : ''
    return {
      failure: {
        reason: `the Word document has ${survey.changes} tracked change${survey.changes === 1 ? '' : 's'}${by}; keeling imports a settled text: accept or reject them in Word (Review → Accept/Reject), or pass --accept-changes to import the text as it reads with every change accepted`,
        code: 'tracked-changes'
      }
    }
  }
  const accept = options.accept ?? ((): boolean => true)
  return new DocxWriter(styles, counter, (element) => accept(revisionOf(element)), options.accept !== undefined).read(body, survey)
}

/** The package's parts the reader uses, inflated; or why the zip cannot be read. */
function unzipParts(bytes: Uint8Array): { files: Record<string, Uint8Array> } | { failure: ImportFailure } {
  try {
    return { files: unzipSync(bytes, { filter: (file) => PARTS.test(file.name) }) }
  } catch {
    return { failure: { reason: 'the Word document is damaged (its zip container cannot be read); open it in Word or LibreOffice and save it again as .docx', code: 'damaged-document' } }
  }
}

/** The main document part's name, as the package's relationships give it. */
function mainDocumentName(rels: XmlElement | undefined): string {
  const relationships = rels ? child(rels, 'Relationships') : undefined
  for (const relationship of relationships ? elements(relationships, 'Relationship') : []) {
    if (relationship.attributes.Type?.endsWith('/officeDocument')) return (relationship.attributes.Target ?? '').replace(/^\//, '')
  }
  return 'word/document.xml'
}

function notWord(files: Record<string, Uint8Array>, decoder: { decode(data: Uint8Array): string }): ImportFailure {
  const mimetype = files.mimetype ? decoder.decode(files.mimetype) : ''
  const types = files['[Content_Types].xml'] ? decoder.decode(files['[Content_Types].xml']) : ''
  if (mimetype.includes('opendocument.text')) {
    return { reason: 'this is an OpenDocument text (.odt); save it as Word (.docx) in LibreOffice (File → Save As), or run `soffice --headless --convert-to docx FILE`, and import that', code: 'unsupported-format' }
  }
  const what = types.includes('spreadsheetml') ? 'an Excel workbook' : types.includes('presentationml') ? 'a PowerPoint presentation' : 'a zip archive, not a Word document'
  return { reason: `this is ${what}; keeling imports Word (.docx), PDF, Markdown and plain text`, code: 'unsupported-format' }
}

/** Count what the reader must refuse or report: tracked changes and their authors, notes, comments, text boxes. */
function surveyDocument(body: XmlElement): Survey {
  const survey: Survey = { changes: 0, authors: new Set(), footnotes: 0, comments: 0, textBoxes: 0 }
  const walk = (element: XmlElement): void => {
    for (const node of element.children) {
      if (typeof node === 'string') continue
      if (node.name === 'w:ins' || node.name === 'w:del' || node.name === 'w:moveFrom' || node.name === 'w:moveTo') {
        survey.changes += 1
        const author = node.attributes['w:author']
        if (author) survey.authors.add(author)
      } else if (node.name === 'w:footnoteReference' || node.name === 'w:endnoteReference') {
        survey.footnotes += 1
      } else if (node.name === 'w:commentReference') {
        survey.comments += 1
      } else if (node.name === 'w:txbxContent') {
        survey.textBoxes += 1
        continue
      }
      walk(node)
    }
  }
  walk(body)
  return survey
}

interface Line {
  text: string
  paragraph: number
}

/** Writes a document's body as lines, counting paragraphs and list numbers as it goes. */
class DocxWriter {
  private paragraph = 0
  private readonly blocks: Line[][] = []
  private readonly notes: { paragraph: number; message: string }[] = []
  private title: string | undefined
  /** Text of a paragraph whose mark was deleted: it runs on into the next one. */
  private carried = ''
  private field: 'code' | 'result' | 'none' = 'none'
  /** The list level of the paragraph last numbered. */
  private level = 0
  private contents: number[] = []

  constructor(
    private readonly styles: Styles,
    private readonly counter: NumberingCounter,
    /** Whether a tracked change (w:ins, w:del, w:moveFrom, w:moveTo, or a paragraph mark's) is read as accepted. */
    private readonly accepts: (element: XmlElement) => boolean,
    /** Whether the caller chose which changes to accept (no note then that all were accepted). */
    private readonly chosen: boolean
  ) {}

  read(body: XmlElement, survey: Survey): ReadDocument {
    this.readBlocks(body)
    if (this.contents.length > 0) {
      this.notes.push({ paragraph: this.contents[0] ?? 1, message: `left out the table of contents (paragraphs ${this.contents[0]}–${this.contents.at(-1)}): the headings it lists are imported where they stand` })
    }
    if (survey.changes > 0 && !this.chosen) this.notes.push({ paragraph: 1, message: `read with all ${survey.changes} tracked changes accepted (--accept-changes)` })
    if (survey.footnotes > 0) this.notes.push({ paragraph: 1, message: `left out ${survey.footnotes} footnote${survey.footnotes === 1 ? '' : 's'}: Word notes are not clauses; put any that belong to the rules into the text` })
    if (survey.comments > 0) this.notes.push({ paragraph: 1, message: `left out ${survey.comments} comment${survey.comments === 1 ? '' : 's'}` })
    if (survey.textBoxes > 0) this.notes.push({ paragraph: 1, message: `left out ${survey.textBoxes} text box${survey.textBoxes === 1 ? '' : 'es'}: text in a drawing is not part of the clauses` })
    const lines: string[] = []
    const places: string[] = []
    for (const block of this.blocks) {
      if (lines.length > 0) {
        lines.push('')
        places.push('')
      }
      for (const line of block) {
        lines.push(line.text)
        places.push(`paragraph ${line.paragraph}`)
      }
    }
    const lineOf = (paragraph: number): number => Math.max(1, places.indexOf(`paragraph ${paragraph}`) + 1)
    return {
      text: lines.join('\n'),
      places,
      notes: this.notes.map((note) => ({ line: lineOf(note.paragraph), message: note.message })),
      laidOut: true,
      ...(this.title !== undefined ? { title: this.title } : {})
    }
  }

  private readBlocks(container: XmlElement): void {
    for (const node of container.children) {
      if (typeof node === 'string') continue
      if (node.name === 'w:p') this.readParagraph(node)
      else if (node.name === 'w:tbl') this.readTable(node)
      else if (node.name === 'w:sdt') this.readBlocks(child(node, 'w:sdtContent') ?? node)
      else if (node.name === 'w:customXml') this.readBlocks(node)
      else if ((node.name === 'w:ins' || node.name === 'w:moveTo') && this.accepts(node)) this.readBlocks(node)
      else if ((node.name === 'w:del' || node.name === 'w:moveFrom') && !this.accepts(node)) this.readBlocks(node)
    }
  }

  private readParagraph(paragraph: XmlElement): void {
    this.paragraph += 1
    const line = this.paragraphLine(paragraph)
    if (line !== undefined) this.blocks.push([{ text: line, paragraph: this.paragraph }])
  }

  /** The paragraph as one line of the importer's text, or undefined when it shows nothing. */
  private paragraphLine(paragraph: XmlElement): string | undefined {
    const pPr = child(paragraph, 'w:pPr')
    const styleId = value(pPr, 'w:pStyle')
    const style = this.styles.get(styleId)
    let words = this.carried + this.runs(paragraph)
    this.carried = ''
    // A deleted paragraph mark, accepted, joins this paragraph to the next; so does an inserted one, rejected.
    const markRevisions = child(pPr, 'w:rPr')
    const markDeleted = child(markRevisions, 'w:del') ?? child(markRevisions, 'w:moveFrom')
    const markInserted = child(markRevisions, 'w:ins') ?? child(markRevisions, 'w:moveTo')
    if ((markDeleted && this.accepts(markDeleted)) || (markInserted && !this.accepts(markInserted))) {
      this.carried = words
      return undefined
    }
    const typed = (/^[ \t\u00a0]*/.exec(words)?.[0] ?? '').replace(/\t/g, '    ').length
    words = words.replace(/[\s\u00a0]+/g, ' ').trim()
    if (/^toc\s*\d|^table of contents|^contents\s*\d/i.test(style.name)) {
      if (words !== '') this.contents.push(this.paragraph)
      return undefined
    }
    const shown = this.numberOf(pPr, styleId, style)
    // An empty paragraph shows nothing, though Word counts it when it is numbered (the next number is one more).
    if (words === '') return undefined
    if (/^title$/i.test(style.name) && this.title === undefined && shown.kind === 'none') {
      this.title = words
      return undefined
    }
    const outline = value(pPr, 'w:outlineLvl') ?? (style.outline !== undefined ? String(style.outline) : undefined)
    const number = shown.kind === 'number' ? `${shown.text} ` : ''
    if (outline !== undefined && Number(outline) < 9 && words !== '') {
      return `${'#'.repeat(Math.min(Number(outline) + 1, 6))} ${number}${words}`
    }
    if (shown.kind === 'bullet') return `- ${words}`
    const line = `${number}${words}`.trim()
    // A list numbered "1." at every level is nested only by its level (or, typed, by its indent): keep it as an indent.
    if (!/^\d{1,3}[.)][ \t]/.test(line)) return line
    const indent = shown.kind === 'number' ? 3 * this.level : typed
    return `${' '.repeat(Math.min(indent, 16))}${line}`
  }

  /** The number Word shows before the paragraph: its own list, or its style's. */
  private numberOf(pPr: XmlElement | undefined, styleId: string | undefined, style: { numId?: string; level?: number }): ShownNumber {
    const numPr = child(pPr, 'w:numPr')
    const numId = value(numPr, 'w:numId') ?? style.numId
    if (numId === undefined || numId === '0') return { kind: 'none' }
    const level = Number(value(numPr, 'w:ilvl') ?? style.level ?? this.counter.levelOfStyle(numId, styleId) ?? 0)
    this.level = level
    return this.counter.next(numId, level)
  }

  /** The paragraph's visible words: runs, links, fields' results, accepted insertions; not deletions or field codes. */
  private runs(element: XmlElement, deleted = false): string {
    let text = ''
    for (const node of element.children) {
      if (typeof node === 'string') continue
      if (node.name === 'w:r') text += this.run(node, deleted)
      else if (node.name === 'w:ins' || node.name === 'w:moveTo') text += this.accepts(node) ? this.runs(node, deleted) : ''
      else if (node.name === 'w:del' || node.name === 'w:moveFrom') text += this.accepts(node) ? '' : this.runs(node, true)
      else if (CONTAINERS.has(node.name)) text += this.runs(node, deleted)
      else if (node.name === 'mc:AlternateContent') text += this.runs(elements(node)[0] ?? node)
      // Anything else — w:del and w:moveFrom (what the accepted text leaves out), bookmarks, proofing marks — shows no words.
    }
    return text
  }

  private run(run: XmlElement, deleted = false): string {
    let text = ''
    // Hidden text (a TOC's page numbers, a drafter's note) is not what a reader of the document sees.
    const rPr = child(run, 'w:rPr')
    if (isOn(child(rPr, 'w:vanish')) || isOn(child(rPr, 'w:webHidden'))) return ''
    for (const node of run.children) {
      if (typeof node === 'string') continue
      switch (node.name) {
        case 'w:fldChar': {
          const type = node.attributes['w:fldCharType']
          this.field = type === 'begin' ? 'code' : type === 'separate' ? 'result' : 'none'
          break
        }
        case 'w:t':
          if (this.field !== 'code') text += characters(node)
          break
        // Deleted words, read where the deletion is rejected.
        case 'w:delText':
          if (deleted && this.field !== 'code') text += characters(node)
          break
        case 'w:tab':
        case 'w:ptab':
          text += '\t'
          break
        case 'w:br':
        case 'w:cr':
          text += ' '
          break
        case 'w:noBreakHyphen':
          text += '-'
          break
        case 'w:sym':
          text += symbol(node.attributes['w:char'])
          break
        default:
          break
      }
    }
    return text
  }

  private readTable(table: XmlElement): void {
    const first = this.paragraph + 1
    const rows: string[][] = []
    for (const row of elements(table, 'w:tr')) {
      const cells: string[] = []
      for (const cell of elements(row, 'w:tc')) cells.push(this.cellText(cell))
      if (cells.some((cell) => cell !== '')) rows.push(cells)
    }
    if (rows.length === 0) return
    if (isNumberedLayout(rows)) {
      this.notes.push({ paragraph: first, message: 'read a table of numbers beside texts as numbered paragraphs' })
      for (const row of rows) {
        const text = row.filter((cell) => cell !== '').join(' ')
        this.blocks.push([{ text, paragraph: first }])
      }
      return
    }
    // The text importer reads a table as lines of cells separated by tabs, as a table copied out of Word arrives.
    const lines: Line[] = rows.map((row) => ({ text: row.map((cell) => cell.replace(/\t/g, ' ') || ' ').join('\t'), paragraph: first }))
    this.blocks.push(lines)
  }

  private cellText(cell: XmlElement): string {
    const parts: string[] = []
    const collect = (container: XmlElement): void => {
      for (const node of container.children) {
        if (typeof node === 'string') continue
        if (node.name === 'w:p') {
          this.paragraph += 1
          const line = this.paragraphLine(node)
          if (line !== undefined) parts.push(line.replace(/^#+ /, ''))
        } else if (node.name === 'w:tbl' || node.name === 'w:tr' || node.name === 'w:tc' || node.name === 'w:sdt' || node.name === 'w:sdtContent') {
          collect(node)
        }
      }
    }
    collect(cell)
    return parts.join(' ').trim()
  }
}

/** Whether an on/off property (`<w:vanish/>`, `<w:vanish w:val="0"/>`) is present and on. */
function isOn(property: XmlElement | undefined): boolean {
  if (!property) return false
  const setting = property.attributes['w:val']
  return setting === undefined || !['0', 'false', 'off'].includes(setting)
}

function characters(element: XmlElement): string {
  return element.children.filter((node): node is string => typeof node === 'string').join('')
}

/** A `w:sym` character: Symbol-font code points (F0xx) are the ASCII character they stand for. */
function symbol(code: string | undefined): string {
  if (code === undefined || !/^[0-9a-f]{2,4}$/i.test(code)) return ''
  const point = Number.parseInt(code, 16)
  return String.fromCodePoint(point >= 0xf000 ? point - 0xf000 : point)
}

const CELL_NUMBER = /^(?:\(?\d+[A-Z]?(?:\.\d+[A-Z]?)*\)?\.?|\(?[a-z]{1,2}\)\.?|[a-z]\.|\(?[ivx]+\)\.?)$/

/** Whether a table only lays out clause numbers in one column beside their texts. */
function isNumberedLayout(rows: string[][]): boolean {
  if (rows.length < 2 || rows.some((row) => row.length !== 2)) return false
  return rows.every((row) => (row[0] === '' || CELL_NUMBER.test(row[0] ?? '')) && (row[1] ?? '') !== '') && rows.filter((row) => row[0] !== '').length >= rows.length / 2
}
