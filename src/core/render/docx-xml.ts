/**
 * WordprocessingML for the body of a change set, written directly as text, byte for byte as the `docx` library
 * writes the same paragraphs, runs and tables (`test/render/docx-xml.test.ts` holds the two side by side).
 * docx builds several objects for every run and serializes them through a second tree; for a 50,000-clause
 * diff that was about 10 s of building, collecting garbage and writing. The document around the body (styles,
 * settings, footer, the section) is still docx's, see `packDocx`.
 */

/** Body XML ready to go into `w:body`: one or more paragraphs and tables. */
export class BodyXml {
  constructor(readonly xml: string) {}
}

/** A revision's mark: its ID, author and date. */
export interface RevisionMark {
  id: number
  author: string
  date: string
}

/** A run of text with its emphasis; a break is a line break (`w:br`) before the text. */
export interface RunXmlOptions {
  text: string
  break?: boolean
  bold?: boolean
  italics?: boolean
}

/** What a paragraph's properties may hold, in the order WordprocessingML has them. */
export interface ParagraphXmlOptions {
  /** A paragraph style: `Title`, `Heading1` … */
  style?: string
  /** A single rule under the paragraph (a Markdown thematic break). */
  bottomBorder?: boolean
  /** A left tab stop at this position (twips). */
  leftTab?: number
  spacingAfter?: number
  indent?: { left: number; hanging: number }
  /** The paragraph mark inserted or left out. */
  mark?: { kind: 'ins' | 'del'; revision: RevisionMark }
}

/** Text for element content or an attribute, escaped as docx escapes it (control characters it cannot hold dropped). */
export function escapeXml(value: string): string {
  // Most text has nothing to escape: looking costs less than replacing.
  return XML_SPECIAL.test(value) ? value.replace(XML_SPECIALS, (char) => XML_ESCAPES[char] ?? '') : value
}

const XML_SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/
const XML_SPECIALS = new RegExp(XML_SPECIAL.source, 'g')

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' }

function revisionAttributes(revision: RevisionMark): string {
  return `w:id="${revision.id}" w:author="${escapeXml(revision.author)}" w:date="${escapeXml(revision.date)}"`
}

/** A run, inserted or left out when `revision` says so (a left-out run's text is `w:delText`). */
export function runXml(run: RunXmlOptions, revision?: { kind: 'ins' | 'del'; mark: RevisionMark }): string {
  const properties = (run.bold ? '<w:b/><w:bCs/>' : '') + (run.italics ? '<w:i/><w:iCs/>' : '')
  // docx writes a left-out run's empty text (a line break's) as no `w:delText` at all, a kept one's as an empty `w:t`.
  const text = revision?.kind === 'del' ? (run.text ? `<w:delText xml:space="preserve">${escapeXml(run.text)}</w:delText>` : '') : `<w:t xml:space="preserve">${escapeXml(run.text)}</w:t>`
  const xml = `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}${run.break ? '<w:br/>' : ''}${text}</w:r>`
  return revision ? `<w:${revision.kind} ${revisionAttributes(revision.mark)}>${xml}</w:${revision.kind}>` : xml
}

/** A paragraph of runs (already XML). */
export function paragraphXml(options: ParagraphXmlOptions, runs: string): string {
  let properties = ''
  if (options.style) properties += `<w:pStyle w:val="${escapeXml(options.style)}"/>`
  if (options.bottomBorder) properties += '<w:pBdr><w:bottom w:val="single" w:color="auto" w:sz="6" w:space="1"/></w:pBdr>'
  if (options.leftTab !== undefined) properties += `<w:tabs><w:tab w:val="left" w:pos="${options.leftTab}"/></w:tabs>`
  if (options.spacingAfter !== undefined) properties += `<w:spacing w:after="${options.spacingAfter}"/>`
  if (options.indent) properties += `<w:ind w:left="${options.indent.left}" w:hanging="${options.indent.hanging}"/>`
  if (options.mark) properties += `<w:rPr><w:${options.mark.kind} ${revisionAttributes(options.mark.revision)}/></w:rPr>`
  if (!properties && !runs) return '<w:p/>'
  return `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}${runs}</w:p>`
}

/** The width of an A4 page's text between keeling's 2 cm margins, in twips: what a table at 100 % spans. */
export const TEXT_WIDTH = 11906 - 2 * 1134

/**
 * A table as wide as the text, with single borders, its first row repeated as a header on each page, and
 * the columns sharing the width equally; each cell one paragraph (XML).
 */
export function tableXml(rows: string[][]): string {
  const columns = Math.max(0, ...rows.map((row) => row.length))
  const grid = Array.from({ length: columns }, () => `<w:gridCol w:w="${Math.round(TEXT_WIDTH / columns)}"/>`).join('')
  const border = (side: string): string => `<w:${side} w:val="single" w:color="auto" w:sz="4"/>`
  const properties = `<w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders></w:tblPr>`
  const body = rows
    .map((cells, index) => `<w:tr><w:trPr>${index === 0 ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>'}</w:trPr>${cells.map((cell) => `<w:tc>${cell}</w:tc>`).join('')}</w:tr>`)
    .join('')
  return `<w:tbl>${properties}<w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`
}
