import { join } from 'node:path'
import { mkdirSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { repoRoot, runCli, tempProject } from '../helpers/run-cli.js'
import { RULES } from './helpers.js'

function project(motions: Record<string, string>): string {
  const dir = tempProject()
  mkdirSync(join(dir, 'protocols'))
  mkdirSync(join(dir, 'amendments', 'rules'), { recursive: true })
  writeFileSync(join(dir, 'protocols', 'rules.md'), RULES)
  for (const [id, body] of Object.entries(motions)) writeFileSync(join(dir, 'amendments', 'rules', `${id}.md`), `---\ntitle: ${id}\nmover: Cllr ${id}\n---\n\n${body}\n`)
  return dir
}

describe('keeling compare', () => {
  it("the seed 002 wordings: the working group's motion and Cllr Artus's amendment to it, said as the report says them", async () => {
    const result = await runCli(['compare', 'amendments/uttlesford/cwg-2017-04-25.md', 'amendments/uttlesford/artus-2017-05-16.md'], repoRoot)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('B is A as amended by B. Base: uttlesford@council-2017-04-04.')
    expect(result.stdout).toContain('In the paragraph beginning “Nothing in this protocol …”, A replaces the phrase “calling or attending meetings” with “requesting meetings with officers”.')
    expect(result.stdout).toContain('In the paragraph beginning “Nothing in this protocol …”, A replaces the phrase “in the furtherance of any issue” with “concerning any issue”.')
    expect(result.stdout).toContain('In the paragraph beginning “Nothing in this protocol …”, B replaces the phrase “calling or attending meetings” with “calling, attending or requesting meetings with officers”.')
    expect(result.stdout).toContain('  B: Nothing in this protocol shall prevent or hinder a council member from fully engaging with officers of the council, including calling[- or-]{+,+} attending{+ or requesting+} meetings{+ with officers+},')
    expect(result.stdout).toContain('Only B has “calling, attending or”, before “requesting meetings with officers”.')
    expect(result.stdout).toContain('In paragraph 7.2, A and B both add the phrase “commercially sensitive”.')
    // A list stays under its label, so the next clause's heading is not lost among its items.
    expect(result.stdout).toContain('  A: What members can expect from officers:\n\n     - A commitment to the Council as a whole')
  })

  it('two motions on different clauses: no conflict, both listed, each clause agreed by the other', async () => {
    const dir = project({ a: '1. In paragraph 3.1, leave out "themselves" and insert "their wards".', b: '1. In paragraph 3.2, at the end insert "They do not take sides."' })
    const result = await runCli(['compare', 'amendments/rules/a.md', 'amendments/rules/b.md'], dir)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Paragraph 3.1\n  A: 3.1 Members speak for [-themselves-]{+their wards+}.\n  B: (not changed)\n  In paragraph 3.1, A replaces the phrase “for themselves” with “for their wards”.\n  A has “for their wards” where B has “for themselves”.')
    expect(result.stdout).toContain('In paragraph 3.2, B adds the phrase “They do not take sides.”\n  Only B has “They do not take sides.”, after “Officers give facts.”.')
  })

  it('two motions that cannot both apply to the text: exit 1, every problem named', async () => {
    const dir = project({ a: '1. Leave out paragraph 3.2.', b: '1. In paragraph 3.3, leave out "facts".' })
    const result = await runCli(['compare', 'amendments/rules/a.md', 'amendments/rules/b.md'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^amendments\/rules\/b\.md:6:4: error: Instruction 1: There is no paragraph 3\.3/m)
    expect(result.stderr).toMatch(/keeling compare: the motions cannot both be applied to protocols\/rules\.md\n$/)
  })

  it('as Markdown in the house style, as escaped HTML and as JSON', async () => {
    const dir = project({ a: '1. In paragraph 3.1, leave out "themselves" and insert "<b>their wards</b>".', b: '1. In paragraph 3.1, leave out "themselves" and insert "the Council".' })
    const md = await runCli(['compare', 'amendments/rules/a.md', 'amendments/rules/b.md', '--format', 'md'], dir)
    expect(md.stdout).toContain('**B:** 3.1 Members speak for ~~themselves~~<u>the Council</u>.')
    const html = await runCli(['compare', 'amendments/rules/a.md', 'amendments/rules/b.md', '--format', 'html'], dir)
    expect(html.stdout).toContain('<del>themselves</del><ins>&lt;b>their wards&lt;/b></ins>')
    expect(html.stdout).not.toContain('<b>their')
    const json = JSON.parse((await runCli(['compare', 'amendments/rules/a.md', 'amendments/rules/b.md', '--format', 'json'], dir)).stdout) as { clauses: Array<{ id: string; agree: boolean; sentences: string[] }> }
    expect(json.clauses.map((clause) => [clause.id, clause.agree])).toEqual([['c3-1', false]])
    expect(json.clauses[0]?.sentences.at(-1)).toBe('A has “<b>their wards</b>” where B has “the Council”.')
  })
})
