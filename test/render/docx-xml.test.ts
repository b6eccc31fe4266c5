import { BorderStyle, DeletedTextRun, Document, HeadingLevel, InsertedTextRun, Packer, Paragraph, type ParagraphChild, Table, TableCell, TableRow, TabStopType, TextRun, WidthType } from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { paragraphXml, type ParagraphXmlOptions, runXml, type RunXmlOptions, tableXml } from '../../src/core/render/docx-xml.js'

// The oracle is the docx library itself: keeling writes the body's XML directly, and it must be what docx writes
// for the same paragraphs, runs and tables, on the same A4 page with 2 cm margins.
async function docxBody(children: Array<Paragraph | Table>): Promise<string> {
  const document = new Document({
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } }, children }]
  })
  const xml = strFromU8(unzipSync(new Uint8Array(await Packer.toBuffer(document)))['word/document.xml'] ?? new Uint8Array())
  return xml.slice(xml.indexOf('<w:body>') + '<w:body>'.length, xml.indexOf('<w:sectPr>'))
}

const mark = { id: 7, author: 'Cllr O’Brien & “Smith”', date: '2017-04-25T00:00:00Z' }

function docxRun(run: RunXmlOptions, kind?: 'ins' | 'del'): ParagraphChild {
  const style = { ...(run.break ? { text: run.text, break: 1 } : { text: run.text }), ...(run.bold ? { bold: true } : {}), ...(run.italics ? { italics: true } : {}) }
  if (kind === 'ins') return new InsertedTextRun({ ...style, ...mark })
  if (kind === 'del') return new DeletedTextRun({ ...style, ...mark })
  return new TextRun(style)
}

const runs: Array<[RunXmlOptions, 'ins' | 'del' | undefined]> = []
for (const kind of [undefined, 'ins', 'del'] as const) {
  for (const run of [
    { text: 'Members shall' },
    { text: 'Tom & Jerry <u> “it’s” "x" \'y\' > \u0001 end' },
    { text: 'bold', bold: true },
    { text: 'slanted', italics: true },
    { text: 'both', bold: true, italics: true },
    { text: '', break: true },
    { text: '', break: true, bold: true },
    { text: '   ' }
  ]) runs.push([run, kind])
}

describe('Word XML written directly', () => {
  it.each(runs.map(([run, kind], index) => [index, run, kind] as const))('run %i is what docx writes', async (_, run, kind) => {
    const ours = paragraphXml({}, runXml(run, kind ? { kind, mark } : undefined))
    expect(ours).toBe(await docxBody([new Paragraph({ children: [docxRun(run, kind)] })]))
  })

  const paragraphs: Array<[string, ParagraphXmlOptions, Exclude<ConstructorParameters<typeof Paragraph>[0], string>]> = [
    ['empty', {}, {}],
    ['a heading', { style: 'Heading3' }, { heading: HeadingLevel.HEADING_3 }],
    ['the title', { style: 'Title' }, { heading: HeadingLevel.TITLE }],
    ['a hanging number', { leftTab: 567, indent: { left: 567, hanging: 567 } }, { indent: { left: 567, hanging: 567 }, tabStops: [{ type: TabStopType.LEFT, position: 567 }] }],
    ['a list item', { spacingAfter: 60, indent: { left: 1134, hanging: 340 } }, { indent: { left: 1134, hanging: 340 }, spacing: { after: 60 } }],
    ['an indented block', { indent: { left: 567, hanging: 0 } }, { indent: { left: 567, hanging: 0 } }],
    ['an inserted mark', { mark: { kind: 'ins', revision: mark } }, { run: { insertion: mark } }],
    ['a left-out heading mark', { style: 'Heading6', mark: { kind: 'del', revision: mark } }, { heading: HeadingLevel.HEADING_6, run: { deletion: mark } }],
    ['a list item put in', { spacingAfter: 60, indent: { left: 567, hanging: 340 }, mark: { kind: 'ins', revision: mark } }, { indent: { left: 567, hanging: 340 }, spacing: { after: 60 }, run: { insertion: mark } }],
    ['a rule', { bottomBorder: true }, { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } } }]
  ]
  it.each(paragraphs)('%s is what docx writes, with and without runs', async (_, ours, theirs) => {
    expect(paragraphXml(ours, '')).toBe(await docxBody([new Paragraph({ ...theirs, children: [] })]))
    const words = runXml({ text: 'words' }) + runXml({ text: 'new' }, { kind: 'ins', mark })
    expect(paragraphXml(ours, words)).toBe(await docxBody([new Paragraph({ ...theirs, children: [new TextRun({ text: 'words' }), new InsertedTextRun({ text: 'new', ...mark })] })]))
  })

  it.each([
    [1, [1, 1]],
    [2, [2, 2, 2]],
    [3, [3, 3]],
    [7, [7, 5, 7]]
  ])('a table of %i columns (rows of %j cells) is what docx writes', async (_, cells) => {
    const text = (row: number, cell: number): string => `r${row}c${cell} & more`
    const ours = tableXml(cells.map((count, row) => Array.from({ length: count }, (_, cell) => paragraphXml({}, runXml({ text: text(row, cell), bold: row === 0 })))))
    const theirs = new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: cells.map(
        (count, row) =>
          new TableRow({
            tableHeader: row === 0,
            children: Array.from({ length: count }, (_, cell) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: text(row, cell), ...(row === 0 ? { bold: true } : {}) })] })] }))
          })
      )
    })
    expect(ours).toBe(await docxBody([theirs]))
  })
})
