import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun
} from 'docx'
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { runCli, tempProject } from '../helpers/run-cli.js'

/** Standing orders numbered by Word's automatic numbering: the numbers are in numbering.xml, never in the text. */
const LEVELS = [
  { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
  { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.START },
  { level: 2, format: LevelFormat.LOWER_LETTER, text: '(%3)', alignment: AlignmentType.START },
  { level: 3, format: LevelFormat.LOWER_ROMAN, text: '(%4)', alignment: AlignmentType.START }
]

const item = (text: string, level: number, instance = 0): Paragraph => new Paragraph({ text, numbering: { reference: 'orders', level, instance } })
const heading = (text: string): Paragraph => new Paragraph({ text, heading: HeadingLevel.HEADING_1, numbering: { reference: 'orders', level: 0 } })

async function standingOrders(): Promise<Buffer> {
  const document = new Document({
    numbering: { config: [{ reference: 'orders', levels: LEVELS }, { reference: 'schedule', levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: 'Part %1', alignment: AlignmentType.START }] }] },
    footnotes: { 1: { children: [new Paragraph('As amended in 2019.')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Standing Orders of Anytown Town Council', heading: HeadingLevel.TITLE }),
          heading('Meetings'),
          item('The council meets at least four times a year.', 1),
          item('An extraordinary meeting may be called:', 1),
          item('by the chairman; or', 2),
          item('by two members, who must give', 2),
          item('notice in writing; and', 3),
          item('the business to be transacted.', 3),
          item('The annual meeting is held in May.', 1),
          heading('Quorum'),
          new Paragraph({ children: [new TextRun('The quorum is '), new TextRun({ text: 'one third', bold: true }), new TextRun(' of the members.'), new FootnoteReferenceRun(1)], numbering: { reference: 'orders', level: 1 } }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Members')] }), new TableCell({ children: [new Paragraph('Quorum')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('15')] }), new TableCell({ children: [new Paragraph('5')] })] })
            ]
          }),
          heading('Motions'),
          item('A motion must be seconded.', 1),
          new Paragraph({ text: 'Motions without notice', numbering: { reference: 'schedule', level: 0 } }),
          new Paragraph({ text: 'Motions with notice', numbering: { reference: 'schedule', level: 0 } })
        ]
      }
    ]
  })
  return Packer.toBuffer(document)
}

async function importDocx(bytes: Buffer | Uint8Array, extra: string[] = []): Promise<{ dir: string; code: number; stderr: string }> {
  const dir = tempProject()
  writeFileSync(join(dir, 'orders.docx'), bytes)
  const result = await runCli(['import', 'orders.docx', '--as', 'orders', ...extra], dir)
  return { dir, code: result.code, stderr: result.stderr }
}

const shown = async (dir: string, clause: string): Promise<string> => (await runCli(['show', 'orders', clause, '--format', 'text'], dir)).stdout

