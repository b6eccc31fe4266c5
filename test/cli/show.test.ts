import { describe, expect, it } from 'vitest'
import { copyOfExamples, runCli, tempProject } from '../helpers/run-cli.js'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

describe('keeling show', () => {
  it('prints the whole protocol as stored', async () => {
    const dir = copyOfExamples()
    const result = await runCli(['show', 'uttlesford'], dir)
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(readFileSync(join(dir, 'protocols', 'uttlesford.md'), 'utf8'))
  })

  it('finds a clause by number, by ID and by opening words alike', async () => {
    const dir = copyOfExamples()
    // Paragraph 3.7 of 4 April became 3.9 on 25 April: its ID stayed c3-7.
    const byNumber = await runCli(['show', 'uttlesford', '3.9'], dir)
    const byId = await runCli(['show', 'uttlesford', 'c3-7'], dir)
    const byWords = await runCli(['show', 'uttlesford', 'members should APPROACH officers'], dir)
    expect(byNumber.stdout).toMatch(/^<a id="c3-7"><\/a>3\.9 Members should approach officers/)
    expect(byId.stdout).toBe(byNumber.stdout)
    expect(byWords.stdout).toBe(byNumber.stdout)
  })

  it('finds an unnumbered clause by its opening words, curly or straight quotes alike', async () => {
    const dir = copyOfExamples()
    const result = await runCli(['show', 'uttlesford', 'Nothing in this protocol', '--format', 'text'], dir)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Nothing in this protocol shall prevent or hinder a council member .* responsibility”\.\n$/)
  })

  it('shows a heading with its whole section, as a reader sees it', async () => {
    const dir = copyOfExamples()
    const result = await runCli(['show', 'section-21', '21.2', '--format', 'text'], dir)
    expect(result.stdout).toMatch(/^21\.2 Principles\n\nBoth Members and Officers are servants/)
    expect(result.stdout).toContain('\n\n21.2.1 Mutual Respect\n\nMutual respect between employees')
    expect(result.stdout).toMatch(/21\.2\.2 Standards\n\n.*Employees' Code of Conduct\.\n$/s)
    expect(result.stdout).not.toMatch(/<a id|#|\*\*/)
  })

  it('renders lists with bullets and tables in columns, without Markdown marks', async () => {
    const dir = copyOfExamples()
    const table = await runCli(['show', 'uttlesford', '3.1', '--format', 'text'], dir)
    expect(table.stdout).toContain('De-To be:      Don\'t Not to be:\nPositive       Unhelpful\n')
    const list = await runCli(['show', 'uttlesford', '3.4', '--format', 'text'], dir)
    expect(list.stdout).toContain("must not:\n\n• compromise officers' duties to all Members of the Council;\n• be so close")
  })

  it('prints the clause tree as JSON', async () => {
    const dir = copyOfExamples()
    const result = await runCli(['show', 'town-council', '4', '--json'], dir)
    const clause = JSON.parse(result.stdout) as { id: string; number: string; children: { id: string; number: string }[] }
    expect(clause).toMatchObject({ id: 's4', number: '4.', kind: 'heading', depth: 1 })
    expect(clause.children.map((child) => child.number)).toEqual(['4.1', '4.2'])
    const whole = JSON.parse((await runCli(['show', 'town-council', '--format', 'json'], dir)).stdout) as {
      frontMatter: { slug: string }
      clauses: unknown[]
    }
    expect(whole.frontMatter.slug).toBe('town-council')
    expect(whole.clauses.length).toBe(13)
  })

  it('reads a protocol by path as well as by slug', async () => {
    const dir = copyOfExamples()
    const result = await runCli(['show', 'protocols/oadby-wigston.md', '1.3', '--format', 'text'], dir)
    expect(result.stdout).toMatch(/^1\.3 That the officers' role is to implement member decisions/)
  })

  it('exits 2 for an unknown clause, naming the nearby ones, with no stack trace', async () => {
    const dir = copyOfExamples()
    const result = await runCli(['show', 'town-council', '3.12'], dir)
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'keeling: no clause "3.12" in town-council; nearby: 3.1 (c3-1, line 26)\n' })
  })

  it('exits 2 for an unknown protocol, listing the protocols there are', async () => {
    const dir = copyOfExamples()
    const result = await runCli(['show', 'uttlesfrod'], dir)
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'keeling: no protocol "uttlesfrod"; protocols here: oadby-wigston, section-21, town-council, uttlesford\n'
    })
    const empty = await runCli(['show', 'anything'], tempProject())
    expect(empty.stderr).toBe('keeling: no protocol "anything"; there is no protocols/ folder here\n')
  })

  it('exits 2 when opening words fit several clauses, listing them', async () => {
    const dir = copyOfExamples()
    const result = await runCli(['show', 'section-21', 'In carrying out their duties'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^keeling: "In carrying out their duties" matches 2 clauses in section-21: .*line 30.*line 32.*; give a clause ID\n$/)
  })
})

