import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { layOutPages, type PageText, type TextPiece } from '../../src/core/import/pdf/lay-out-pages.js'
import { repoRoot, runCli, seedsDir, tempProject } from '../helpers/run-cli.js'

const formats = join(repoRoot, 'test', 'fixtures', 'import-formats')

/** The protocol's clauses without the front matter, as lines. */
const bodyOf = (text: string): string => text.replace(/^---\n[\s\S]*?\n---\n/, '')

describe('import of a PDF', () => {
  it('reads a two-column PDF with running headers and page numbers as the text it was printed from (seed 003)', async () => {
    const dir = tempProject()
    copyFileSync(join(formats, 'two-column.pdf'), join(dir, 'protocol.pdf'))
    copyFileSync(join(seedsDir, '003_512089cfc3757461.txt'), join(dir, 'protocol.txt'))
    const pdf = await runCli(['import', 'protocol.pdf', '--as', 'from-pdf'], dir)
    expect(pdf.code, pdf.stderr).toBe(0)
    expect((await runCli(['import', 'protocol.txt', '--as', 'from-text'], dir)).code).toBe(0)
    // The PDF was made from the seed's own text (make-fixtures.mjs): its clauses are the seed's, word for word.
    const fromPdf = bodyOf(readFileSync(join(dir, 'protocols', 'from-pdf.md'), 'utf8'))
    expect(fromPdf).toBe(bodyOf(readFileSync(join(dir, 'protocols', 'from-text.md'), 'utf8')))
    expect(pdf.stderr).toContain('protocol.pdf: page 1, line 1: removed the running header “Anytown Town Council — Protocol on Officer and Member Relationships” (on 2 pages)')
    expect(pdf.stderr).toMatch(/protocol\.pdf: page 1, line \d+: removed page numbers \(on 2 pages\)/)
    const shown = await runCli(['show', 'from-pdf', '4.1', '--format', 'text'], dir)
    expect(shown.stdout).toBe(
      '4.1 Members are provided with ICT (information and communication technology) equipment and support services (e.g. stationary provision, typing, printing, photocopying etc.) to enable them to better perform their policy and constituency role as Councillors.\n'
    )
    expect((await runCli(['check', 'from-pdf'], dir)).code).toBe(0)
  })

  it('refuses a PDF that needs a password, a scan with no text layer and a damaged file, writing nothing', async () => {
    const cases: [string, RegExp][] = [
      ['encrypted.pdf', /the PDF is encrypted and needs a password to open.*\[encrypted-document\]/],
      ['scanned.pdf', /the PDF has no text layer \(it is a scanned image.*OCR.*\[no-text-layer\]/]
    ]
    for (const [file, message] of cases) {
      const dir = tempProject()
      copyFileSync(join(formats, file), join(dir, file))
      const result = await runCli(['import', file, '--as', 'doc'], dir)
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(message)
      expect(readdirSync(dir)).toEqual([file])
    }
    const dir = tempProject()
    writeFileSync(join(dir, 'cut.pdf'), Buffer.from('%PDF-1.7\n1 0 obj <<'))
    const damaged = await runCli(['import', 'cut.pdf', '--as', 'doc'], dir)
    expect(damaged.stderr).toMatch(/^keeling import: cut\.pdf: the PDF cannot be read \(.*\); open it and save or print it again as PDF/)
    expect(readdirSync(dir)).toEqual(['cut.pdf'])
  })
})

/** A page of lines set left-aligned at x = 72 in 10-point type, 12 points apart, the i-th line at the y given. */
function page(lines: { text: string; y: number; x?: number; width?: number; size?: number }[]): PageText {
  const pieces: TextPiece[] = lines.map((line) => ({ text: line.text, x: line.x ?? 72, y: line.y, width: line.width ?? line.text.length * 5, size: line.size ?? 10 }))
  return { width: 595, height: 842, pieces }
}

/** Lines that fill a column of 450 points, as justified text does. */
const full = (text: string, y: number): { text: string; y: number; width: number } => ({ text, y, width: 450 })

describe('laying out PDF pages', () => {
  it('rejoins a word hyphenated to fit the line, and keeps the hyphen of a compound the document uses elsewhere', () => {
    const laid = layOutPages([
      page([
        full('1.1 The council shall review its consti-', 100),
        full('tution every year, and its decision-', 112),
        { text: 'making process every two years.', y: 124 },
        { text: '1.2 The decision and the making of it are recorded.', y: 148 }
      ])
    ])
    expect(laid.text.split('\n').filter(Boolean)).toEqual([
      '1.1 The council shall review its constitution every year, and its decision-making process every two years.',
      '1.2 The decision and the making of it are recorded.'
    ])
    expect(laid.notes.map((note) => `${note.place}: ${note.message}`)).toContain('page 1, line 2: rejoined “consti-” and “tution” as “constitution” (hyphenated at the end of the line before)')
  })

  it('joins a sentence a page break split, and removes the running header and page numbers of every page', () => {
    const header = (n: number): { text: string; y: number }[] => [
      { text: 'Anytown Town Council Standing Orders', y: 40 },
      { text: `Page ${n} of 3`, y: 800 }
    ]
    const laid = layOutPages([
      page([...header(1), { text: '1. Meetings', y: 100 }, full('1.1 The council shall meet at least four times in each', 124), full('year, and the chairman may call further meetings when', 136)]),
      page([...header(2), { text: 'the business requires it.', y: 100 }, { text: '1.2 The quorum is three.', y: 124 }]),
      page([...header(3), { text: '2. Committees', y: 100 }, { text: '2.1 The council appoints its committees.', y: 124 }])
    ])
    expect(laid.text.split('\n').filter(Boolean)).toEqual([
      '1. Meetings',
      '1.1 The council shall meet at least four times in each year, and the chairman may call further meetings when the business requires it.',
      '1.2 The quorum is three.',
      '2. Committees',
      '2.1 The council appoints its committees.'
    ])
    const notes = laid.notes.map((note) => `${note.place}: ${note.message}`)
    expect(notes).toContain('page 1, line 1: removed the running header “Anytown Town Council Standing Orders” (on 3 pages)')
    expect(notes).toContain('page 1, line 5: removed page numbers (on 3 pages)')
    expect(notes).toContain('page 2, line 2: joined the sentence that runs on from page 1')
  })

  it('reads a page set in two columns left column first, and marks larger type as headings', () => {
    const left = [{ text: 'Part 1 Members', y: 80, size: 16, width: 120 }, ...Array.from({ length: 6 }, (_, i) => ({ text: `${i + 1}. Left rule ${i + 1} of the members.`, y: 110 + i * 24, width: 200 }))]
    const right = Array.from({ length: 6 }, (_, i) => ({ text: `${i + 7}. Right rule ${i + 7} of the members.`, y: 110 + i * 24, x: 320, width: 200 }))
    const laid = layOutPages([page([...left, ...right])])
    const lines = laid.text.split('\n').filter(Boolean)
    expect(lines[0]).toBe('# Part 1 Members')
    expect(lines.slice(1).map((line) => /^(\d+)\./.exec(line)?.[1])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'])
  })

  it('leaves out the footnotes at the foot of a page, and the sentence the page broke runs on', () => {
    const laid = layOutPages([
      page([full('1.1 The council shall keep its accounts in the form the regulations1 set, and', 100), full('shall publish them each year on its', 760), { text: '1 The Accounts and Audit Regulations 2015.', y: 800, size: 8 }]),
      page([{ text: 'website.', y: 100 }, { text: '1.2 The clerk keeps the seal.', y: 124 }])
    ])
    expect(laid.text.split('\n').filter(Boolean)).toEqual(['1.1 The council shall keep its accounts in the form the regulations1 set, and shall publish them each year on its website.', '1.2 The clerk keeps the seal.'])
    expect(laid.notes.map((note) => `${note.place}: ${note.message}`)).toContain('page 1, line 3: left out a footnote line (“1 The Accounts and Audit Regulations 2015.”)')
  })
})
