import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot, runCli, seedsDir, tempProject } from '../helpers/run-cli.js'

const { imports } = JSON.parse(readFileSync(join(seedsDir, 'recipes.json'), 'utf8')) as {
  imports: Record<string, string[]>
}

/** Import a seed with its recorded options into a new project; return the project. */
async function importSeed(slug: string, extra: string[] = []): Promise<{ dir: string; stderr: string }> {
  const [file = '', ...options] = imports[slug] ?? []
  const dir = tempProject()
  const result = await runCli(['import', join(seedsDir, file), ...options, ...extra], dir)
  expect(result.code, result.stderr).toBe(0)
  return { dir, stderr: result.stderr }
}

/** The protocols whose import is their first recorded version (scripts/uttlesford-history.sh, scripts/oadby-wigston-history.sh). */
const FIRST_VERSIONS: Record<string, string> = { uttlesford: 'submitted-2017-04-04', 'oadby-wigston': 'agreed-2014-04-01' }

describe('the example protocols are what import makes of the seeds', () => {
  for (const slug of Object.keys(imports)) {
    it(`protocols/${slug}.md`, async () => {
      const { dir } = await importSeed(slug)
      const made = readFileSync(join(dir, 'protocols', `${slug}.md`), 'utf8')
      // Golden file: `npm run import-seeds` rewrites protocols/ and the diff is reviewed like code. A protocol
      // with a history was imported once, as its first version; its file is the last version now, with its history's head.
      const first = join(repoRoot, 'history', slug, `${FIRST_VERSIONS[slug] ?? ''}.md`)
      const golden = slug in FIRST_VERSIONS ? first : join(repoRoot, 'protocols', `${slug}.md`)
      expect(made).toBe(readFileSync(golden, 'utf8'))
    })
  }
})

describe('import of seed 003 (town council)', () => {
  it('removes the page furniture from the middle of 3.1, rejoins the sentence and reports both', async () => {
    const { dir, stderr } = await importSeed('town-council')
    expect(stderr).toMatch(/003_512089cfc3757461\.txt:24: removed page furniture in mid-sentence "Reviewed and revised February 2016"/)
    expect(stderr).toMatch(/:26: rejoined the sentence split across lines 22 and 26/)
    const shown = await runCli(['show', 'town-council', '3.1', '--format', 'text'], dir)
    expect(shown.code).toBe(0)
    expect(shown.stdout).toBe(
      '3.1 A member may be asked for advice and support by an employee who is one of their Parishioners. ' +
        'Employees are entitled to seek such assistance in the same way as any other member of the public. ' +
        "However, members should be careful not to prejudice the Council's position in relation to disciplinary " +
        'procedures or employment matters in respect of an employee. A member approached for help in such ' +
        'circumstances should first seek advice from the Town Clerk.\n'
    )
  })

  it('keeps the lettered sub-items a. and b. inside clause 4.2', async () => {
    const { dir } = await importSeed('town-council')
    const shown = await runCli(['show', 'town-council', '4.2', '--format', 'text'], dir)
    expect(shown.stdout).toMatch(/^4\.2 Members should not use .* except that:\n\na\. limited private photocopying .*\n\nb\. IT equipment may be used .* from officers\.\n$/s)
  })

  it('reports 9.2 opening section 9, and keeps it', async () => {
    const { dir, stderr } = await importSeed('town-council')
    expect(stderr).toMatch(/:59: number 9\.2 is the first in section 9; kept as written/)
    expect((await runCli(['show', 'town-council', '9.2', '--format', 'text'], dir)).stdout).toMatch(/^9\.2 The Town Clerk/)
  })

  it('imports a CRLF copy with a byte order mark to the same protocol', async () => {
    const { dir } = await importSeed('town-council')
    const original = readFileSync(join(seedsDir, '003_512089cfc3757461.txt'), 'utf8')
    const copy = join(dir, 'windows.txt')
    writeFileSync(copy, `\uFEFF${original.replace(/\n/g, '\r\n')}`)
    const result = await runCli(['import', copy, '--as', 'town-council', '--title', 'Protocol on Officer and Member Relationships', '--force'], dir)
    expect(result.code, result.stderr).toBe(0)
    expect(readFileSync(join(dir, 'protocols', 'town-council.md'), 'utf8')).toBe(
      readFileSync(join(repoRoot, 'protocols', 'town-council.md'), 'utf8')
    )
  })
})

describe('import of seeds 000, 001 and 002', () => {
  it('keeps the odd numbering of seed 000 as written and reports it', async () => {
    const { dir, stderr } = await importSeed('oadby-wigston')
    expect(stderr).toMatch(/000_b5244c35461d8dad\.txt:5: number 2\.2 follows 1\.1; kept as written/)
    expect(stderr).toMatch(/:7: number 1\.3 follows 2\.2; kept as written/)
    const shown = await runCli(['show', 'oadby-wigston', '2.2', '--format', 'text'], dir)
    expect(shown.stdout).toBe(
      "2.2 That the member's role is to set policy and govern the council, review performance, represent the Council and fulfil their ward based roles.\n"
    )
  })

  it('nests seed 001 three levels deep: 21.2.1 is a heading inside 21.2 inside 21.', async () => {
    const { dir } = await importSeed('section-21')
    const shown = await runCli(['show', 'section-21', '21.2.1', '--format', 'json'], dir)
    const clause = JSON.parse(shown.stdout) as { number: string; kind: string; depth: number; children: { source: string }[] }
    expect(clause).toMatchObject({ number: '21.2.1', kind: 'heading', depth: 4 })
    expect(clause.children.map((child) => child.source)).toEqual([
      expect.stringMatching(/^<a id="[a-z0-9-]+"><\/a>Mutual respect between employees and Members is essential/)
    ])
    const text = await runCli(['show', 'section-21', '21.2.1', '--format', 'text'], dir)
    expect(text.stdout).toMatch(/^21\.2\.1 Mutual Respect\n\nMutual respect between employees .* should be avoided\.\n$/s)
  })

  it('reads seed 002 Appendix B as the draft submitted on 4 April: struck words kept, every insertion left out', async () => {
    const { dir, stderr } = await importSeed('uttlesford')
    expect(stderr).toMatch(/read "3\.9" set against a struck passage as inserted/)
    // Cllr Artus's amendments of 4 April are insertions too: the paragraph "Nothing in this protocol …" and "advocates,".
    const nothing = await runCli(['show', 'uttlesford', 'Nothing in this protocol', '--format', 'text'], dir)
    expect(nothing.code).toBe(2)
    const members = await runCli(['show', 'uttlesford', '2.1', '--format', 'text'], dir)
    expect(members.stdout).toContain('They are representatives and community leaders for their ward')
    const approach = await runCli(['show', 'uttlesford', '3.7', '--format', 'text'], dir)
    expect(approach.stdout).toMatch(/^3\.7 Members should approach officers of appropriate seniority/)
    const factual = await runCli(['show', 'uttlesford', '7.2', '--format', 'text'], dir)
    expect(factual.stdout).toContain('(eg. the information is confidential or should not be disclosed')
    const moved = await runCli(['show', 'uttlesford', '3.5', '--format', 'text'], dir)
    expect(moved.stdout).toMatch(/position\.\n\nA member should not apply any pressure .* empowered to do\.\n$/s)
  })
})
