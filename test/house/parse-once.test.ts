import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { countParses, type CountedRun, parsedAgain, parseTotal } from '../helpers/count-parses.js'
import { copyBeforeCwg, repoRoot } from '../helpers/run-cli.js'
import { addingMotion, decideArgs, rulesProject } from '../records/project.js'

// Issue 15: "One `apply` parses the protocol 6 times …; remark's way: parse once, transform the tree, write
// once." Each command run in-process, every parse counted by its text: no distinct text is read twice.

type Counted = CountedRun

async function counting(argv: string[], cwd: string): Promise<Counted> {
  const counted = await countParses(argv, cwd)
  const { protocol, motion } = counted.counts
  // KEELING_PARSE_COUNTS=1 shows the figures issue 15 quotes, before and after.
  if (process.env['KEELING_PARSE_COUNTS']) console.log(`keeling ${argv.join(' ')}: ${parseTotal(protocol)} protocol parses (${protocol.size} texts), ${parseTotal(motion)} motion parses (${motion.size} texts)`)
  return counted
}

const file = (root: string, ...path: string[]): string => readFileSync(join(root, ...path), 'utf8')
const motionsOf = (root: string, slug: string): string[] =>
  readdirSync(join(root, 'amendments', slug)).filter((name) => name.endsWith('.md')).map((name) => file(root, 'amendments', slug, name))

function expectEachOnce(counted: Counted): void {
  expect(parsedAgain(counted.counts.protocol)).toEqual([])
  expect(parsedAgain(counted.counts.motion)).toEqual([])
}

const range = ['--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25']

