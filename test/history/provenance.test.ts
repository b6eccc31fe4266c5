import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { repoRoot, runCli, tempProject } from '../helpers/run-cli.js'
import { RULES } from '../motion/helpers.js'

const hash = (path: string): string => (existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'absent')

function motion(dir: string, id: string, body: string): string {
  mkdirSync(join(dir, 'amendments', 'rules'), { recursive: true })
  writeFileSync(join(dir, 'amendments', 'rules', `${id}.md`), `---\ntitle: ${id}\nmover: Cllr ${id}\nseconder: Cllr Second\n---\n\n${body}\n`)
  return `amendments/rules/${id}.md`
}

/** A project with protocols/rules.md recorded as its first version, and three motions. */
async function project(): Promise<string> {
  const dir = tempProject()
  mkdirSync(join(dir, 'protocols'))
  writeFileSync(join(dir, 'protocols', 'rules.md'), RULES)
  motion(dir, 'm1', '1. In paragraph 2.1, leave out "with respect" and insert "with courtesy and respect".')
  motion(dir, 'm2', '1. In paragraph 3.2, at the end insert " They do not take sides."')
  motion(dir, 'm3', '1. In paragraph 2.1, after "courtesy" insert ", patience".')
  const first = await runCli(['adopt', 'rules', '--version', 'v1', '--date', '2020-01-10', '--by', 'Council'], dir)
  expect(first.code, first.stderr).toBe(0)
  return dir
}

const decide = (dir: string, id: string, ...more: string[]) =>
  runCli(['decide', `amendments/rules/${id}.md`, '--body', 'Council', '--date', '2020-02-01', '--outcome', 'carried', ...more], dir)

