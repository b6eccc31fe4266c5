import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copyBeforeCwg, copyOfExamples, repoRoot, runCli, seedsDir, tempProject } from '../helpers/run-cli.js'
import { cpSync, writeFileSync } from 'node:fs'

const recipes = JSON.parse(readFileSync(join(seedsDir, 'recipes.json'), 'utf8')) as { goldens: Record<string, string[]> }

/** A protocol's words without clause IDs: what "word for word" compares. */
function words(text: string): string {
  return text.slice(text.indexOf('\n---', 3) + 4).replace(/<a id="[^"]*"><\/a>/g, '')
}

function withAmendments(): string {
  const dir = copyOfExamples()
  cpSync(join(repoRoot, 'amendments'), join(dir, 'amendments'), { recursive: true })
  return dir
}

const hash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('the seed motions', () => {
  it("the working group's motion of 25 April 2017 gives Appendix B's new text word for word", async () => {
    const dir = await copyBeforeCwg()
    const result = await runCli(['apply', 'amendments/uttlesford/cwg-2017-04-25.md'], dir)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toBe('applied cwg-2017-04-25 to protocols/uttlesford.md: 8 clauses changed, 2 clauses inserted, 1 clause renumbered\n')
    // The golden text is derived from the seed: Appendix B read with its struck words out and its insertions in.
    const [file = '', ...options] = recipes.goldens['uttlesford-after-cwg'] ?? []
    const golden = tempProject()
    expect((await runCli(['import', join(seedsDir, file), ...options], golden)).code).toBe(0)
    const expected = readFileSync(join(golden, 'protocols', 'uttlesford-after-cwg.md'), 'utf8')
    const actual = readFileSync(join(dir, 'protocols', 'uttlesford.md'), 'utf8')
    expect(words(actual)).toBe(words(expected))
    const shown = await runCli(['show', 'uttlesford', '3.9', '--format', 'text'], dir)
    expect(shown.stdout).toMatch(/^3\.9 Members should approach officers of appropriate seniority/)
    expect((await runCli(['show', 'uttlesford', 'c3-7', '--format', 'text'], dir)).stdout).toBe(shown.stdout)
  })

  it("Cllr Artus's amendment to the working group's motion puts back the words the Council agreed", async () => {
    const dir = await copyBeforeCwg()
    const result = await runCli(['apply', 'amendments/uttlesford/cwg-2017-04-25.md', 'amendments/uttlesford/artus-2017-05-16.md'], dir)
    expect(result.code, result.stderr).toBe(0)
    const shown = await runCli(['show', 'uttlesford', 'Nothing in this protocol', '--format', 'text'], dir)
    expect(shown.stdout).toContain('including calling, attending or requesting meetings with officers, or offering information and advice concerning any issue')
  })

  it('seed 000: "it is proposed that the following is added" applies as a motion', async () => {
    const dir = await copyBeforeCwg()
    expect((await runCli(['apply', 'amendments/oadby-wigston/ctg-2014-04-01.md'], dir)).code).toBe(0)
    const text = readFileSync(join(dir, 'protocols', 'oadby-wigston.md'), 'utf8')
    expect(text.endsWith('- Trusting and respectful\n\n<a id="ctg-2014-04-01-1"></a>Officers should respect the right of members to make decisions that may be contrary to officer advice. Similarly members should respect the professional advice of officers even if they are minded to make a decision which is contrary to that advice.\n')).toBe(true)
  })

  it('records the motion in the front matter: it cannot be applied twice, and check no longer holds it to the new text', async () => {
    const dir = await copyBeforeCwg()
    const motion = 'amendments/uttlesford/cwg-2017-04-25.md'
    expect((await runCli(['apply', motion], dir)).code).toBe(0)
    expect(readFileSync(join(dir, 'protocols', 'uttlesford.md'), 'utf8')).toMatch(/^---\ntitle: Member Officer Protocol\nslug: uttlesford\nbody: Uttlesford District Council\napplied:\n {2}- artus-2017-04-04-1\n {2}- artus-2017-04-04-2\n {2}- cwg-2017-04-25\nhistory-head: [0-9a-f]{64}\n---\n/)
    const again = await runCli(['apply', motion], dir)
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/Motion cwg-2017-04-25 is already applied to this protocol .*\[already-applied\]/)
    const check = await runCli(['check', 'uttlesford'], dir)
    expect(check.code).toBe(0)
    expect(check.stdout).not.toContain('cwg-2017-04-25.md')
    expect(check.stdout).toContain('1 protocol and 4 motions checked: 0 errors, 1 warning (3 motions are already applied: keeling verify checks those against the history)')
  })

  it('an amendment to a motion already applied is flagged: it can no longer be applied', async () => {
    const result = await runCli(['check', 'uttlesford'], repoRoot)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      'amendments/uttlesford/artus-2017-05-16.md:1:1: warning: Motion amends `cwg-2017-04-25`, which is already applied to protocol `uttlesford`; an amendment applies only with the motion it amends, so this one can no longer be applied [already-applied]'
    )
  })

  it('every example motion checks clean', async () => {
    const result = await runCli(['check'], await copyBeforeCwg())
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/4 protocols and 5 motions checked: 0 errors/)
  })
})

