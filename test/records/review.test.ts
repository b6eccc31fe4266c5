import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, tempProject } from '../helpers/run-cli.js'
import { addingMotion, decideArgs, motion, rulesProject } from './project.js'

/** A project with v1, m1 carried and adopted as v2, and m2 lost. */
async function recorded(): Promise<string> {
  const dir = await rulesProject()
  const m1 = addingMotion(dir, 'm1')
  expect((await runCli(decideArgs(m1), dir)).code).toBe(0)
  expect((await runCli(['adopt', 'rules', '--version', 'v2', '--date', '2020-02-01', '--by', 'Council', m1], dir)).code).toBe(0)
  expect((await runCli(decideArgs(addingMotion(dir, 'm2'), ['--outcome', 'lost']), dir)).code).toBe(0)
  return dir
}

const history = (dir: string): string => join(dir, 'history', 'rules.yml')

describe('a write never buries a tampered or lost history under a new head', () => {
  it('decide after the history was deleted or emptied is refused, and verify still says why', async () => {
    for (const tamper of [(dir: string) => rmSync(history(dir)), (dir: string) => writeFileSync(history(dir), '')]) {
      const dir = await recorded()
      tamper(dir)
      const result = await runCli(decideArgs(addingMotion(dir, 'm3')), dir)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/^keeling: the records of rules are not as keeling left them: the history (is missing|holds no records), but the protocol records history head [0-9a-f]{12}…; nothing was written/)
      expect((await runCli(['verify', 'rules'], dir)).code).toBe(1)
    }
  })

  it('a lost motion edited to carried cannot then be adopted: adopt, decide, apply and migrate refuse', async () => {
    const dir = await recorded()
    writeFileSync(history(dir), readFileSync(history(dir), 'utf8').replace('outcome: lost', 'outcome: carried'))
    const before = readFileSync(join(dir, 'protocols', 'rules.md'), 'utf8')
    for (const argv of [
      ['adopt', 'rules', '--version', 'v3', '--date', '2020-03-01', '--by', 'Council', 'amendments/rules/m2.md'],
      decideArgs(addingMotion(dir, 'm3')),
      ['apply', addingMotion(dir, 'm4')],
      ['migrate', 'rules']
    ]) {
      const result = await runCli(argv, dir)
      expect(result.code, argv.join(' ')).toBe(2)
      expect(result.stderr).toContain('which is not the history\'s last record (its tail was cut, edited or added to by hand)')
    }
    expect(readFileSync(join(dir, 'protocols', 'rules.md'), 'utf8')).toBe(before)
    expect((await runCli(['verify', 'rules'], dir)).code).toBe(1)
  })

  it('a history with an unreadable record or a broken chain is not written to', async () => {
    const dir = await recorded()
    writeFileSync(history(dir), `${readFileSync(history(dir), 'utf8')}---\ngarbage: [unclosed\n`)
    const result = await runCli(decideArgs(addingMotion(dir, 'm3')), dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('the records of rules are not as keeling left them: history/…yml line')
  })
})

