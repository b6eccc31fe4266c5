import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCritic } from '../../src/core/import/read-critic.js'
import { readersText as readerText } from '../helpers/reader-copy.js'
import { copyBeforeCwg, repoRoot, runCli } from '../helpers/run-cli.js'

const version = (label: string): string => readFileSync(join(repoRoot, 'history', 'uttlesford', `${label}.md`), 'utf8')
const redline = (name: string): string => join(repoRoot, 'test', 'fixtures', 'redlines', name)

/** CriticMarkup resolved by the test's own reading: every change accepted, or every change rejected. */
function resolveCritic(text: string, side: 'accept' | 'reject'): string {
  return text
    .replace(/\{\+\+([\s\S]*?)\+\+\}/g, (_, added: string) => (side === 'accept' ? added : ''))
    .replace(/\{--([\s\S]*?)--\}/g, (_, gone: string) => (side === 'accept' ? '' : gone))
    .replace(/\{~~([\s\S]*?)~>([\s\S]*?)~~\}/g, (_, old: string, now: string) => (side === 'accept' ? now : old))
}

/** The instructions of a motion file: its numbered list and block quotes, without the front matter. */
const instructions = (motion: string): string => motion.slice(motion.indexOf('\n---\n', 4) + 5).trim().replace(/^<!--[\s\S]*?-->\s*/, '')

/** The working group's motion as `motion from` drafts it (the golden a reader checked against the report's paragraphs 13–16). */
const golden = instructions(readFileSync(join(repoRoot, 'test', 'fixtures', 'goldens', 'motion-from-cwg-2017-04-25.md'), 'utf8'))

describe('keeling diff --format critic', () => {
  it('marks the working group’s changes as CriticMarkup, and rejecting or accepting them gives either text exactly', async () => {
    const dir = await copyBeforeCwg()
    const result = await runCli(['diff', 'uttlesford@council-2017-04-04', 'uttlesford@cwg-2017-04-25', '--format', 'critic'], dir)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('including {~~calling or attending~>requesting~~} meetings{++ with officers++}, or offering information and advice {~~in the furtherance of~>concerning~~} any issue')
    expect(result.stdout).toContain('{~~3.7~>3.9~~} Members should approach officers')
    expect(result.stdout).toContain('the information is confidential{++, commercially sensitive++} or should not')
    expect(resolveCritic(result.stdout, 'reject').trim()).toBe(readerText(version('council-2017-04-04')))
    expect(resolveCritic(result.stdout, 'accept').trim()).toBe(readerText(version('cwg-2017-04-25')))
  })

  it('reads CriticMarkup exactly, and names the line and column of a mark never closed', () => {
    const read = readCritic('A {~~calling~>requesting~~} and {++new++}{--old--} {==kept==}{>>why?<<}.\n')
    expect(read).toEqual({ before: 'A calling and old kept.\n', after: 'A requesting and new kept.\n', comments: [{ line: 1, text: 'why?' }], changes: 3 })
    const broken = readCritic('Fine.\n\nThen {++never closed.\n')
    expect(broken).toEqual({ failure: expect.objectContaining({ line: 3, column: 6, code: 'unclosed-mark' }) })
    // Left open before another mark, it is named where it opens, not where the texts later part.
    const runOn = readCritic('Notice of {~~15~>20 days.\n\nA quorum is {~~three~>four~~}.\n')
    expect(runOn).toEqual({ failure: expect.objectContaining({ line: 1, column: 11, code: 'unclosed-mark', reason: expect.stringContaining('is not closed with ~~} before the next mark (line 3, column 13)') }) })
  })
})