describe('keeling apply', () => {
  it('--dry-run prints the changes, plain when piped, and writes nothing', async () => {
    const dir = await copyBeforeCwg()
    const path = join(dir, 'protocols', 'uttlesford.md')
    const before = hash(path)
    const result = await runCli(['apply', 'amendments/uttlesford/cwg-2017-04-25.md', '--dry-run'], dir)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('including [-calling or attending-]{+requesting+} meetings{+ with officers+}, or offering')
    // Lines are the file's as it stands (nothing is written): line 104 is 3.7 now.
    expect(result.stdout).toContain('\n\nprotocols/uttlesford.md:104: 3. Working Relationships\n[-3.7-]{+3.9+} Members should approach officers')
    expect(readFileSync(path, 'utf8').split('\n')[103]).toMatch(/^<a id="c3-7"><\/a>3\.7 Members should approach officers/)
    // A new paragraph is placed at the line it would go in at: before today's 3.7.
    expect(result.stdout).toContain('\n\nprotocols/uttlesford.md:104: 3. Working Relationships\n{+3.7 In their dealings with officers')
    expect(result.stdout).toContain('confidential{+, commercially sensitive+} or should not')
    expect(result.stderr).toMatch(/^dry run: .* nothing was written\n$/)
    expect(hash(path)).toBe(before)
  })

  it('colours on a terminal, and not with NO_COLOR', async () => {
    const dir = await copyBeforeCwg()
    const { main } = await import('../../src/cli/main.js')
    let out = ''
    const io = (env: Record<string, string>) => ({ stdout: (t: string) => void (out += t), stderr: () => undefined, cwd: dir, env, isTTY: true })
    await main(['apply', 'amendments/uttlesford/cwg-2017-04-25.md', '--dry-run'], io({}))
    expect(out).toContain('\u001b[9;31mcalling or attending\u001b[0m\u001b[4;32mrequesting\u001b[0m')
    out = ''
    await main(['apply', 'amendments/uttlesford/cwg-2017-04-25.md', '--dry-run'], io({ NO_COLOR: '1' }))
    expect(out).toContain('[-calling or attending-]{+requesting+}')
  })

  it('refuses a motion with any bad instruction: all problems listed, exit 1, the protocol untouched', async () => {
    const dir = await copyBeforeCwg()
    const path = join(dir, 'protocols', 'uttlesford.md')
    const before = hash(path)
    writeFileSync(
      join(dir, 'amendments', 'uttlesford', 'bad.md'),
      '---\ntitle: Bad\nmover: Cllr Bad\n---\n\n1. In paragraph 7.2, after "confidential" insert ", commercially sensitive".\n2. In paragraph 3.4, leave out "officers".\n3. In paragraph 3.12, leave out "members".\n'
    )
    const result = await runCli(['apply', 'amendments/uttlesford/bad.md'], dir)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^amendments\/uttlesford\/bad\.md:7:4: error: Instruction 2: “officers” occurs 6 times in paragraph 3\.4; quote more words/m)
    expect(result.stderr).toMatch(/^amendments\/uttlesford\/bad\.md:8:4: error: Instruction 3: There is no paragraph 3\.12; the nearest are paragraphs 3\.4, 3\.5, 3\.6 and 3\.7/m)
    expect(result.stderr).toMatch(/keeling apply: refused \(2 problems\); nothing was written\n$/)
    expect(hash(path)).toBe(before)
  })

  it('exits 2 for a motion file that does not exist, or motions for two protocols', async () => {
    const dir = await copyBeforeCwg()
    expect(await runCli(['apply', 'amendments/uttlesford/nope.md'], dir)).toEqual({ code: 2, stdout: '', stderr: 'keeling: cannot read motion amendments/uttlesford/nope.md: no such file\n' })
    const mixed = await runCli(['apply', 'amendments/uttlesford/cwg-2017-04-25.md', 'amendments/oadby-wigston/ctg-2014-04-01.md'], dir)
    expect(mixed.code).toBe(2)
    expect(mixed.stderr).toMatch(/different protocols \(uttlesford, oadby-wigston\)/)
  })
})

describe('keeling motion new', () => {
  it('writes a motion with every form as a comment, which check then asks to fill in', async () => {
    const dir = await copyBeforeCwg()
    const result = await runCli(['motion', 'new', 'uttlesford', '--title', 'Engagement with officers', '--mover', 'Cllr Artus'], dir)
    expect(result).toMatchObject({ code: 0, stdout: 'amendments/uttlesford/engagement-with-officers.md\n' })
    const text = readFileSync(join(dir, 'amendments', 'uttlesford', 'engagement-with-officers.md'), 'utf8')
    expect(text).toMatch(/^---\ntitle: Engagement with officers\nmover: Cllr Artus\nprotocol: uttlesford\n---\n\n<!--\n/)
    // The examples cite Uttlesford's own paragraphs (test/motion/motion-new-examples.test.ts applies each one).
    expect(text).toContain('Move paragraph 3.1 to follow paragraph 3.2.')
    const check = await runCli(['check', 'amendments/uttlesford/engagement-with-officers.md'], dir)
    expect(check.stdout).toMatch(/error: Motion has no instructions; write them as a numbered list/)
    const again = await runCli(['motion', 'new', 'uttlesford', '--title', 'Engagement with officers', '--mover', 'Cllr Artus'], dir)
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already exists; choose another --id, or pass --force/)
    expect((await runCli(['motion', 'new', 'nowhere', '--title', 'T', '--mover', 'M'], dir)).code).toBe(2)
  })
})