describe('each command parses each protocol and motion text at most once (issue 15)', () => {
  it('apply: the working group motion on Uttlesford as it stood before it', async () => {
    const dir = await copyBeforeCwg()
    const before = file(dir, 'protocols', 'uttlesford.md')
    const motion = file(dir, 'amendments', 'uttlesford', 'cwg-2017-04-25.md')
    const counted = await counting(['apply', 'amendments/uttlesford/cwg-2017-04-25.md'], dir)
    expect(counted.result.code, counted.result.stderr).toBe(0)
    const after = file(dir, 'protocols', 'uttlesford.md')
    expect(after).toContain('<a id="c3-7"></a>3.9')
    expect(counted.counts.protocol.get(before)).toBe(1)
    // The text apply made, as written without the history head it keeps in the front matter.
    expect(counted.counts.protocol.get(after.replace(/^history-head:.*\n/m, ''))).toBe(1)
    expect(counted.counts.motion.get(motion)).toBe(1)
    expectEachOnce(counted)
  })

  it('apply --dry-run', async () => {
    const dir = await copyBeforeCwg()
    const counted = await counting(['apply', '--dry-run', 'amendments/uttlesford/cwg-2017-04-25.md'], dir)
    expect(counted.result.code, counted.result.stderr).toBe(0)
    expect(counted.counts.protocol.get(file(dir, 'protocols', 'uttlesford.md'))).toBe(1)
    expectEachOnce(counted)
  })

  it('check: the whole example project', async () => {
    const counted = await counting(['check'], repoRoot)
    expect(counted.result.stdout).toMatch(/4 protocols and 5 motions checked/)
    for (const name of readdirSync(join(repoRoot, 'protocols'))) expect(counted.counts.protocol.get(file(repoRoot, 'protocols', name)), name).toBe(1)
    for (const text of [...motionsOf(repoRoot, 'uttlesford'), ...motionsOf(repoRoot, 'oadby-wigston')]) expect(counted.counts.motion.get(text)).toBe(1)
    expectEachOnce(counted)
  })

  it('diff SLUG@A SLUG@B', async () => {
    const counted = await counting(['diff', 'uttlesford@council-2017-04-04', 'uttlesford@cwg-2017-04-25'], repoRoot)
    expect(counted.result.code).toBe(1)
    expect(counted.counts.protocol.get(file(repoRoot, 'history', 'uttlesford', 'cwg-2017-04-25.md'))).toBe(1)
    expectEachOnce(counted)
  })

  it('diff SLUG@A SLUG@B of a history made before every text was stored (the versions replayed)', async () => {
    const legacy = join(repoRoot, 'test', 'fixtures', 'legacy-project')
    const counted = await counting(['diff', 'uttlesford@council-2017-04-04', 'uttlesford@cwg-2017-04-25'], legacy)
    expect(counted.result.code, counted.result.stderr).toBe(1)
    expect(counted.result.stdout).toContain('requesting')
    expectEachOnce(counted)
  })

  it('blame', async () => {
    const counted = await counting(['blame', 'uttlesford'], repoRoot)
    expect(counted.result.code, counted.result.stderr).toBe(0)
    expect(counted.result.stdout).toContain('cwg-2017-04-25')
    // The three motions adopted in Uttlesford's versions, read once for the replay and each motion's effect.
    for (const id of ['artus-2017-04-04-1', 'artus-2017-04-04-2', 'cwg-2017-04-25']) expect(counted.counts.motion.get(file(repoRoot, 'amendments', 'uttlesford', `${id}.md`)), id).toBe(1)
    expectEachOnce(counted)
  })

  it('blame CLAUSE', async () => {
    const counted = await counting(['blame', 'uttlesford', '3.9'], repoRoot)
    expect(counted.result.code, counted.result.stderr).toBe(0)
    expectEachOnce(counted)
  })

  it('report', async () => {
    const counted = await counting(['report', 'uttlesford', ...range], repoRoot)
    expect(counted.result.code, counted.result.stderr).toBe(0)
    expect(counted.counts.protocol.get(file(repoRoot, 'history', 'uttlesford', 'council-2017-04-04.md'))).toBe(1)
    expectEachOnce(counted)
  })

  it('log CLAUSE: the motions that changed a clause, or would have', async () => {
    const counted = await counting(['log', 'uttlesford', '3.9'], repoRoot)
    expect(counted.result.code, counted.result.stderr).toBe(0)
    expect(counted.result.stdout).toContain('cwg-2017-04-25')
    expectEachOnce(counted)
  })

  it('verify: every protocol of the example project', async () => {
    const counted = await counting(['verify'], repoRoot)
    expect(counted.result.code, counted.result.stderr).toBe(0)
    for (const id of ['artus-2017-04-04-1', 'artus-2017-04-04-2', 'cwg-2017-04-25']) expect(counted.counts.motion.get(file(repoRoot, 'amendments', 'uttlesford', `${id}.md`)), id).toBe(1)
    expectEachOnce(counted)
  })

  it('decide, then adopt: the motion read again under the lock is not parsed again', async () => {
    const dir = await rulesProject()
    const path = addingMotion(dir, 'm1')
    const decided = await counting(decideArgs(path), dir)
    expect(decided.result.code, decided.result.stderr).toBe(0)
    expect(decided.counts.motion.get(file(dir, path))).toBe(1)
    expectEachOnce(decided)
    const adopted = await counting(['adopt', 'rules', '--version', 'v2', '--date', '2020-02-01', '--by', 'Council', path], dir)
    expect(adopted.result.code, adopted.result.stderr).toBe(0)
    expect(adopted.counts.motion.get(file(dir, path))).toBe(1)
    expectEachOnce(adopted)
  })

  // The paper: one parse cache from the command through the replay, the motions' effects, the comparisons and the appendix.
  for (const format of ['md', 'html']) {
    it(`paper --format ${format}`, async () => {
      const counted = await counting(['paper', 'uttlesford', ...range, '--meta', 'papers/council-2017-05-16.yml', '--format', format], repoRoot)
      expect(counted.result.code, counted.result.stderr).toBe(0)
      expect(counted.result.stdout).toContain('Member Officer Protocol')
      expectEachOnce(counted)
    })
  }
})