describe('import of a Word document', () => {
  it("materialises Word's automatic numbering: levels, patterns, letters and roman numerals, each clause cited by the number a reader sees", async () => {
    const { dir, code, stderr } = await importDocx(await standingOrders())
    expect(code, stderr).toBe(0)
    const text = readFileSync(join(dir, 'protocols', 'orders.md'), 'utf8')
    expect(text).toMatch(/^title: Standing Orders of Anytown Town Council$/m)
    expect(await shown(dir, '1.2(b)(ii)')).toBe('(ii) the business to be transacted.\n')
    expect(await shown(dir, '1.3')).toBe('1.3 The annual meeting is held in May.\n')
    expect(await shown(dir, 'Standing Order 2.1')).toContain('2.1 The quorum is one third of the members.')
    expect(await shown(dir, '3.1')).toBe('3.1 A motion must be seconded.\n')
    expect(text).toContain('Part I Motions without notice')
    expect(text).toContain('Part II Motions with notice')
    expect((await runCli(['check', 'orders'], dir)).code).toBe(0)
  })

  it('keeps a table inside its clause and reports the footnote it left out, by paragraph', async () => {
    const { dir, stderr } = await importDocx(await standingOrders())
    const text = readFileSync(join(dir, 'protocols', 'orders.md'), 'utf8')
    expect(text).toContain('2.1 The quorum is one third of the members.\n\n| Members | Quorum |\n| --- | --- |\n| 15 | 5 |\n')
    expect(stderr).toMatch(/^orders\.docx: paragraph \d+: left out 1 footnote/m)
  })

  it('restarts a list where Word restarts it (a new list instance), and counts on where it continues', async () => {
    const document = new Document({
      numbering: { config: [{ reference: 'orders', levels: LEVELS }] },
      sections: [{ children: [heading('Officers'), item('The chairman.', 1), item('The vice-chairman.', 1), new Paragraph('The officers are elected annually.'), item('The clerk.', 1), heading('Committees'), item('Planning.', 1)] }]
    })
    const { dir, code, stderr } = await importDocx(await Packer.toBuffer(document))
    expect(code, stderr).toBe(0)
    expect(await shown(dir, '1.3')).toBe('1.3 The clerk.\n')
    expect(await shown(dir, '2.1')).toBe('2.1 Planning.\n')
  })

  it('refuses tracked changes, naming their authors, and reads them accepted with --accept-changes', async () => {
    const date = '2024-03-01T10:00:00Z'
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph('1. Conduct'),
            new Paragraph({
              children: [new TextRun('1.1 Members must avoid '), new DeletedTextRun({ text: 'calling or attending', id: 1, author: 'A. Clerk', date }), new InsertedTextRun({ text: 'requesting', id: 2, author: 'B. Member', date }), new TextRun(' meetings with officers.')]
            })
          ]
        }
      ]
    })
    const bytes = await Packer.toBuffer(document)
    const refused = await importDocx(bytes)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toBe(
      'keeling import: orders.docx: the Word document has 2 tracked changes by A. Clerk, B. Member; keeling imports a settled text: accept or reject them in Word (Review → Accept/Reject), or pass --accept-changes to import the text as it reads with every change accepted [tracked-changes]\n'
    )
    expect(readdirSync(refused.dir)).toEqual(['orders.docx'])
    const accepted = await importDocx(bytes, ['--accept-changes'])
    expect(accepted.code, accepted.stderr).toBe(0)
    expect(await shown(accepted.dir, '1.1')).toBe('1.1 Members must avoid requesting meetings with officers.\n')
  })

  it('keeps a list numbered "1." at every level nested, as Word shows it by indenting', async () => {
    const plain = [0, 1].map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.START }))
    const document = new Document({
      numbering: { config: [{ reference: 'plain', levels: plain }] },
      sections: [
        {
          children: [
            new Paragraph({ text: 'The Committee keeps a register:', numbering: { reference: 'plain', level: 0 } }),
            new Paragraph({ text: 'of names;', numbering: { reference: 'plain', level: 1 } }),
            new Paragraph({ text: 'of email addresses.', numbering: { reference: 'plain', level: 1 } }),
            new Paragraph({ text: 'The Committee meets monthly.', numbering: { reference: 'plain', level: 0 } })
          ]
        }
      ]
    })
    const { dir, code, stderr } = await importDocx(await Packer.toBuffer(document))
    expect(code, stderr).toBe(0)
    expect(await shown(dir, '1.2')).toBe('2. of email addresses.\n')
    expect(await shown(dir, '2')).toBe('2. The Committee meets monthly.\n')
  })

  it('reads numbering attached to heading styles, as council templates number their headings', async () => {
    const document = new Document({
      numbering: { config: [{ reference: 'headings', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1', alignment: AlignmentType.START, style: { paragraph: {} } }, { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.START }] }] },
      styles: {
        paragraphStyles: [{ id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', run: { bold: true }, paragraph: { numbering: { reference: 'headings', level: 0 } } }]
      },
      sections: [{ children: [new Paragraph({ text: 'Members', style: 'Heading1' }), new Paragraph({ text: 'Members are elected for four years.', numbering: { reference: 'headings', level: 1 } }), new Paragraph({ text: 'Finance', style: 'Heading1' }), new Paragraph({ text: 'The council sets a budget.', numbering: { reference: 'headings', level: 1 } })] }]
    })
    const { dir, code, stderr } = await importDocx(await Packer.toBuffer(document))
    expect(code, stderr).toBe(0)
    const text = readFileSync(join(dir, 'protocols', 'orders.md'), 'utf8')
    expect(text).toMatch(/^#+ <a id="[^"]+"><\/a>2 Finance$/m)
    expect(await shown(dir, '2.1')).toBe('2.1 The council sets a budget.\n')
  })
})

describe('import refuses what is not a Word document it can read, and writes nothing', () => {
  const refusal = async (bytes: Uint8Array, name = 'orders.docx'): Promise<{ code: number; stderr: string; files: string[] }> => {
    const dir = tempProject()
    writeFileSync(join(dir, name), bytes)
    const result = await runCli(['import', name, '--as', 'orders'], dir)
    return { code: result.code, stderr: result.stderr, files: readdirSync(dir) }
  }

  it('a Word 97–2003 .doc (or an encrypted Office file), with how to save it as .docx', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    const result = await refusal(ole, 'orders.doc')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^keeling import: orders\.doc: this is a Word 97–2003 document \(\.doc\).*soffice --headless --convert-to docx FILE.*\[unsupported-format\]\n$/)
    expect(result.files).toEqual(['orders.doc'])
  })

  it('an OpenDocument text, a spreadsheet, a damaged zip', async () => {
    const odt = zipSync({ mimetype: new TextEncoder().encode('application/vnd.oasis.opendocument.text'), 'content.xml': new TextEncoder().encode('<office:document-content/>') })
    expect((await refusal(odt, 'orders.odt')).stderr).toMatch(/this is an OpenDocument text \(\.odt\); save it as Word \(\.docx\)/)
    const xlsx = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>') })
    expect((await refusal(xlsx, 'orders.xlsx')).stderr).toMatch(/this is an Excel workbook; keeling imports Word \(\.docx\), PDF, Markdown and plain text/)
    const damaged = (await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('1. Name')] }] }))).subarray(0, 400)
    const result = await refusal(damaged)
    expect(result.stderr).toMatch(/the Word document is damaged/)
    expect(result.files).toEqual(['orders.docx'])
  })
})
