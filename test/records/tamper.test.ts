import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withHead } from '../../src/core/history/head.js'
import { replayHistory } from '../../src/core/history/replay.js'
import { parseMotion } from '../../src/core/motion/parse-motion.js'
import { formatRecord, historyHeader, parseHistory, recordHash, sha256, type HistoryRecord } from '../../src/core/history/history.js'
import { repoRoot, runCli, tempProject } from '../helpers/run-cli.js'
import { RULES } from '../motion/helpers.js'
import { addingMotion, decideArgs, rulesProject } from './project.js'

/** A project with two versions and, last, a decision with votes (22 for). */
async function recorded(): Promise<string> {
  const dir = await rulesProject()
  const m1 = addingMotion(dir, 'm1')
  expect((await runCli(decideArgs(m1), dir)).code).toBe(0)
  expect((await runCli(['adopt', 'rules', '--version', 'v2', '--date', '2020-02-01', '--by', 'Council', m1], dir)).code).toBe(0)
  expect((await runCli(decideArgs(addingMotion(dir, 'm2'), ['--outcome', 'lost', '--for', '22', '--against', '30']), dir)).code).toBe(0)
  expect((await runCli(['verify', 'rules'], dir)).code).toBe(0)
  return dir
}

const historyOf = (dir: string): string => join(dir, 'history', 'rules.yml')
const edit = (dir: string, from: string | RegExp, to: string): void => {
  const text = readFileSync(historyOf(dir), 'utf8')
  const edited = text.replace(from, to)
  expect(edited).not.toBe(text)
  writeFileSync(historyOf(dir), edited)
}
/** The history without its last record (or its last N). */
const cut = (dir: string, records = 1): void => {
  let text = readFileSync(historyOf(dir), 'utf8')
  for (let i = 0; i < records; i++) text = text.slice(0, text.lastIndexOf('---\nrecord:'))
  writeFileSync(historyOf(dir), text)
}

describe('verify catches every edit and cut at the tail of a history', () => {
  const cases: Array<[string, (dir: string) => void, RegExp]> = [
    ['the last vote changed, 22 to 99', (dir) => edit(dir, 'for: "22"', 'for: "99"'), /its last record was changed or removed: protocols\/rules\.md records history head [0-9a-f]{12}…, which no record has/],
    ['the last outcome changed', (dir) => edit(dir, 'outcome: lost', 'outcome: carried'), /its last record was changed or removed/],
    ['the last date changed', (dir) => edit(dir, /date: 2020-02-01\nfor/, 'date: 2020-02-02\nfor'), /its last record was changed or removed/],
    ['the last version\'s body changed (by:)', (dir) => {
      // First a history whose last record is a version, as keeling would have left it; then the edit.
      cut(dir)
      const head = recordHash(parseHistory(readFileSync(historyOf(dir), 'utf8')).records.at(-1) as HistoryRecord)
      const protocol = join(dir, 'protocols', 'rules.md')
      writeFileSync(protocol, withHead(readFileSync(protocol, 'utf8'), head))
      edit(dir, /by: Council\nfrom: v1/, 'by: Cabinet\nfrom: v1')
    }, /its last record was changed or removed: .*the last record now is version v2/],
    ['the last decision deleted', (dir) => cut(dir), /its last record was changed or removed: .*the last record now is version v2/],
    ['the last decision and version deleted', (dir) => cut(dir, 2), /its last record was changed or removed: .*the last record now is decision on m1/],
    ['the history emptied', (dir) => writeFileSync(historyOf(dir), ''), /^history\/rules\.yml: holds no records, but protocols\/rules\.md records history head/m],
    ['the history deleted', (dir) => rmSync(historyOf(dir)), /^history\/rules\.yml: missing, but protocols\/rules\.md records history head [0-9a-f]{64}: the history was deleted or moved/m],
    ['the head line removed from the protocol', (dir) => {
      const path = join(dir, 'protocols', 'rules.md')
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^history-head: .*\n/m, ''))
    }, /^protocols\/rules\.md:1: records no history head/m],
    ['a stored version text edited', (dir) => {
      const path = join(dir, 'history', 'rules', 'v2.md')
      writeFileSync(path, readFileSync(path, 'utf8').replace('Officers give facts.', 'Officers give opinions.'))
    }, /the stored text of version v2 was changed since it was adopted/]
  ]
  for (const [name, tamper, expected] of cases) {
    it(name, async () => {
      const dir = await recorded()
      tamper(dir)
      const result = await runCli(['verify', 'rules'], dir)
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(expected)
    })
  }

  it('a record appended by hand, with a correct chain, shows as a record after the head', async () => {
    const dir = await recorded()
    const history = parseHistory(readFileSync(historyOf(dir), 'utf8'))
    const last = history.records.at(-1) as HistoryRecord
    const forged: HistoryRecord = { ...(last as Extract<HistoryRecord, { record: 'decision' }>), motion: 'm2', outcome: 'carried', for: '99', previous: recordHash(last) }
    writeFileSync(historyOf(dir), readFileSync(historyOf(dir), 'utf8') + formatRecord(forged))
    const result = await runCli(['verify', 'rules'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('history/rules.yml: 1 record after the head protocols/rules.md records (decision on m2 (2020-02-01)): written without keeling, or protocols/rules.md is an older copy')
  })

  it('verify --head checks a head published elsewhere: one from before still stands, a made-up one does not', async () => {
    const dir = await rulesProject()
    const published = (await runCli(['verify', 'rules', '--json'], dir)).stdout
    const head = (JSON.parse(published) as Array<{ head: string }>)[0]?.head ?? ''
    expect(head).toMatch(/^[0-9a-f]{64}$/)
    // The head is printed with the consolidated text, to publish with the minutes.
    const shown = await runCli(['show', 'rules', '--format', 'html'], dir)
    expect(shown.stdout).toContain(`History head: ${head}`)
    expect((await runCli(decideArgs(addingMotion(dir, 'm1')), dir)).code).toBe(0)
    expect((await runCli(['verify', 'rules', '--head', head.slice(0, 12)], dir)).code).toBe(0)
    const wrong = await runCli(['verify', 'rules', '--head', 'a'.repeat(64)], dir)
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain(`history/rules.yml: no record has the published head ${'a'.repeat(64)}`)
    const bad = await runCli(['verify', 'rules', '--head', 'xyz'], dir)
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('--head "xyz" is not a history head') })
  })
})