describe('keeling import --tracked reads CriticMarkup exactly', () => {
  it('keeps the text before the changes, or after them', async () => {
    const dir = await copyBeforeCwg()
    const critic = await runCli(['diff', 'uttlesford@council-2017-04-04', 'uttlesford@cwg-2017-04-25', '--format', 'critic'], dir)
    writeFileSync(join(dir, 'cwg.critic.md'), critic.stdout)
    for (const [side, has, hasNot] of [['before', 'including calling or attending meetings, or offering', 'requesting'], ['after', 'including requesting meetings with officers, or offering', 'calling or attending']] as const) {
      const result = await runCli(['import', 'cwg.critic.md', '--as', `cwg-${side}`, '--tracked', side], dir)
      expect(result.code).toBe(0)
      expect(result.stderr).toContain(`cwg.critic.md:1: read 14 CriticMarkup changes, keeping the text ${side} them`)
      const imported = readFileSync(join(dir, 'protocols', `cwg-${side}.md`), 'utf8')
      expect(imported).toContain(has)
      expect(imported).not.toContain(hasNot)
      expect(imported).not.toMatch(/\{(?:\+\+|--|~~)/)
    }
  })
})

describe('keeling motion from-tracked: the motion a CriticMarkup text makes', () => {
  it('gives the working group’s motion from its changes marked in CriticMarkup', async () => {
    const dir = await copyBeforeCwg()
    const critic = await runCli(['diff', 'uttlesford@council-2017-04-04', 'uttlesford@cwg-2017-04-25', '--format', 'critic'], dir)
    writeFileSync(join(dir, 'cwg.critic.md'), critic.stdout)
    const result = await runCli(['motion', 'from-tracked', 'cwg.critic.md', '--protocol', 'uttlesford', '--mover', 'Constitution Working Group', '-o', '-'], dir)
    expect(result.stderr).toContain('8 instructions; applied to protocols/uttlesford.md it makes the changes marked in cwg.critic.md')
    expect(result.code).toBe(0)
    expect(instructions(result.stdout)).toBe(golden)
  })

  it('a hand-marked copy: its comment kept as a note, and its changes made', async () => {
    const dir = await copyBeforeCwg()
    const town = readerText(readFileSync(join(dir, 'protocols', 'town-council.md'), 'utf8'))
    const marked = town
      .replace('there should not be an informal atmosphere', 'there should not be {~~an informal~>a friendly~~} atmosphere{>>Cllr Hart: “informal” reads as careless<<}')
      .replace('It is clearly important', 'It is {--clearly --}important')
    writeFileSync(join(dir, 'town.critic.md'), marked)
    const result = await runCli(['motion', 'from-tracked', 'town.critic.md', '--protocol', 'town-council', '--mover', 'Cllr Hart', '--id', 'friendly'], dir)
    expect(result.code).toBe(0)
    const motion = readFileSync(join(dir, 'amendments', 'town-council', 'friendly.md'), 'utf8')
    const line = marked.slice(0, marked.indexOf('{>>')).split('\n').length
    expect(motion).toContain(`<!--\nComment (line ${line}): Cllr Hart: “informal” reads as careless\n-->`)
    expect(instructions(motion)).toBe('1. In paragraph 2.2, leave out "an informal" and insert "a friendly".\n2. In paragraph 2.3, leave out "clearly".')
  })

  it('refuses a marked text of another text, naming where they part, and writes nothing', async () => {
    const dir = await copyBeforeCwg()
    const town = readerText(readFileSync(join(dir, 'protocols', 'town-council.md'), 'utf8'))
    writeFileSync(join(dir, 'other.critic.md'), town.replace('Guidance on personal relationships', 'Advice on personal relationships').replace('an informal atmosphere', '{~~an informal~>a friendly~~} atmosphere'))
    const before = readdirSync(join(dir, 'amendments'))
    const result = await runCli(['motion', 'from-tracked', 'other.critic.md', '--protocol', 'town-council', '--mover', 'Cllr Hart'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("the text with its changes rejected is not the protocol's text: at word")
    expect(result.stderr).toContain('the document reads “government. 2. Personal Relationships 2.1 Advice on personal relationships is” where the protocol has “government. 2. Personal Relationships 2.1 Guidance on personal relationships is”')
    expect(readdirSync(join(dir, 'amendments'))).toEqual(before)
  })
})

describe('keeling motion from-docx: the motions a Word redline makes', () => {
  it('keeling’s own Word appendix read back gives the working group’s motion (a round trip through Word)', async () => {
    const dir = await copyBeforeCwg()
    const report = await runCli(['report', 'uttlesford', '--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25', '--format', 'docx', '-o', 'appendix-b.docx'], dir, { SOURCE_DATE_EPOCH: '1493078400' })
    expect(report.code).toBe(0)
    const result = await runCli(['motion', 'from-docx', 'appendix-b.docx', '--protocol', 'uttlesford@council-2017-04-04', '-o', '-'], dir)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('mover: Constitution Working Group\nprotocol: uttlesford\nbase: council-2017-04-04\ntabled:\n  date: 2017-04-25\n')
    expect(instructions(result.stdout)).toBe(golden)
  })

  it('one motion per author, the author as mover and the date of their revisions kept', async () => {
    const dir = await copyBeforeCwg()
    const result = await runCli(['motion', 'from-docx', redline('two-authors.docx'), '--protocol', 'uttlesford', '--id', 'redline'], dir)
    expect(result.code).toBe(0)
    const artus = readFileSync(join(dir, 'amendments', 'uttlesford', 'redline-cllr-artus.md'), 'utf8')
    expect(artus).toContain('mover: Cllr Artus\n')
    expect(artus).toContain('  date: 2017-05-02\n')
    expect(instructions(artus)).toBe('1. In paragraph 7.2, after "confidential" insert ", commercially sensitive".\n2. In paragraph 14.3, leave out "[Constitution Working Group]" and insert "Governance, Audit and Performance Committee".')
    const group = readFileSync(join(dir, 'amendments', 'uttlesford', 'redline-constitution-working-group.md'), 'utf8')
    expect(instructions(group)).not.toContain('7.2')
    expect(instructions(group)).toContain('5. After paragraph 3.6 insert the new paragraphs:')
    expect(instructions(group).split(/\n(?=\d+\. )/)).toHaveLength(6)
  })

  it('a redline LibreOffice saved, one change accepted and one rejected: refused against the version it no longer matches, read exactly against the text it does', async () => {
    const dir = await copyBeforeCwg()
    const wrong = await runCli(['motion', 'from-docx', redline('libreoffice-resaved.docx'), '--protocol', 'uttlesford', '--one', '--mover', 'CWG', '-o', '-'], dir)
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('the document reads “on the recommendation of the Governance, Audit and Performance Committee.')
    expect(wrong.stderr).toContain('a redline must be made from the version it amends')
    expect(wrong.stdout).toBe('')
    // The text it was made from: 4 April with the 14.3 change accepted.
    const accepted = version('council-2017-04-04').replace('[Constitution Working Group]', 'Governance, Audit and Performance Committee')
    writeFileSync(join(dir, 'protocols', 'uttlesford.md'), accepted)
    const right = await runCli(['motion', 'from-docx', redline('libreoffice-resaved.docx'), '--protocol', 'uttlesford', '--one', '--mover', 'CWG', '--id', 'resaved'], dir)
    expect(right.code).toBe(0)
    const motion = readFileSync(join(dir, 'amendments', 'uttlesford', 'resaved.md'), 'utf8')
    expect(motion).not.toContain('commercially sensitive')
    expect(motion).not.toContain('14.3')
    const applied = await runCli(['apply', 'amendments/uttlesford/resaved.md'], dir)
    expect(applied.code).toBe(0)
    // Every other change of 25 April, and not the 7.2 insertion rejected in the document.
    const expected = version('cwg-2017-04-25').replace(', commercially sensitive', '')
    expect(readerText(readFileSync(join(dir, 'protocols', 'uttlesford.md'), 'utf8'))).toBe(readerText(expected))
  })
})

describe('found by a blind trial on outside texts', () => {
  it('a new section and its paragraph marked as one insertion at the end are both put in', async () => {
    const dir = await copyBeforeCwg()
    const town = readerText(readFileSync(join(dir, 'protocols', 'town-council.md'), 'utf8'))
    writeFileSync(join(dir, 'z.critic.md'), `${town}\n\n{++## 13. Remote Attendance\n\nMembers may attend any meeting by video link.++}\n`)
    const result = await runCli(['motion', 'from-tracked', 'z.critic.md', '--protocol', 'town-council', '--mover', 'WG', '-o', '-'], dir)
    expect(result.code).toBe(0)
    expect(instructions(result.stdout)).toBe('1. After section 12 insert the new paragraphs:\n\n   > ## 13. Remote Attendance\n   >\n   > Members may attend any meeting by video link.')
  })

  it('a cross-reference renumbered keeps its own way of writing the number', async () => {
    const dir = await copyBeforeCwg()
    writeFileSync(join(dir, 'protocols', 'xref.md'), '---\ntitle: T\nslug: xref\n---\n\n## <a id="s4"></a>4. Meetings\n\n<a id="c4-1"></a>4.1. Meetings are monthly.\n\n<a id="c4-2"></a>4.2. Notice is as in Section [4.3](#c4-3).\n\n<a id="c4-3"></a>4.3. Notice is seven days.\n')
    mkdirSync(join(dir, 'amendments', 'xref'), { recursive: true })
    writeFileSync(join(dir, 'amendments', 'xref', 'm.md'), '---\ntitle: M\nmover: A\n---\n\n1. Leave out paragraph 4.1.\n')
    expect((await runCli(['apply', 'amendments/xref/m.md'], dir)).code).toBe(0)
    expect(readFileSync(join(dir, 'protocols', 'xref.md'), 'utf8')).toContain('4.1. Notice is as in Section [4.2](#c4-3).')
  })
})