describe('decide and adopt', () => {
  it('round trip: a decision, then a version; versions, log and verify read them back', async () => {
    const dir = await project()
    const decided = await decide(dir, 'm1', '--for', '20', '--against', '3', '--abstain', '1', '--meeting', 'Council, 1 February 2020')
    expect(decided).toMatchObject({ code: 0, stderr: 'recorded in history/rules.yml: m1 carried by Council at Council, 1 February 2020 on 2020-02-01 (for 20, against 3, abstain 1)\n' })
    const adopted = await runCli(['adopt', 'rules', '--version', 'v2', '--date', '2020-02-01', '--by', 'Council', 'amendments/rules/m1.md'], dir)
    expect(adopted.code, adopted.stderr).toBe(0)
    expect(readFileSync(join(dir, 'protocols', 'rules.md'), 'utf8')).toContain('2.1 Members and officers should treat each other with courtesy and respect.')
    const versions = await runCli(['versions', 'rules', '--json'], dir)
    expect((JSON.parse(versions.stdout) as Array<{ label: string; motions: Array<{ id: string }> }>).map((v) => [v.label, v.motions.map((m) => m.id)])).toEqual([
      ['v1', []],
      ['v2', ['m1']]
    ])
    expect((await runCli(['log', 'rules'], dir)).stdout).toMatch(/^2020-02-01 {2}version {3}v2 adopted by Council: m1 {2}sha256 [0-9a-f]{12}\n2020-02-01 {2}decision {2}m1 carried by Council at Council, 1 February 2020 on 2020-02-01 \(for 20, against 3, abstain 1\); moved by Cllr m1, seconded by Cllr Second\n/)
    expect(await runCli(['verify', 'rules'], dir)).toMatchObject({ code: 0, stderr: '1 protocol verified: every record as adopted, every version its stored text\n' })
    expect((await runCli(['show', 'rules@v1', '2.1', '--format', 'text'], dir)).stdout).toBe('2.1 Members and officers should treat each other with respect.\n')
    expect((await runCli(['diff', 'rules@v1', 'rules@v2'], dir)).stdout).toBe('rules@v2:14: 2. Conduct\n2.1 Members and officers should treat each other with{+ courtesy and+} respect.\n')
  })

  it('adopt refuses a lost or undecided motion, a used label and an earlier date, and writes nothing', async () => {
    const dir = await project()
    await runCli(['decide', 'amendments/rules/m2.md', '--body', 'Council', '--date', '2020-02-01', '--outcome', 'lost'], dir)
    const files = ['protocols/rules.md', 'history/rules.yml'].map((path) => join(dir, path))
    const before = files.map(hash)
    const result = await runCli(['adopt', 'rules', '--version', 'v1', '--date', '2019-12-31', '--by', 'Council', 'amendments/rules/m1.md', 'amendments/rules/m2.md'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('version v1 already exists; choose another label')
    expect(result.stderr).toContain('--date 2019-12-31 is before the last version, v1 of 2020-01-10')
    expect(result.stderr).toContain('amendments/rules/m1.md has no decision recorded; record the meeting\'s decision first')
    expect(result.stderr).toContain('amendments/rules/m2.md was lost by Council on 2020-02-01; only carried motions are adopted')
    expect(result.stderr).toMatch(/refused; nothing was written\n$/)
    expect(files.map(hash)).toEqual(before)
  })

  it('decide refuses a bad date, an unknown outcome and a negative vote, writing nothing', async () => {
    const dir = await project()
    const before = hash(join(dir, 'history', 'rules.yml'))
    const result = await runCli(['decide', 'amendments/rules/m1.md', '--body', 'Council', '--date', '2020-02-30', '--outcome', 'tabled', '--for', '-2'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      'keeling decide: --date "2020-02-30" is no day: February 2020 has 29 days\n' +
        'keeling decide: --outcome "tabled" is not an outcome; use one of carried, lost, withdrawn, deferred, referred, superseded (or as minutes say it: passed, agreed, fell, defeated …)\n' +
        'keeling decide: --for "-2" is not a number of votes; give a whole number, 0 or more\n'
    )
    expect(hash(join(dir, 'history', 'rules.yml'))).toBe(before)
    const ambiguous = await runCli(['decide', 'amendments/rules/m1.md', '--body', 'Council', '--date', '05/06/2020', '--outcome', 'carried'], dir)
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.stderr).toContain('--date "05/06/2020" is not a date; write it as YYYY-MM-DD')
    const written = await runCli(['decide', 'amendments/rules/m1.md', '--body', 'Council', '--date', '31 November 2025', '--outcome', 'carried'], dir)
    expect(written.stderr).toBe('keeling decide: --date "31 November 2025" is no day: November 2025 has 30 days\n')
  })

  it('decide and adopt take a date and an outcome as minutes write them, and record them in one spelling', async () => {
    const dir = await project()
    const decided = await runCli(['decide', 'amendments/rules/m1.md', '--body', 'Council', '--date', '12 March 2020', '--outcome', 'Passed'], dir)
    expect(decided).toMatchObject({ code: 0, stderr: 'recorded in history/rules.yml: m1 carried by Council on 2020-03-12\n' })
    expect((await runCli(['decide', 'amendments/rules/m2.md', '--body', 'Council', '--date', 'Thursday 12th March 2020', '--outcome', 'fell'], dir)).stderr).toContain('m2 lost by Council on 2020-03-12')
    const adopted = await runCli(['adopt', 'rules', '--version', 'v2', '--date', '12 March 2020', '--by', 'Council', 'amendments/rules/m1.md'], dir)
    expect(adopted.stderr).toContain('adopted rules@v2 (2020-03-12, Council)')
    expect(readFileSync(join(dir, 'history', 'rules.yml'), 'utf8')).toContain('outcome: carried\n')
  })

  it('a motion drafted against the last version (base:) is adopted; against an older one, refused', async () => {
    const dir = await project()
    motion(dir, 'b1', '1. In paragraph 3.1, leave out "themselves" and insert "their wards".')
    writeFileSync(join(dir, 'amendments', 'rules', 'b1.md'), readFileSync(join(dir, 'amendments', 'rules', 'b1.md'), 'utf8').replace('mover:', 'base: v1\nmover:'))
    await decide(dir, 'b1')
    const adopted = await runCli(['adopt', 'rules', '--version', 'v2', '--date', '2020-02-01', '--by', 'Council', 'amendments/rules/b1.md'], dir)
    expect(adopted.code, adopted.stderr).toBe(0)
    motion(dir, 'b2', '1. Leave out paragraph 3.2.')
    writeFileSync(join(dir, 'amendments', 'rules', 'b2.md'), readFileSync(join(dir, 'amendments', 'rules', 'b2.md'), 'utf8').replace('mover:', 'base: v1\nmover:'))
    const dry = await runCli(['apply', 'amendments/rules/b2.md', '--dry-run'], dir)
    expect(dry.code).toBe(1)
    expect(dry.stderr).toContain('Motion was drafted against version `v1`, but the text it would change is version `v2`; redraft it against `v2`')
  })

  it('a motion changed after the meeting decided it is not adopted', async () => {
    const dir = await project()
    await decide(dir, 'm1')
    motion(dir, 'm1', '1. In paragraph 2.1, leave out "with respect" and insert "with deference".')
    const result = await runCli(['adopt', 'rules', '--version', 'v2', '--date', '2020-02-01', '--by', 'Council', 'amendments/rules/m1.md'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('amendments/rules/m1.md was changed after Council decided on it (2020-02-01); the text adopted must be the text carried')
  })

  it('blame after three versions: each run of words to the motion that last changed it', async () => {
    const dir = await project()
    await decide(dir, 'm1', '--for', '12')
    await runCli(['adopt', 'rules', '--version', 'v2', '--date', '2020-02-01', '--by', 'Council', 'amendments/rules/m1.md'], dir)
    await runCli(['decide', 'amendments/rules/m3.md', '--body', 'Standards Committee', '--date', '2020-03-01', '--outcome', 'carried'], dir)
    const third = await runCli(['adopt', 'rules', '--version', 'v3', '--date', '2020-03-01', '--by', 'Council', 'amendments/rules/m3.md'], dir)
    expect(third.code, third.stderr).toBe(0)
    const json = JSON.parse((await runCli(['blame', 'rules', '2.1', '--json'], dir)).stdout) as Array<{ spans: Array<{ text: string; attribution: { motion: string; version: string; body?: string; votes?: string } }> }>
    expect(json[0]?.spans.map((span) => [span.text, span.attribution.motion, span.attribution.version])).toEqual([
      ['Members and officers should treat each other with', '', 'v1'],
      [' courtesy', 'm1', 'v2'],
      [', patience', 'm3', 'v3'],
      [' and', 'm1', 'v2'],
      [' respect.', '', 'v1']
    ])
    expect(json[0]?.spans[1]?.attribution).toMatchObject({ body: 'Council', votes: 'for 12' })
    const text = (await runCli(['blame', 'rules', '2.1'], dir)).stdout
    expect(text).toContain('v3 ← m3, moved by Cllr m3; carried by Standards Committee on 2020-03-01 ", patience"')
  })

  it('a clause moved by a motion is attributed to it once, where it stood and where it stands', async () => {
    const dir = await project()
    motion(dir, 'mv', '1. Move paragraph 2.1 to follow paragraph 2.3.')
    expect((await decide(dir, 'mv')).code).toBe(0)
    expect((await runCli(['adopt', 'rules', '--version', 'v2', '--date', '2020-02-01', '--by', 'Council', 'amendments/rules/mv.md'], dir)).code).toBe(0)
    const report = JSON.parse((await runCli(['report', 'rules', '--from', 'v1', '--to', 'v2', '--format', 'json'], dir)).stdout) as {
      clauses: Array<{ type: string; attribution: Array<{ motion: string }> }>
    }
    const moved = report.clauses.filter((clause) => clause.type === 'moved' || clause.type === 'moved-away')
    expect(moved).toHaveLength(2)
    for (const clause of moved) expect(clause.attribution.map((who) => who.motion)).toEqual(['mv'])
  })

  it('two adopts at once both land: writers take turns', async () => {
    const dir = await project()
    await decide(dir, 'm1')
    await decide(dir, 'm2')
    const [a, b] = await Promise.all([
      runCli(['adopt', 'rules', '--version', 'v2', '--date', '2020-02-01', '--by', 'Council', 'amendments/rules/m1.md'], dir),
      runCli(['decide', 'amendments/rules/m3.md', '--body', 'Council', '--date', '2020-02-02', '--outcome', 'deferred'], dir)
    ])
    expect([a.code, b.code]).toEqual([0, 0])
    const history = readFileSync(join(dir, 'history', 'rules.yml'), 'utf8')
    expect(history).toContain('label: v2')
    expect(history).toContain('outcome: deferred')
    expect((await runCli(['verify', 'rules'], dir)).code).toBe(0)
    expect(existsSync(join(dir, 'protocols', 'rules.md.lock'))).toBe(false)
  })

  it('two applies at once on one protocol: both changes land', async () => {
    const dir = await project()
    motion(dir, 'm4', '1. In paragraph 3.1, leave out "themselves" and insert "their wards".')
    const [a, b] = await Promise.all([runCli(['apply', 'amendments/rules/m2.md'], dir), runCli(['apply', 'amendments/rules/m4.md'], dir)])
    expect([a.code, b.code]).toEqual([0, 0])
    const text = readFileSync(join(dir, 'protocols', 'rules.md'), 'utf8')
    expect(text).toContain('3.1 Members speak for their wards.')
    expect(text).toContain('3.2 Officers give facts. They do not take sides.')
  })

  it('a rename that fails after the write is committed: one line, exit 2; the next command completes the write', async () => {
    const dir = await project()
    await decide(dir, 'm1')
    // The store's seam: renaming the new protocol into place fails with EIO, once the journal is committed.
    let failed
    try {
      vi.stubEnv('KEELING_TEST_FAULT', `EIO@rename:${join('protocols', 'rules.md')}`)
      failed = await runCli(['adopt', 'rules', '--version', 'v2', '--date', '2020-02-01', '--by', 'Council', 'amendments/rules/m1.md'], dir)
    } finally {
      vi.unstubAllEnvs()
    }
    expect(failed.code).toBe(2)
    expect(failed.stderr).toMatch(/^keeling: cannot write protocols\/rules\.md: .*\(EIO\); check the disk, then run the command again\. The adopt is committed \(\.keeling\/journal\/rules\.json\): the next keeling command completes it once the file can be written\n$/)
    const next = await runCli(['verify', 'rules'], dir)
    expect(next.stderr).toMatch(/^keeling: completed an interrupted write \(adopt rules --version v2, pid \d+, [^)]+\): /)
    expect(next.code).toBe(0)
    expect(readFileSync(join(dir, 'protocols', 'rules.md'), 'utf8')).toContain('with courtesy and respect')
    expect(readFileSync(join(dir, 'history', 'rules.yml'), 'utf8')).toContain('label: v2')
    const left = [dir, join(dir, 'protocols'), join(dir, 'history'), join(dir, 'history', 'rules')].flatMap((folder) => readdirSync(folder).filter((name) => name.endsWith('.tmp')))
    expect(left).toEqual([])
  })
})

describe('verify', () => {
  async function adopted(): Promise<string> {
    const dir = await project()
    await decide(dir, 'm1')
    await runCli(['adopt', 'rules', '--version', 'v2', '--date', '2020-02-01', '--by', 'Council', 'amendments/rules/m1.md'], dir)
    return dir
  }

  it('names the clause when the adopted text was edited by hand', async () => {
    const dir = await adopted()
    const path = join(dir, 'protocols', 'rules.md')
    writeFileSync(path, readFileSync(path, 'utf8').replace('Officers give facts.', 'Officers give opinions.'))
    const result = await runCli(['verify', 'rules'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^protocols\/rules\.md:\d+: 3\.2: stored text differs from version v2\n/)
    const json = await runCli(['verify', 'rules', '--json'], dir)
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toEqual([
      {
        protocol: 'rules',
        versions: 2,
        last: 'v2',
        head: expect.stringMatching(/^[0-9a-f]{64}$/),
        ok: false,
        problems: [{ file: 'protocols/rules.md', line: expect.any(Number), message: '3.2: stored text differs from version v2' }],
        drift: [],
        notes: []
      }
    ])
  })

  it('finds an edited history record and an edited motion file', async () => {
    const dir = await adopted()
    const history = join(dir, 'history', 'rules.yml')
    writeFileSync(history, readFileSync(history, 'utf8').replace('by: Council', 'by: Cabinet'))
    const edited = await runCli(['verify', 'rules'], dir)
    expect(edited.code).toBe(1)
    expect(edited.stderr).toContain('history/rules.yml: decision on m1 (2020-02-01): the record before it was changed or removed')
    const other = await adopted()
    motion(other, 'm1', '1. In paragraph 2.1, leave out "with respect" and insert "with deference".')
    const moved = await runCli(['verify', 'rules'], other)
    expect(moved.code).toBe(1)
    expect(moved.stderr).toContain('history/rules.yml: motion m1 was changed since version v2 adopted it')
  })

  it("passes on this repository's own history", async () => {
    const result = await runCli(['verify'], repoRoot)
    expect(result).toEqual({ code: 0, stdout: '', stderr: '2 protocols verified: every record as adopted, every version its stored text\n' })
  })
})

describe("the Uttlesford history (seed 002)", () => {
  it('blame says "commercially sensitive" came from the working group on 25 April 2017', async () => {
    const result = await runCli(['blame', 'uttlesford', '7.2'], repoRoot)
    expect(result.stdout).toContain('cwg-2017-04-25 ← cwg-2017-04-25, moved by Constitution Working Group; carried by Constitution Working Group on 2017-04-25 ", commercially sensitive"')
  })

  it('report from council-2017-04-04 to cwg-2017-04-25 is Appendix B', async () => {
    const result = await runCli(['report', 'uttlesford', '--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25'], repoRoot)
    expect(result.code).toBe(0)
    await expect(result.stdout).toMatchFileSnapshot('../fixtures/goldens/uttlesford-appendix-b.md')
    const html = (await runCli(['report', 'uttlesford', '--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25', '--format', 'html'], repoRoot)).stdout
    expect(html).toContain('title="The amendment “Member Officer Protocol — the Constitution Working Group&#x27;s changes”, moved by the Constitution Working Group, carried by the Constitution Working Group on 25 April 2017."')
  })

  it('report with a mistyped protocol or version names what there is', async () => {
    const slug = await runCli(['report', 'uttlesfrod', '--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25'], repoRoot)
    expect(slug).toMatchObject({ code: 2, stdout: '', stderr: 'keeling: no protocol "uttlesfrod"; protocols here: oadby-wigston, section-21, town-council, uttlesford\n' })
    const version = await runCli(['report', 'uttlesford', '--from', 'council-2017-04-05', '--to', 'cwg-2017-04-25'], repoRoot)
    expect(version).toMatchObject({ code: 2, stdout: '', stderr: 'keeling: uttlesford has no version "council-2017-04-05"; its versions: submitted-2017-04-04, council-2017-04-04, cwg-2017-04-25\n' })
  })
})