describe('histories made by keeling 0.1 keep working', () => {
  const legacy = join(repoRoot, 'test', 'fixtures', 'legacy-project')
  const copy = (): string => {
    const dir = tempProject()
    cpSync(legacy, dir, { recursive: true })
    return dir
  }

  it('verify passes, with a note to migrate; show, diff and report read every version', async () => {
    const dir = copy()
    const verified = await runCli(['verify'], dir)
    expect(verified.code, verified.stderr).toBe(0)
    expect(verified.stderr).toContain('uttlesford: note: made by an earlier keeling: its head is not anchored in protocols/uttlesford.md, and only some versions\' texts are stored; `keeling migrate uttlesford`')
    // The 25 April text as recorded then: the protocol file of that project.
    const shown = await runCli(['show', 'uttlesford@cwg-2017-04-25'], dir)
    expect(shown.stdout).toBe(readFileSync(join(legacy, 'protocols', 'uttlesford.md'), 'utf8'))
    const report = await runCli(['report', 'uttlesford', '--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25'], dir)
    await expect(report.stdout).toMatchFileSnapshot('../fixtures/goldens/uttlesford-appendix-b.md')
  })

  it('keeling migrate stores every version\'s text and anchors the head; no record changes', async () => {
    const dir = copy()
    const records = readFileSync(join(dir, 'history', 'uttlesford.yml'), 'utf8')
    const migrated = await runCli(['migrate'], dir)
    expect(migrated.code, migrated.stderr).toBe(0)
    expect(migrated.stderr).toMatch(/^oadby-wigston: anchored the history head [0-9a-f]{64} in protocols\/oadby-wigston\.md\n/m)
    expect(migrated.stderr).toMatch(/^uttlesford: stored the texts of council-2017-04-04, cwg-2017-04-25; anchored the history head [0-9a-f]{64} in protocols\/uttlesford\.md\n/m)
    expect(readFileSync(join(dir, 'history', 'uttlesford.yml'), 'utf8')).toBe(records)
    // The stored texts are the texts keeling 0.1 recorded: the last is the protocol file as it was.
    expect(readFileSync(join(dir, 'history', 'uttlesford', 'cwg-2017-04-25.md'), 'utf8')).toBe(readFileSync(join(legacy, 'protocols', 'uttlesford.md'), 'utf8'))
    const verified = await runCli(['verify'], dir)
    expect(verified).toMatchObject({ code: 0, stderr: '2 protocols verified: every record as adopted, every version its stored text\n' })
    expect((await runCli(['migrate', 'uttlesford'], dir)).stderr).toMatch(/^uttlesford: up to date \(3 versions stored, head [0-9a-f]{12}\)\n$/)
  })

  it('the next decide brings the history up to date, and from then on a cut tail is caught', async () => {
    const dir = copy()
    const decided = await runCli(['decide', 'amendments/uttlesford/artus-2017-05-16.md', '--body', 'Council', '--date', '2017-05-16', '--outcome', 'lost'], dir)
    expect(decided.code, decided.stderr).toBe(0)
    expect(decided.stderr).toContain("brought uttlesford's history up to date: stored the texts of council-2017-04-04, cwg-2017-04-25")
    expect((await runCli(['verify', 'uttlesford'], dir)).code).toBe(0)
    const path = join(dir, 'history', 'uttlesford.yml')
    const text = readFileSync(path, 'utf8')
    writeFileSync(path, text.slice(0, text.lastIndexOf('---\nrecord:')))
    const cutOff = await runCli(['verify', 'uttlesford'], dir)
    expect(cutOff.code).toBe(1)
    expect(cutOff.stderr).toContain('its last record was changed or removed')
  })
})

