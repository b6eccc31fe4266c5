import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, test } from 'vitest'
import { theName } from '../../src/core/paper/build-paper.js'
import { copyBeforeCwg, copyOfExamples, repoRoot, runCli, tempProject } from '../helpers/run-cli.js'

const UTTLESFORD = ['paper', 'uttlesford', '--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25', '--meta', 'papers/council-2017-05-16.yml']
const OADBY = ['paper', 'oadby-wigston', '--from', 'agreed-2014-04-01', '--propose', 'amendments/oadby-wigston/ctg-2014-04-01.md', '--meta', 'papers/oadby-wigston-council.yml']
const goldens = join(repoRoot, 'test', 'fixtures', 'goldens')

/** The numbers of a Markdown report's numbered paragraphs (top level, in order), up to the appendix. */
function paragraphNumbers(markdown: string): number[] {
  const report = markdown.slice(0, markdown.indexOf('\n# Appendix'))
  return [...report.matchAll(/^(\d+)\. /gm)].map((match) => Number(match[1]))
}

describe('keeling paper: the Uttlesford report of 16 May 2017 (seed 002) from the records', () => {
  test('Markdown and HTML equal the golden files; the appendix is Appendix B word for word', async () => {
    const md = await runCli(UTTLESFORD, repoRoot)
    expect(md.stderr).toBe('')
    expect(md.code).toBe(0)
    await expect(md.stdout).toMatchFileSnapshot('../fixtures/goldens/uttlesford-paper.md')
    expect(md.stdout.endsWith(`# Appendix B: Proposed Draft\n\n${readFileSync(join(goldens, 'uttlesford-appendix-b.md'), 'utf8')}`)).toBe(true)
    const html = await runCli([...UTTLESFORD, '--format', 'html'], repoRoot)
    expect(html.code).toBe(0)
    await expect(html.stdout).toMatchFileSnapshot('../fixtures/goldens/uttlesford-paper.html')
  })

  test('says what seed 002 says: the motions, the working group’s wording in place of Cllr Artus’s, the one substantive change', async () => {
    const { stdout } = await runCli(UTTLESFORD, repoRoot)
    // Paragraphs 1–2 and 12 of seed 002: who moved what, and what each body decided, when.
    expect(stdout).toContain('On 4 April 2017, Uttlesford District Council carried two amendments moved by Cllr Artus: “Members as advocates” and “Members\' engagement with officers”.')
    expect(stdout).toContain('On 25 April 2017, the Constitution Working Group carried its own amendment')
    expect(stdout).toContain('> 1. In paragraph 2.1, after "They are" insert "advocates,".')
    // Paragraph 14: the working group's wording in its place, and its two replacements said as the seed says them.
    expect(stdout).toContain('The Constitution Working Group’s amendment proposes the following wording in its place:\n\n    > Nothing in this protocol shall prevent or hinder a council member from fully engaging with officers of the council, including requesting meetings with officers,')
    expect(stdout).toContain('This replaces the phrase “calling or attending meetings” with “requesting meetings with officers”. It replaces the phrase “in the furtherance of any issue” with “concerning any issue”.')
    // Paragraph 15: Cllr Artus's reply, tabled and compared with the wording it amends.
    expect(stdout).toContain('Cllr Artus has tabled “Restore the wording the Council agreed on 4 April”, an amendment to the Constitution Working Group’s amendment, for Council, 16 May 2017. It has not been decided; paragraph 15 sets it out with the wordings compared.')
    expect(stdout).toContain('it puts “calling, attending or” before “requesting meetings with officers” in the paragraph beginning “Nothing in this protocol …”.')
    // Paragraph 16: the substantive change in 7.2, with the author's comment after it.
    expect(stdout).toMatch(/In paragraph 7\.2, the Constitution Working Group’s amendment adds the phrase “commercially sensitive”\.\n\n\d+\. The changes are mostly stylistic but this is the one substantive change/)
    expect(stdout).toContain('replaces the phrase “role as elected” with “role of a member as an elected”.')
    expect(stdout).toContain('The Constitution Working Group’s amendment renumbers 3.7 as 3.9.')
  })

  test('paragraphs are numbered 1, 2, 3 … through the report, under seed 004’s sections in order', async () => {
    const { stdout } = await runCli(UTTLESFORD, repoRoot)
    const numbers = paragraphNumbers(stdout)
    expect(numbers.length).toBeGreaterThan(25)
    expect(numbers).toEqual(numbers.map((_, index) => index + 1))
    const headings = [...stdout.slice(0, stdout.indexOf('\n# Appendix')).matchAll(/^## (.+)$/gm)].map((match) => match[1])
    expect(headings).toEqual(['Summary', 'Recommendation', 'Background', 'Financial implications', 'Impact', 'Risk analysis', 'Wards affected', 'Appendices', 'Background papers', 'Contact officer'])
    // The summary points to the paragraphs that set out the differences, and they are those paragraphs.
    const [, first, last] = /summarised in paragraphs (\d+) to (\d+)/.exec(stdout) ?? []
    expect(stdout).toMatch(new RegExp(`^${first}\\. The changes between the version council-2017-04-04`, 'm'))
    expect(stdout).toMatch(new RegExp(`^${last}\\. In paragraph 14\\.3`, 'm'))
  })

  test('Word: the report in plain paragraphs, the appendix as real revisions by the working group dated 25 April 2017, page numbers in the footer', async () => {
    const dir = tempProject()
    const out = join(dir, 'paper.docx')
    const result = await runCli([...UTTLESFORD, '--format', 'docx', '-o', out], repoRoot, { SOURCE_DATE_EPOCH: '1495000000' })
    expect(result.code).toBe(0)
    const files = unzipSync(readFileSync(out))
    const xml = strFromU8(files['word/document.xml'] as Uint8Array)
    const appendixAt = xml.indexOf('Appendix B: Proposed Draft</w:t>')
    expect(appendixAt).toBeGreaterThan(0)
    const report = xml.slice(0, appendixAt)
    const appendix = xml.slice(appendixAt)
    expect(report).not.toMatch(/<w:(ins|del) /)
    expect(report).toContain('This replaces the phrase “calling or attending meetings” with “requesting meetings with officers”.')
    expect(appendix).toMatch(/<w:del [^>]*w:author="Constitution Working Group" w:date="2017-04-25T00:00:00Z"[^>]*>.*?<w:delText[^>]*>calling or attending<\/w:delText>/s)
    expect(appendix).toMatch(/<w:ins [^>]*w:author="Constitution Working Group"[^>]*>.*?<w:t[^>]*>concerning<\/w:t>/s)
    const footer = Object.entries(files).find(([name]) => /word\/footer\d*\.xml/.test(name))
    expect(footer).toBeDefined()
    const footerXml = strFromU8(footer?.[1] as Uint8Array)
    expect(footerXml).toMatch(/PAGE/)
    expect(footerXml).toContain('Council, 16 May 2017, item 18: Member Officer Protocol')
  })
})

describe('keeling paper --propose: a Bromsgrove-style report putting seed 000’s “the following is added” to Council', () => {
  test('the Markdown equals its golden file; the proposal is quoted, undecided, and tracked in the appendix', async () => {
    const result = await runCli(OADBY, repoRoot)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    await expect(result.stdout).toMatchFileSnapshot('../fixtures/goldens/oadby-wigston-paper.md')
    expect(result.stdout).toContain('The Constitutional Task Group proposes the amendment “Respect for advice and for decisions”')
    expect(result.stdout).toContain('It has not been decided; the changes from the version agreed-2014-04-01 are set out tracked in Appendix 1 to this report.')
    expect(result.stdout).toContain('<u>Officers should respect the right of members to make decisions that may be contrary to officer advice.')
    const numbers = paragraphNumbers(result.stdout)
    expect(numbers).toEqual(numbers.map((_, index) => index + 1))
    for (const heading of ['## Financial implications', '## Legal implications', '## Others consulted on the report', '## Wards affected', '## Appendices', '## Background papers']) expect(result.stdout).toContain(heading)
  })

  test('refuses a motion already adopted, and one that does not apply, naming it; nothing written', async () => {
    const dir = await copyBeforeCwg()
    writeFileSync(join(dir, 'paper.yml'), readFileSync(join(repoRoot, 'papers', 'council-2017-05-16.yml'), 'utf8'))
    const adopted = await runCli(['paper', 'uttlesford', '--from', 'council-2017-04-04', '--propose', 'amendments/uttlesford/artus-2017-04-04-1.md', '--meta', 'paper.yml', '-o', 'out.md'], dir)
    expect(adopted.code).toBe(2)
    expect(adopted.stderr).toContain('amendments/uttlesford/artus-2017-04-04-1.md is already adopted in a version of uttlesford')
    writeFileSync(join(dir, 'amendments', 'uttlesford', 'stray.md'), '---\ntitle: Stray\nmover: Cllr Stray\n---\n\n1. In paragraph 7.2, leave out "no such words" and insert "other words".\n')
    const stray = await runCli(['paper', 'uttlesford', '--from', 'cwg-2017-04-25', '--propose', 'amendments/uttlesford/stray.md', '--meta', 'paper.yml', '-o', 'out.md'], dir)
    expect(stray.code).toBe(1)
    expect(stray.stderr).toMatch(/^amendments\/uttlesford\/stray\.md:6:\d+: error: the proposed motions cannot be applied to the version cwg-2017-04-25: .*no such words/m)
    expect(existsSync(join(dir, 'out.md'))).toBe(false)
  })
})

describe('keeling paper on a meeting with votes, a lost amendment and one only tabled', () => {
  test('the votes, the seconder, the rejection and the tabled amendment are each said once, in order', async () => {
    const dir = copyOfExamples()
    mkdirSync(join(dir, 'amendments', 'town-council'), { recursive: true })
    const motion = (id: string, front: string, body: string): void => writeFileSync(join(dir, 'amendments', 'town-council', `${id}.md`), `---\n${front}\n---\n\n${body}\n`)
    motion('smith', 'title: Informal atmosphere\nmover: Cllr Smith\nseconder: Cllr Jones', '1. In paragraph 2.2, leave out "an informal atmosphere" and insert "a friendly atmosphere".')
    motion('green', 'title: Close working\nmover: Cllr Green', '1. In paragraph 2.3, leave out "close working relationship" and insert "good working relationship".')
    motion('brown', 'title: Confidences\nmover: Cllr Brown\ntabled:\n  meeting: Council, 24 November 2026', '1. After paragraph 2.1 insert the new paragraph:\n\n   > 2.2 Members and officers should not share confidential information socially.')
    const run = async (argv: string[]): Promise<void> => {
      const result = await runCli(argv, dir)
      expect(result.code, result.stderr).toBe(0)
    }
    await run(['adopt', 'town-council', '--version', 'reviewed-2016-02', '--date', '2016-02-01', '--by', 'Anytown Town Council'])
    await run(['decide', 'amendments/town-council/smith.md', '--body', 'Policy Committee', '--date', '2026-11-10', '--outcome', 'carried', '--for', '7', '--against', '2', '--abstain', '1'])
    await run(['decide', 'amendments/town-council/green.md', '--body', 'Policy Committee', '--date', '2026-11-10', '--outcome', 'lost', '--for', '3', '--against', '6'])
    await run(['adopt', 'town-council', '--version', 'policy-2026-11-10', '--date', '2026-11-10', '--by', 'Policy Committee', 'amendments/town-council/smith.md'])
    writeFileSync(join(dir, 'paper.yml'), 'committee: Council\ndate: 2026-11-24\ntitle: Protocol\nauthor: Town Clerk\nfor-decision: no\nrecommendation: That Council notes the report.\n')
    motion('draft', 'mover: Cllr Grey', '1. In paragraph 2.2, leave out "friendly" and insert "cordial".')
    const { stdout, stderr, code } = await runCli(['paper', 'town-council', '--from', 'reviewed-2016-02', '--to', 'policy-2026-11-10', '--meta', 'paper.yml'], dir)
    expect(code).toBe(0)
    expect(stderr).toContain('amendments/town-council/draft.md:1:1: error: Motion has no `title`')
    expect(stderr).toContain('amendments/town-council/draft.md left out of the paper until it reads')
    expect(stdout).not.toContain('Cllr Grey')
    expect(stdout).toContain('1. The protocol before these changes is the version reviewed-2016-02, adopted by Anytown Town Council on 1 February 2016.')
    expect(stdout).toContain('2. On 10 November 2026, the Policy Committee carried the amendment moved by Cllr Smith, seconded by Cllr Jones (7 for, 2 against, 1 abstaining): “Informal atmosphere”.')
    expect(stdout).toContain('3. On 10 November 2026, the Policy Committee rejected an amendment, “Close working”, moved by Cllr Green (3 for, 6 against).')
    expect(stdout).toMatch(/4\. Cllr Brown has tabled “Confidences”, an amendment, for Council, 24 November 2026\. It has not been decided; paragraph (\d+) sets it out\./)
    const [, at] = /paragraph (\d+) sets it out/.exec(stdout) ?? []
    expect(stdout).toContain(`${at}. Cllr Brown’s amendment “Confidences” reads:`)
    expect(stdout).toContain('In paragraph 2.2, Cllr Smith’s amendment replaces the phrase “an informal atmosphere” with “a friendly atmosphere”.')
    expect(stdout.match(/Close working/g)).toHaveLength(2)
  })
})

describe('bodies named as a report names them', () => {
  test('“the” before a committee, a group or a council with no name of its own; not before a named council or a person', () => {
    expect(['Council', 'Town Council', 'Policy Committee', 'Constitution Working Group', 'Uttlesford District Council', 'Anytown Town Council', 'Cllr Artus', 'the Cabinet'].map(theName)).toEqual([
      'the Council',
      'the Town Council',
      'the Policy Committee',
      'the Constitution Working Group',
      'Uttlesford District Council',
      'Anytown Town Council',
      'Cllr Artus',
      'the Cabinet'
    ])
  })
})

describe('PAPER.yml: every problem at file:line:col with the form the field takes', () => {
  async function paperWith(yaml: string): Promise<{ code: number; stderr: string; dir: string }> {
    const dir = await copyBeforeCwg()
    writeFileSync(join(dir, 'paper.yml'), yaml)
    const result = await runCli(['paper', 'uttlesford', '--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25', '--meta', 'paper.yml', '-o', 'paper.md'], dir)
    return { ...result, dir }
  }
  const good = readFileSync(join(repoRoot, 'papers', 'council-2017-05-16.yml'), 'utf8')

  test('no PAPER.yml, or a folder given for it: one line saying which, and how to start one', async () => {
    const dir = await copyBeforeCwg()
    const paper = async (meta: string) => runCli(['paper', 'uttlesford', '--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25', '--meta', meta], dir)
    expect(await paper('papers/none.yml')).toMatchObject({ code: 2, stdout: '', stderr: 'keeling: cannot read papers/none.yml: no such file; start one with keeling paper uttlesford --init papers/none.yml\n' })
    expect(await paper('amendments')).toMatchObject({ code: 2, stdout: '', stderr: 'keeling: cannot read amendments: it is a directory; give the PAPER.yml file in it\n' })
  })

  test('a PAPER.yml saved as Windows text is refused at the character that cannot be read', async () => {
    const dir = await copyBeforeCwg()
    const good = readFileSync(join(repoRoot, 'papers', 'council-2017-05-16.yml'))
    const at = good.indexOf('Simon Pugh')
    writeFileSync(join(dir, 'paper.yml'), Buffer.concat([good.subarray(0, at), Buffer.from([0x93]), good.subarray(at)]))
    const result = await runCli(['paper', 'uttlesford', '--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25', '--meta', 'paper.yml'], dir)
    expect(result.code).toBe(1)
    const line = good.subarray(0, at).toString('utf8').split('\n').length
    expect(result.stderr).toMatch(new RegExp(`^paper\\.yml:${line}:\\d+: error: this character could not be read: the file is not UTF-8`))
    expect(result.stdout).toBe('')
  })

  test('a malformed date, a misspelt field and a missing field', async () => {
    const yaml = good.replace('date: 2017-05-16', 'date: 16/05/2017').replace('recommendation:', 'recomendation:').replace(/^author: .*\n/m, '')
    const { code, stderr, dir } = await paperWith(yaml)
    expect(code).toBe(1)
    const dateLine = yaml.split('\n').findIndex((line) => line.startsWith('date:')) + 1
    const typoLine = yaml.split('\n').findIndex((line) => line.startsWith('recomendation:')) + 1
    expect(stderr).toContain(`paper.yml:${dateLine}:7: error: date: expected the meeting date as YYYY-MM-DD or as a clerk writes it, e.g. date: 2017-05-16 or date: 16 May 2017 [paper-field-form]`)
    expect(stderr).toContain(`paper.yml:${typoLine}:1: error: unknown field "recomendation"; did you mean "recommendation"? [paper-unknown-field]`)
    expect(stderr).toContain('paper.yml:1:1: error: missing field "author": expected who wrote the report')
    expect(stderr).toContain('paper.yml:1:1: error: missing field "recommendation"')
    expect(stderr).toContain('nothing written')
    expect(existsSync(join(dir, 'paper.md'))).toBe(false)
  })

  test('a date as a clerk writes it is read; a day that does not exist, or 05/06, is refused', async () => {
    for (const written of ['16 May 2017', 'Tuesday 16th May 2017', '16 may 2017']) {
      const { code, stderr, dir } = await paperWith(good.replace('date: 2017-05-16', `date: ${written}`))
      expect(stderr, written).toBe('wrote paper.md\n')
      expect(code).toBe(0)
      expect(readFileSync(join(dir, 'paper.md'), 'utf8')).toMatch(/^\*\*UTTLESFORD DISTRICT COUNCIL\*\*\n\n\*\*Committee:\*\* Council\\\n\*\*Date:\*\* 16 May 2017\\\n/)
    }
    for (const wrong of ['31 June 2017', '05/06/2017', '16 Mai 2017']) expect((await paperWith(good.replace('date: 2017-05-16', `date: ${wrong}`))).stderr).toContain('error: date: expected the meeting date')
  })

  test('a field of the wrong shape, a risk without its impact, YAML that does not parse', async () => {
    const shape = await paperWith(good.replace('wards: All', 'wards:\n  north: yes'))
    expect(shape.code).toBe(1)
    expect(shape.stderr).toMatch(/paper\.yml:\d+:3: error: wards: expected the wards affected, e\.g\. wards: All, or a list of ward names/)
    const risk = await paperWith(good.replace('    impact: 3\n', ''))
    expect(risk.stderr).toMatch(/paper\.yml:\d+:\d+: error: risks: missing impact; expected a list of risks, each with risk, likelihood, impact and mitigation/)
    const broken = await paperWith(good.replace('title: Member Officer Protocol', 'title: "Member Officer Protocol'))
    expect(broken.code).toBe(1)
    expect(broken.stderr).toMatch(/paper\.yml:\d+:\d+: error: not valid YAML/)
  })

  test('a comment on a motion or clause the paper does not contain is refused, not dropped', async () => {
    const { code, stderr } = await paperWith(good.replace('  "7.2":', '  "7.9": Not changed here.\n  "7.2":'))
    expect(code).toBe(1)
    expect(stderr).toContain('comments: "7.9" names no motion or changed clause between council-2017-04-04 and cwg-2017-04-25')
  })

  test('every comment that names nothing is reported, each at its own line, with no stack trace; nothing written', async () => {
    const yaml = good.replace('  "7.2":', '  "7.9": Not changed here.\n  cwg-2099: Nor this.\n  "7.2":')
    const { code, stderr, dir } = await paperWith(yaml)
    expect(code).toBe(1)
    const lineOf = (start: string): number => yaml.split('\n').findIndex((line) => line.startsWith(start)) + 1
    expect(stderr).toContain(`paper.yml:${lineOf('  "7.9":')}:3: error: comments: "7.9" names no motion or changed clause between council-2017-04-04 and cwg-2017-04-25; use a motion ID`)
    expect(stderr).toContain(`paper.yml:${lineOf('  cwg-2099:')}:3: error: comments: "cwg-2099" names no motion or changed clause`)
    expect(stderr).toMatch(/keeling paper: 2 problems; nothing written\n$/)
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(join(dir, 'paper.md'))).toBe(false)
  })

  test('PAPER.yml’s words are printed as typed: braces in them are not paragraph numbers to fill in', async () => {
    const typed = 'See {{differences-first}} and paragraphs 3 to 3 of the last report.'
    const { code, dir } = await paperWith(good.replace(/summary:\n  - .*\n/, `summary:\n  - ${typed}\n`))
    expect(code).toBe(0)
    const paper = readFileSync(join(dir, 'paper.md'), 'utf8')
    expect(paper).toMatch(new RegExp(`^\\d+\\. ${typed.replace(/[{}.]/g, '\\$&')}$`, 'm'))
    expect(paper).toMatch(/The differences between the two versions are summarised in paragraphs \d+ to \d+ of this report\./)
  })
})

describe('keeling paper --init', () => {
  test('writes a commented PAPER.yml with the protocol’s title; its empty required fields are named; filled in, it makes a paper; never over a file', async () => {
    const dir = await copyBeforeCwg()
    const init = await runCli(['paper', 'uttlesford', '--init', 'papers/next.yml'], dir)
    expect(init.code).toBe(0)
    const template = readFileSync(join(dir, 'papers', 'next.yml'), 'utf8')
    expect(template).toContain('title: Member Officer Protocol')
    expect(template).toMatch(/^# The date of the meeting \(required\), e.g. 2017-05-16 or 16 May 2017$/m)
    // The command to run next names the last meeting's change: the last two versions.
    expect(init.stderr).toBe('wrote papers/next.yml: fill in the fields marked (required), then run keeling paper uttlesford --from council-2017-04-04 --to cwg-2017-04-25 --meta papers/next.yml\n')
    expect(template).toContain('#   keeling paper uttlesford --from council-2017-04-04 --to cwg-2017-04-25 --meta THIS-FILE --format html -o paper.html\n')
    const unfilled = await runCli(['paper', 'uttlesford', '--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25', '--meta', 'papers/next.yml'], dir)
    expect(unfilled.code).toBe(1)
    for (const field of ['committee', 'date', 'author', 'for-decision', 'recommendation']) expect(unfilled.stderr).toMatch(new RegExp(`papers/next\\.yml:\\d+:\\d+: error: ${field}: nothing given; expected`))
    const filled = template
      .replace(/^committee:$/m, 'committee: Council')
      .replace(/^date:$/m, 'date: 2017-05-16')
      .replace(/^author:$/m, 'author: Monitoring Officer')
      .replace(/^for-decision:$/m, 'for-decision: yes')
      .replace(/^recommendation:$/m, 'recommendation: That the Council approves the protocol.')
    writeFileSync(join(dir, 'papers', 'next.yml'), filled)
    const made = await runCli(['paper', 'uttlesford', '--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25', '--meta', 'papers/next.yml'], dir)
    expect(made.stderr).toBe('')
    expect(made.stdout).toMatch(/## Recommendation\n\n\d+\. That the Council approves the protocol\./)
    const again = await runCli(['paper', '--init', 'papers/next.yml'], dir)
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('papers/next.yml already exists')
    expect(readFileSync(join(dir, 'papers', 'next.yml'), 'utf8')).toBe(filled)
  })
})

describe('every text from PAPER.yml and the records reaches HTML escaped', () => {
  test('script in a title, a recommendation, a comment and a motion title is shown as text; the page style cannot be closed from the footer', async () => {
    const dir = await copyBeforeCwg()
    const hostile = '<script>alert(1)</script>'
    const yaml = readFileSync(join(repoRoot, 'papers', 'council-2017-05-16.yml'), 'utf8')
      .replace('title: Member Officer Protocol', () => `title: 'Protocol </style>${hostile} "} costs $& $$'`)
      .replace(/recommendation:\n  - /, `recommendation:\n  - ${hostile} <img src=x onerror=alert(2)> `)
      .replace('  "7.2":', `  "7.2": ${hostile}\n  "7.2b":`)
      .replace('  "7.2b":', '  artus-2017-05-16b:')
    writeFileSync(join(dir, 'paper.yml'), yaml.replace(/  artus-2017-05-16b:.*\n/, ''))
    const motion = join(dir, 'amendments', 'uttlesford', 'artus-2017-05-16.md')
    writeFileSync(motion, readFileSync(motion, 'utf8').replace('title: Restore the wording the Council agreed on 4 April', `title: "Restore <b onmouseover=alert(3)>this</b>"`))
    const result = await runCli(['paper', 'uttlesford', '--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25', '--meta', 'paper.yml', '--format', 'html'], dir)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const html = result.stdout
    expect(html).not.toMatch(/<script|<img|<b onmouseover/i)
    expect(html).toContain('&lt;script>alert(1)&lt;/script>')
    expect(html).toContain('&lt;b onmouseover=alert(3)>this&lt;/b>')
    expect(html.match(/<\/style>/g)).toHaveLength(1)
    // The title reaches the printed footer as typed, `$&` and `$$` included.
    expect(html).toContain('@bottom-left { content: "Council, 16 May 2017, item 18: Protocol  /style  script alert(1) /script  \\"} costs $& $$";')
  })
})
