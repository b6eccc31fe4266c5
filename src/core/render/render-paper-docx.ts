import { HeadingLevel, Paragraph, TextRun, Table as DocxTable, TableRow, TableCell, WidthType, PageBreak } from 'docx'
import type { Paper } from '../paper/build-paper.js'
import { changeSetBlocks, type DocxBlock, markdownBlocks, packDocx, revisionIds } from './render-docx-diff.js'
import { markdownTable } from './render-paper.js'

// Apart from the Markdown and HTML papers so that they do not load docx (half a megabyte of JavaScript).

/**
 * The report as a Word document: the report in plain paragraphs, numbered
 * with hanging numbers, and the appendix from a new page with real tracked
 * changes, each by its motion's mover on its decision date; page numbers
 * and the record's footer on every page.
 */
export async function renderPaperDocx(paper: Paper, date: string): Promise<Uint8Array> {
  const ids = revisionIds()
  const council = paper.council ? [new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: paper.council.toUpperCase(), bold: true, size: 28 })] })] : []
  const children: DocxBlock[] = [
    ...council,
    new DocxTable({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: paper.front.map(
        ([name, value]) =>
          new TableRow({
            children: [
              new TableCell({ width: { size: 25, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [new TextRun({ text: name, bold: true })] })] }),
              new TableCell({ children: [new Paragraph({ children: [new TextRun(value)] })] })
            ]
          })
      )
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(paper.title)] })
  ]
  for (const section of paper.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.title)] }))
    for (const block of section.blocks) {
      if (block.type === 'paragraph') children.push(...markdownBlocks(block.markdown, ids, { number: `${block.number}.` }))
      else if (block.type === 'text') children.push(...markdownBlocks(block.markdown, ids))
      else children.push(...markdownBlocks(markdownTable(block.header, block.rows), ids))
    }
  }
  children.push(new Paragraph({ children: [new PageBreak()] }))
  children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(paper.appendix.title)] }))
  children.push(...changeSetBlocks(paper.appendix.changeSet, date, ids))
  return packDocx(children, { title: paper.title, description: paper.appendix.title, date, footer: paper.footer, pageNumbers: true })
}