describe('engine drift: a recorded motion this keeling applies differently', () => {
  /** A history as another keeling might have made it: m1 applied, but with "facts" spelt "the facts". */
  function driftedProject(): { dir: string; stored: string; motionText: string } {
    const dir = tempProject()
    const m1 = '1. In paragraph 3.2, at the end insert " They do not take sides."'
    const stored = RULES.replace('3.2 Officers give facts.', '3.2 Officers give the facts. They do not take sides.')
    const motionText = `---\ntitle: m1\nmover: Cllr One\n---\n\n${m1}\n`
    const v1: HistoryRecord = { record: 'version', label: 'v1', date: '2020-01-10', by: 'Council', from: '', motions: [], sha256: sha256(RULES), previous: '', format: '2' }
    const d1: HistoryRecord = { record: 'decision', motion: 'm1', motionSha256: sha256(motionText), outcome: 'carried', body: 'Council', meeting: '', date: '2020-02-01', for: '', against: '', abstain: '', mover: 'Cllr One', seconder: '', note: '', previous: recordHash(v1), format: '2' }
    const v2: HistoryRecord = { record: 'version', label: 'v2', date: '2020-02-01', by: 'Council', from: 'v1', motions: [{ id: 'm1', sha256: sha256(motionText) }], sha256: sha256(stored), previous: recordHash(d1), format: '2' }
    for (const [path, text] of [
      ['amendments/rules/m1.md', motionText],
      ['history/rules/v1.md', RULES],
      ['history/rules/v2.md', stored],
      ['history/rules.yml', historyHeader('rules') + [v1, d1, v2].map(formatRecord).join('')],
      ['protocols/rules.md', withHead(stored, recordHash(v2))]
    ] as const) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    return { dir, stored, motionText }
  }

  it('is named per clause with both texts; the stored text stays the version, and verify passes', async () => {
    const { dir } = driftedProject()
    const result = await runCli(['verify', 'rules'], dir)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toContain('history/rules/v2.md:')
    expect(result.stderr).toContain('3.2: engine drift: this keeling applies the motions of v2 differently; the stored text stays the version\n  stored:   3.2 Officers give the facts. They do not take sides.\n  replayed: 3.2 Officers give facts. They do not take sides.\n')
    expect(result.stderr).toContain('1 protocol verified: every record as adopted, every version its stored text; 1 clause of engine drift (see above)')
    expect((await runCli(['show', 'rules@v2', '3.2', '--format', 'text'], dir)).stdout).toBe('3.2 Officers give the facts. They do not take sides.\n')
  })

  it('the report and blame read the stored text, which they take as it is without replaying its motions; a replay asked for drift finds it', async () => {
    const { dir, stored, motionText } = driftedProject()
    const report = await runCli(['report', 'rules', '--from', 'v1', '--to', 'v2'], dir)
    expect(report.code, report.stderr).toBe(0)
    expect(report.stdout).toContain('3.2 Officers give <u>the</u> facts<u>. They do not take sides</u>.')
    const blame = await runCli(['blame', 'rules', '3.2'], dir)
    expect(blame.code, blame.stderr).toBe(0)
    expect(blame.stdout).toContain('Cllr One')
    // The library's replay: the stored texts either way; drift only when asked for (as verify asks).
    const history = parseHistory(readFileSync(join(dir, 'history', 'rules.yml'), 'utf8'))
    const texts = (label: string): string | undefined => (label === 'v1' ? RULES : label === 'v2' ? stored : undefined)
    const motion = (id: string) => (id === 'm1' ? { motion: parseMotion(motionText, 'm1', 'rules'), text: motionText, name: 'm1.md' } : undefined)
    const checked = replayHistory(history, texts, motion)
    const taken = replayHistory(history, texts, motion, undefined, undefined, { drift: false })
    expect(checked.drift.map((entry) => entry.version)).toEqual(['v2'])
    expect(taken.drift).toEqual([])
    expect(taken.texts.get('v2')).toBe(stored)
    expect(checked.texts.get('v2')).toBe(stored)
  })
})
