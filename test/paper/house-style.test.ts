import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, test } from 'vitest'
import { copyBeforeCwg, copyOfExamples, repoRoot, runCli, tempProject } from '../helpers/run-cli.js'

const UTTLESFORD = ['paper', 'uttlesford', '--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25', '--meta', 'papers/council-2017-05-16.yml']

/** A Word document's parts by name. */
async function docxParts(argv: string[], cwd: string): Promise<Record<string, string>> {
  const out = join(tempProject(), 'paper.docx')
  const result = await runCli([...argv, '--format', 'docx', '-o', out], cwd, { SOURCE_DATE_EPOCH: '1495000000' })
  expect(result.code, result.stderr).toBe(0)
  return Object.fromEntries(Object.entries(unzipSync(readFileSync(out))).map(([name, data]) => [name, strFromU8(data)]))
}

// Issue 18, "Papers that do not look like the council's": what a reader of seed 002 and seed 004 sees first
// and last on each page. Expectations are the council's name (the protocol's body:) and PAPER.yml's words.
describe('issue 18: a paper that looks like the council’s own', () => {
  test('the council’s name heads the paper, from the protocol’s body: or PAPER.yml’s council:', async () => {
    const md = await runCli(UTTLESFORD, repoRoot)
    expect(md.stdout.startsWith('**UTTLESFORD DISTRICT COUNCIL**\n\n**Committee:** Council')).toBe(true)
    const html = await runCli([...UTTLESFORD, '--format', 'html'], repoRoot)
    expect(html.stdout).toContain('<header class="paper-front">\n<p class="council">Uttlesford District Council</p>')
    const dir = await copyBeforeCwg()
    writeFileSync(join(dir, 'paper.yml'), `${readFileSync(join(repoRoot, 'papers', 'council-2017-05-16.yml'), 'utf8')}\ncouncil: <b>Saffron</b> & District Council\n`)
    const own = await runCli(['paper', 'uttlesford', '--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25', '--meta', 'paper.yml', '--format', 'html'], dir)
    expect(own.code, own.stderr).toBe(0)
    expect(own.stdout).toContain('<p class="council">&lt;b>Saffron&lt;/b> &amp; District Council</p>')
  })

  test('a protocol with no body: is headed by the council that adopted its versions', async () => {
    const dir = copyOfExamples()
    const adopted = await runCli(['adopt', 'town-council', '--version', 'v1', '--date', '2025-01-01', '--by', 'Anytown Town Council'], dir)
    expect(adopted.code, adopted.stderr).toBe(0)
    const motion = join(dir, 'amendments', 'town-council')
    mkdirSync(motion, { recursive: true })
    writeFileSync(join(motion, 'lee-1.md'), '---\ntitle: Training\nmover: Cllr Lee\n---\n\n1. In paragraph 11.1, leave out "embrace" and insert "attend".\n')
    writeFileSync(join(dir, 'paper.yml'), 'committee: Full Council\ndate: 2025-04-09\ntitle: Protocol\nauthor: Town Clerk\nfor-decision: yes\nrecommendation: That Council agrees the amendment.\n')
    const { stdout, code, stderr } = await runCli(['paper', 'town-council', '--from', 'v1', '--propose', 'amendments/town-council/lee-1.md', '--meta', 'paper.yml'], dir)
    expect(code, stderr).toBe(0)
    expect(stdout.startsWith('**ANYTOWN TOWN COUNCIL**\n\n**Committee:** Full Council')).toBe(true)
  })

  test('each page’s foot reads as a clerk writes it — the meeting, the item, the title — and “Page N of M” on one line', async () => {
    const html = (await runCli([...UTTLESFORD, '--format', 'html'], repoRoot)).stdout
    expect(html).toContain('@bottom-left { content: "Council, 16 May 2017, item 18: Member Officer Protocol";')
    expect(html).toMatch(/@bottom-right \{ content: "Page " counter\(page\) " of " counter\(pages\);[^}]*white-space: nowrap/)
    const footer = Object.entries(await docxParts(UTTLESFORD, repoRoot)).find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1] ?? ''
    expect(footer).toContain('Council, 16 May 2017, item 18: Member Officer Protocol')
    expect(footer).not.toMatch(/SHA-256|@|→/)
    // Where the appendix came from is said once, in words, in the report's list of appendices.
    expect((await runCli(UTTLESFORD, repoRoot)).stdout).toContain('It was prepared from the records: the versions council-2017-04-04 and cwg-2017-04-25 (SHA-256 of the text f915fd52827f…).')
  })

  test('version labels are kept on one line, never broken at their hyphens', async () => {
    const html = (await runCli([...UTTLESFORD, '--format', 'html'], repoRoot)).stdout
    expect(html).toContain('.para .label { white-space: nowrap; }')
    expect(html).toContain('It makes the version <span class="label">cwg-2017-04-25</span> (25 April 2017)')
    expect(html).not.toMatch(/"<span class="label">/)
  })

  test('“Who made the changes” says each motion once, in words', async () => {
    const html = (await runCli([...UTTLESFORD, '--format', 'html'], repoRoot)).stdout
    const notes = /<section class="notes"><h2>Who made the changes<\/h2><ol>(.*?)<\/ol><\/section>/s.exec(html)?.[1] ?? ''
    expect(notes).toBe('<li id="note-1">The amendment “Member Officer Protocol — the Constitution Working Group\'s changes”, moved by the Constitution Working Group, carried by the Constitution Working Group on 25 April 2017.</li>')
    // Every changed clause points to that one note.
    expect(html.match(/href="#note-1"/g)?.length ?? 0).toBeGreaterThan(5)
    expect(html).not.toContain('href="#note-2"')
  })

  test('Word: the title and headings in the plain house style — black, the body’s serif, bold, sizes set in one place', async () => {
    const styles = (await docxParts(UTTLESFORD, repoRoot))['word/styles.xml'] ?? ''
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3']) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`, 's').exec(styles)?.[0] ?? ''
      expect(style, id).toContain('<w:color w:val="000000"/>')
      expect(style, id).toContain('w:ascii="Times New Roman"')
      expect(style, id).toContain('<w:b/>')
    }
    const title = /<w:style [^>]*w:styleId="Title".*?<\/w:style>/s.exec(styles)?.[0] ?? ''
    expect(title).toContain('<w:sz w:val="32"/>')
  })
})
