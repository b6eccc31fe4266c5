import { LINE_WIDTH, LINES_PER_PAGE, type LineNumbering, type NumberedLine, numberLines, pageOf } from '../motion/line-numbers.js'
import { parseProtocol } from '../protocol/parse-protocol.js'

/** What the numbers were made with, printed with the text so the numbering can be made again. */
export function settings(width: number, numbering: LineNumbering): string {
  const numbers = numbering === 'page' ? 'numbered from 1 on each page' : 'numbered through the text'
  return `Lines ${numbers}, at most ${width} characters a line, ${LINES_PER_PAGE} lines a page.`
}

/** The text's lines in pages of LINES_PER_PAGE, each line with the number it is printed with. */
export function pages(text: string, width: number, numbering: LineNumbering): Array<Array<NumberedLine & { shown: number }>> {
  const lines = numberLines(parseProtocol(text), width)
  const result: Array<Array<NumberedLine & { shown: number }>> = []
  for (const line of lines) {
    const { page, line: onPage } = pageOf(line.number)
    const shown = numbering === 'page' ? onPage : line.number
    ;(result[page - 1] ??= []).push({ ...line, shown })
  }
  return result
}

/**
 * A protocol's text with its lines numbered, as plain text: each line as
 * `numberLines` cuts it, its number right-aligned in a margin, a blank line
 * between paragraphs, each page of LINES_PER_PAGE lines headed "Page N".
 */
export function renderLineNumberedText(text: string, width = LINE_WIDTH, numbering: LineNumbering = 'running'): string {
  const all = pages(text, width, numbering)
  const margin = String(numbering === 'page' ? LINES_PER_PAGE : all.flat().length).length
  const out: string[] = []
  all.forEach((page, index) => {
    if (all.length > 1) out.push(...(index > 0 ? ['', ''] : []), `Page ${index + 1}`, '')
    page.forEach((line, at) => {
      if (line.opensParagraph && at > 0) out.push('')
      out.push(`${String(line.shown).padStart(margin)}  ${line.text}`.trimEnd())
    })
  })
  return `${out.join('\n')}\n`
}

/**
 * The same print as a Word document: one paragraph a line, its number before
 * it at a tab, a page break after every LINES_PER_PAGE lines, so that Word and
 * LibreOffice show the same numbers beside the same lines on the same pages as
 * the HTML. The numbers are the text's, not Word's line numbering (which counts
 * lines as Word lays them out). Dated `date` (ISO 8601).
 */
export async function renderLineNumberedDocx(text: string, label: string, footer: string, date: string, width = LINE_WIDTH, numbering: LineNumbering = 'running'): Promise<Uint8Array> {
  const { Document, Packer, Paragraph, TabStopType, TextRun, AlignmentType } = await import('docx')
  const protocol = parseProtocol(text)
  const title = typeof protocol.frontMatter.data['title'] === 'string' ? (protocol.frontMatter.data['title'] as string) : label
  const font = 'Times New Roman'
  const children = [new Paragraph({ children: [new TextRun({ text: title, bold: true, size: 28, font })], spacing: { after: 120 } })]
  pages(text, width, numbering).forEach((page, index) => {
    children.push(new Paragraph({ pageBreakBefore: index > 0, alignment: AlignmentType.RIGHT, spacing: { after: 60 }, children: [new TextRun({ text: `Page ${index + 1}`, size: 17, font })] }))
    for (const line of page) {
      children.push(
        new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: 567 }, { type: TabStopType.LEFT, position: 794 }],
          spacing: { before: line.opensParagraph ? 60 : 0, after: 0, line: 260, lineRule: 'exact' },
          children: [new TextRun({ text: `\t${line.shown}`, size: 18, font, color: '555555' }), new TextRun({ text: `\t${line.text}`, size: 20, font, bold: line.heading })]
        })
      )
    }
  })
  children.push(new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: `${footer} ${settings(width, numbering)}`, size: 16, font })] }))
  const document = new Document({
    creator: 'keeling',
    title,
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1021, bottom: 1021, left: 907, right: 907 } } },
        children
      }
    ]
  })
  const { datedDocx } = await import('./render-docx-diff.js')
  return datedDocx(new Uint8Array(await Packer.toBuffer(document)), date)
}