describe('verify sees what the hash does not cover, and every decided motion', () => {
  it('a comment, an unknown field or a nested value in a record is a problem', async () => {
    for (const [edit, words] of [
      [(text: string) => text.replace('outcome: lost', 'outcome: lost # the vote was 2-10'), 'a comment among the records is not part of any record'],
      [(text: string) => `${text}# NOTE: the vote was actually 2-10\n`, 'a comment among the records'],
      [(text: string) => text.replace('outcome: lost', 'outcome: lost\nvotes-recount: lost 2-10'), 'unknown field `votes-recount`'],
      [(text: string) => text.replace('outcome: lost', 'outcome: lost\nnote:\n  hidden: the real result'), 'field `note` must be text']
    ] as const) {
      const dir = await recorded()
      writeFileSync(history(dir), edit(readFileSync(history(dir), 'utf8')))
      const result = await runCli(['verify', 'rules'], dir)
      expect(result.code, words).toBe(1)
      expect(result.stderr).toContain(words)
    }
  })

  it('a motion decided on but not adopted, edited or deleted, is named', async () => {
    const dir = await recorded()
    const m2 = join(dir, 'amendments', 'rules', 'm2.md')
    writeFileSync(m2, readFileSync(m2, 'utf8').replace('stands here', 'stands there'))
    const edited = await runCli(['verify', 'rules'], dir)
    expect(edited.code).toBe(1)
    expect(edited.stderr).toContain('amendments/rules/m2.md: changed since it was lost by Council on 2020-02-01')
    rmSync(m2)
    const deleted = await runCli(['verify', 'rules'], dir)
    expect(deleted.stderr).toContain('amendments/rules/m2.md: missing: the motion lost by Council on 2020-02-01 has no file')
  })

  it('a stored version text deleted from a history of this format is named, not rebuilt in silence', async () => {
    const dir = await recorded()
    rmSync(join(dir, 'history', 'rules', 'v1.md'))
    const result = await runCli(['verify', 'rules'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('history/rules/v1.md')
  })

  it('blame and log name a clause as show does: by a citation as the text\'s body writes it, too', async () => {
    const dir = await recorded()
    for (const command of ['blame', 'log']) {
      const byNumber = await runCli([command, 'rules', '3.2'], dir)
      expect(byNumber.code, byNumber.stderr).toBe(0)
      expect(await runCli([command, 'rules', 'paragraph 3.2'], dir)).toEqual(byNumber)
      const missing = await runCli([command, 'rules', 'paragraph 3.9'], dir)
      expect(missing.code).toBe(2)
      expect(missing.stderr).toContain('no clause "paragraph 3.9"')
    }
  })

  it('log, versions, blame, report and show (printed) say when a part of the history cannot be read, and still answer', async () => {
    const dir = await recorded()
    const lines = readFileSync(history(dir), 'utf8').split('\n').length
    writeFileSync(history(dir), `${readFileSync(history(dir), 'utf8')}---\nrecord: nonsense\n`)
    for (const argv of [['log', 'rules'], ['versions', 'rules'], ['blame', 'rules'], ['report', 'rules', '--from', 'v1', '--to', 'v2'], ['show', 'rules', '--format', 'html']]) {
      const result = await runCli(argv, dir)
      expect(result.stderr, argv.join(' ')).toMatch(new RegExp(`^keeling: history/rules\\.yml has 1 part that cannot be read as records \\(line ${lines}: .*run keeling verify rules\n`))
      expect(result.code, argv.join(' ')).toBe(0)
      expect(result.stdout, argv.join(' ')).not.toBe('')
    }
  })
})

describe('check reads a motion as apply and adopt do', () => {
  it('a motion drafted against the current version (base:) checks clean', async () => {
    const dir = await rulesProject()
    motion(dir, 'based', '1. In paragraph 3.2, at the end insert "They do not take sides."')
    const path = join(dir, 'amendments', 'rules', 'based.md')
    writeFileSync(path, readFileSync(path, 'utf8').replace('mover: Cllr based', 'mover: Cllr based\nbase: v1'))
    const checked = await runCli(['check', 'amendments/rules/based.md'], dir)
    expect(checked.code, checked.stdout).toBe(0)
    expect((await runCli(['apply', '--dry-run', 'amendments/rules/based.md'], dir)).code).toBe(0)
  })

  it('a clause cannot be moved to follow itself', async () => {
    const dir = await rulesProject()
    motion(dir, 'self', '1. Move paragraph 3.2 to follow paragraph 3.2.')
    const result = await runCli(['apply', 'amendments/rules/self.md'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('paragraph 3.2 cannot be moved to follow itself')
  })
})

describe('the other findings of the review', () => {
  it('apply refuses a motion whose protocol: is not its folder, writing nothing', async () => {
    const dir = await rulesProject()
    mkdirSync(join(dir, 'protocols'), { recursive: true })
    writeFileSync(join(dir, 'protocols', 'other.md'), readFileSync(join(dir, 'protocols', 'rules.md'), 'utf8').replace('slug: rules', 'slug: other').replace(/^history-head: .*\n/m, ''))
    mkdirSync(join(dir, 'amendments', 'rules'), { recursive: true })
    writeFileSync(join(dir, 'amendments', 'rules', 'cross.md'), '---\ntitle: cross\nmover: Cllr X\nprotocol: other\n---\n\n1. In paragraph 3.2, at the end insert "They do not take sides."\n')
    const result = await runCli(['apply', 'amendments/rules/cross.md'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("says `protocol: other` but is in amendments/rules/")
  })

  it('-o into the records of a project below the working folder is refused too', async () => {
    const parent = tempProject()
    const dir = await rulesProject()
    const { cpSync } = await import('node:fs')
    cpSync(dir, join(parent, 'council'), { recursive: true })
    const result = await runCli(['diff', 'council/protocols/rules.md', 'council/protocols/rules.md', '--format', 'md', '-o', 'council/history/rules.yml'], parent)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('holds the histories and version texts of a keeling project: an output is never written among the records')
  })

  it('a journal naming files outside the project is not acted on; a journal that cannot be finished stops no other command', async () => {
    const dir = await rulesProject()
    const outside = join(tempProject(), 'outside.txt')
    mkdirSync(join(dir, '.keeling', 'journal'), { recursive: true })
    writeFileSync(join(dir, 'evil.tmp'), 'evil')
    writeFileSync(
      join(dir, '.keeling', 'journal', 'rules.json'),
      JSON.stringify({ schema: 'keeling-journal/1', state: 'commit', intent: 'x', pid: 1, host: hostname(), since: '', files: [{ path: outside, temporary: join(dir, 'evil.tmp'), sha256: '' }] })
    )
    const result = await runCli(['show', 'rules', '3.2', '--format', 'text'], dir)
    expect(existsSync(outside)).toBe(false)
    expect(result.stderr).toContain('is not a keeling journal')
    expect(result.stdout).toBe('3.2 Officers give facts.\n')
  })

  it("a journal's own temporary file left by a killed process is removed by the next command", async () => {
    const dir = await rulesProject()
    mkdirSync(join(dir, '.keeling', 'journal'), { recursive: true })
    const orphan = join(dir, '.keeling', 'journal', `.rules.json.keeling-${2 ** 22 + 11}-abcdef123456.tmp`)
    writeFileSync(orphan, '{')
    expect((await runCli(['verify'], dir)).code).toBe(0)
    expect(existsSync(orphan)).toBe(false)
    expect(readdirSync(dirname(orphan))).toEqual([])
  })

  it('a slug too long for keeling\'s own file names is refused at import', async () => {
    const dir = tempProject()
    writeFileSync(join(dir, 'in.txt'), '1. Rules\n\n1.1 Text.\n')
    const result = await runCli(['import', 'in.txt', '--as', 'a'.repeat(200)], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('is not a slug; use lowercase letters, digits and hyphens (at most 120)')
    motion(dir, 'x', '1. In paragraph 1.1, leave out "Text"')
  })
})

describe('log', () => {
  it('is newest first by date, though a decision was recorded after a later one', async () => {
    const dir = await rulesProject()
    expect((await runCli(['decide', addingMotion(dir, 'late'), '--body', 'Council', '--date', '2020-03-01', '--outcome', 'lost'], dir)).code).toBe(0)
    expect((await runCli(['decide', addingMotion(dir, 'early'), '--body', 'Council', '--date', '2020-02-01', '--outcome', 'lost'], dir)).code).toBe(0)
    const log = (await runCli(['log', 'rules'], dir)).stdout.split('\n').map((line) => line.slice(0, 30))
    expect(log.slice(0, 3)).toEqual(['2020-03-01  decision  late los', '2020-02-01  decision  early lo', '2020-01-10  version   v1 adopt'])
  })
})
