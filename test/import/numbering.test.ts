import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, tempProject } from '../helpers/run-cli.js'

/** Import a text as protocols/doc.md in a new project; the project. */
async function imported(text: string, name = 'doc.txt'): Promise<string> {
  const dir = tempProject()
  writeFileSync(join(dir, name), text)
  const result = await runCli(['import', name, '--as', 'doc'], dir)
  expect(result.code, result.stderr).toBe(0)
  return dir
}

const shown = async (dir: string, clause: string): Promise<string> => (await runCli(['show', 'doc', clause, '--format', 'text'], dir)).stdout

describe('numbering as bodies publish it, each clause cited by its own number', () => {
  it('a statutory instrument as printed: "59.—(1) …"', async () => {
    const dir = await imported('59.—(1) A person who contravenes regulation 10 commits an offence.\n\n(2) A person guilty of an offence is liable—\n\n(a) on summary conviction, to a fine; or\n\n(b) on indictment, to a fine.\n\n60.—(1) These Regulations come into force on 1 October.\n')
    expect(await shown(dir, 'regulation 59(2)(b)')).toBe('(b) on indictment, to a fine.\n')
    expect(await shown(dir, 'regulation 60(1)')).toBe('(1) These Regulations come into force on 1 October.\n')
  })

  it('standing orders in capitals, lettered items, roman items under a letter, and (i) after (h) a letter', async () => {
    const dir = await imported(
      '1 RULES OF DEBATE\n(a) Motions shall be taken in order.\n(h) A councillor may move an amendment.\n(i) Amendments are moved in the order the chairman directs.\n(o) A councillor may speak once, except:\n(i) to speak on an amendment;\n(ii) to make a point of order.\n(p) The chairman decides points of order.\n2 DISORDERLY CONDUCT\n(a) No councillor shall interrupt.\n'
    )
    expect(await shown(dir, 'Standing Order 1(i)')).toBe('(i) Amendments are moved in the order the chairman directs.\n')
    expect(await shown(dir, '1(o)(ii)')).toBe('(ii) to make a point of order.\n')
    expect(await shown(dir, 'Standing Order 2(a)')).toBe('(a) No councillor shall interrupt.\n')
  })

  it('unit-word headings: Article and its Sections, a section title over its items', async () => {
    const dir = await imported('ARTICLE IV — OFFICERS\n\nSection 1. Election\n\nOfficers are elected at the annual meeting.\n\nSection 2. Terms\n\nOfficers serve for one year.\n\n3.1. Powers\nThe officers may\n1. sign cheques;\n2. call meetings.\n')
    expect(await shown(dir, 'Article IV, Section 2')).toBe('Section 2. Terms\n\nOfficers serve for one year.\n')
    expect(await shown(dir, 'Section 1 of Article IV')).toContain('Officers are elected at the annual meeting.')
    expect(await shown(dir, '3.1(2)')).toBe('2. call meetings.\n')
  })

  it('a bylaw heading that closes with a full stop ("Section 1. Power to Amend.") is a heading over its paragraphs', async () => {
    const dir = await imported('ARTICLE XIII. Amendment\n\nSection 1. Power to Amend.\n\nThe Assembly may amend these By-laws.\n\nSection 2. Notice of Proposed Amendments.\n\nNotice shall be given thirty days before.\n')
    expect(await shown(dir, 'Section 1 of Article XIII')).toBe('Section 1. Power to Amend.\n\nThe Assembly may amend these By-laws.\n')
    expect(await shown(dir, 'Article XIII, Section 2')).toContain('Notice shall be given thirty days before.')
  })

  it('short numbered lines after a paragraph that closes with a colon are its list, not headings; "Item 5.2 of Section 1" finds them', async () => {
    const dir = await imported('ARTICLE 5. BYLAWS\n\nSection 1. Amendment by Board\n\n5. The Board may not, without the members, change:\n\n5.1. The number of directors\n\n5.2. The terms of officers\n\nSection 2. Amendment by Members\n\nMembers may amend these bylaws.\n')
    expect(await shown(dir, 'Item 5.2 of Section 1')).toBe('5.2. The terms of officers\n')
    const text = readFileSync(join(dir, 'protocols', 'doc.md'), 'utf8')
    expect(text).not.toMatch(/#+ <a id="[^"]*"><\/a>5\.1/)
  })

  it("a Markdown constitution with nested lists and a table of contents: the contents' links go to their headings", async () => {
    const dir = await imported('# Constitution\n\n## Contents\n\n1. [Name](#1-name)\n2. [Members](#2-members)\n\n## 1. Name\n\n1. The society is called the Society.\n\n## 2. Members\n\n1. Membership is open to all students.\n2. The Committee keeps a register:\n    1. of names;\n    2. of email addresses.\n', 'doc.md')
    const text = readFileSync(join(dir, 'protocols', 'doc.md'), 'utf8')
    expect(text).toMatch(/\[Name\]\(#s1\)/)
    expect((await runCli(['check', 'doc'], dir)).code).toBe(0)
    expect(await shown(dir, 'section 2.2')).toContain('2. The Committee keeps a register:')
  })

  it('a printed table of contents (dot leaders, page numbers) is kept as contents, not read as clauses that collide with the text', async () => {
    const dir = await imported('STANDING ORDERS\n\nContents\n\n1. Meetings ........................ 2\n2. Quorum .......................... 3\n\n1. Meetings\n\n1.1 The council meets four times a year.\n\n2. Quorum\n\n2.1 The quorum is three.\n')
    expect(await shown(dir, '1.1')).toBe('1.1 The council meets four times a year.\n')
    expect(readFileSync(join(dir, 'protocols', 'doc.md'), 'utf8')).toContain('- 2. Quorum .......................... 3\n')
    expect((await runCli(['check', 'doc'], dir)).code).toBe(0)
  })

  it("another tool's front matter is left out and reported; the Markdown title line is the title", async () => {
    const dir = tempProject()
    writeFileSync(join(dir, 'rules.md'), '---\ntitle: Rules\npublished: true\ntags: official\n---\n\n# Constitution of the Hackspace Inc.\n\n## 1 Name\n\n1.1 The name is the Hackspace.\n')
    const result = await runCli(['import', 'rules.md', '--as', 'doc'], dir)
    expect(result.stderr).toContain("rules.md:1: left out the front matter of lines 1–5 (another tool's settings, not the document's text)")
    const text = readFileSync(join(dir, 'protocols', 'doc.md'), 'utf8')
    expect(text).toMatch(/^title: Constitution of the Hackspace Inc\.$/m)
    expect(text).not.toContain('published')
  })

  it('a wrapped line that opens "3D printers" goes on with its sentence; a line after a heading is never dropped', async () => {
    const dir = await imported('1. Equipment\n\n1.1 Members may use the laser cutter and the\n3D printers once they are trained.\n\n1.2 Members keep the space tidy.\n\n2. Guests\n3D printing by guests needs a member present.\n')
    expect(await shown(dir, '1.1')).toBe('1.1 Members may use the laser cutter and the 3D printers once they are trained.\n')
    expect(readFileSync(join(dir, 'protocols', 'doc.md'), 'utf8')).toContain('3D printing by guests needs a member present.')
  })
})