describe('keeling show --format html|docx: the consolidated text to print', () => {
  it('a version, clean, with its version, date, body and hash in the footer; raw HTML shown as text', async () => {
    const { repoRoot } = await import('../helpers/run-cli.js')
    const html = await runCli(['show', 'uttlesford@council-2017-04-04', '--format', 'html'], repoRoot)
    expect(html.code).toBe(0)
    expect(html.stdout).toMatch(/<footer>uttlesford, version council-2017-04-04, adopted 2017-04-04 by Uttlesford District Council\. SHA-256 of the text: [0-9a-f]{64}\. History head: [0-9a-f]{64}<\/footer>/)
    expect(html.stdout).not.toMatch(/<del>|<ins>|<a id=|<script/)
    expect(html.stdout).toContain('including calling or attending meetings, or offering information')
    const dir = tempProject()
    const { mkdirSync, writeFileSync } = await import('node:fs')
    mkdirSync(join(dir, 'protocols'))
    writeFileSync(join(dir, 'protocols', 'x.md'), '---\ntitle: <i>X</i>\nslug: x\n---\n\n<a id="a"></a>1.1 Members <script>alert(1)</script> attend.\n')
    const hostile = await runCli(['show', 'x', '--format', 'html'], dir)
    expect(hostile.stdout).toContain('<h1>&lt;i>X&lt;/i></h1>')
    expect(hostile.stdout).toContain('1.1 Members &lt;script>alert(1)&lt;/script> attend.')
    expect(hostile.stdout).toContain('<footer>protocols/x.md, not a recorded version. SHA-256 of the text:')
  })

  it('Word needs -o; the document has the footer and no tracked changes', async () => {
    const { repoRoot } = await import('../helpers/run-cli.js')
    expect((await runCli(['show', 'uttlesford', '--format', 'docx'], repoRoot)).code).toBe(2)
    const dir = copyOfExamples()
    const { cpSync, readFileSync: read } = await import('node:fs')
    cpSync(join(repoRoot, 'history'), join(dir, 'history'), { recursive: true })
    const result = await runCli(['show', 'uttlesford', '--format', 'docx', '-o', 'uttlesford.docx'], dir)
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'wrote uttlesford.docx\n' })
    const { unzipSync, strFromU8 } = await import('fflate')
    const files = unzipSync(read(join(dir, 'uttlesford.docx')))
    const footer = Object.entries(files).find(([name]) => /^word\/footer\d*\.xml$/.test(name))
    expect(strFromU8(footer?.[1] ?? new Uint8Array())).toContain('uttlesford, version cwg-2017-04-25, adopted 2017-04-25 by Constitution Working Group.')
    expect(strFromU8(files['word/document.xml'] ?? new Uint8Array())).not.toMatch(/<w:ins |<w:del /)
  })

  it('a clause cannot be shown as a page', async () => {
    const result = await runCli(['show', 'uttlesford', '7.2', '--format', 'html'], copyOfExamples())
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'keeling: --format html shows a whole protocol; leave out the clause "7.2"\n' })
  })
})

describe('keeling show by a citation as the text itself numbers', () => {
  it('an item inside a paragraph, and a section of an article', async () => {
    const dir = tempProject()
    const { mkdirSync } = await import('node:fs')
    mkdirSync(join(dir, 'protocols'))
    writeFileSync(
      join(dir, 'protocols', 'orders.md'),
      '---\ntitle: Orders\nslug: orders\n---\n\n## <a id="so3"></a>Standing Order 3 Meetings\n\n<a id="so3-p"></a>The chairman shall:\n\n(a) keep order;\n\n(b) close the meeting by 9pm.\n\n## <a id="art4"></a>Article IV Officers\n\n### <a id="art4-s2"></a>Section 2 Terms\n\n<a id="art4-s2-p"></a>Officers serve for one year.\n'
    )
    expect((await runCli(['show', 'orders', 'Standing Order 3(b)', '--format', 'text'], dir)).stdout).toBe('(b) close the meeting by 9pm.\n')
    expect((await runCli(['show', 'orders', '3(a)'], dir)).stdout).toBe('(a) keep order;\n')
    expect((await runCli(['show', 'orders', 'Article IV, Section 2', '--format', 'text'], dir)).stdout).toBe('Section 2 Terms\n\nOfficers serve for one year.\n')
    expect((await runCli(['show', 'orders', 'Standing Order 3(z)'], dir)).code).toBe(2)
  })
})
