import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, tempProject } from '../helpers/run-cli.js'

// A motion's words are said as its operations put them, not as a word diff guesses them. In "their conduct in
// public", inserting "in writing" after "conduct" gives "their conduct in writing in public", which a word diff
// reads as "writing in" added after "in". Every expectation is written from the motions' words by hand.

const PROTOCOL = `---
title: Rules
slug: rules
---

## <a id="s1"></a>1. Conduct

<a id="c1-1"></a>1.1 Members of every committee report their conduct in public and in private.

<a id="c1-2"></a>1.2 Officers give facts.
`

function project(motions: Record<string, string>): string {
  const dir = tempProject()
  mkdirSync(join(dir, 'protocols'))
  mkdirSync(join(dir, 'amendments', 'rules'), { recursive: true })
  writeFileSync(join(dir, 'protocols', 'rules.md'), PROTOCOL)
  for (const [id, body] of Object.entries(motions)) writeFileSync(join(dir, 'amendments', 'rules', `${id}.md`), `---\ntitle: ${id}\nmover: Cllr ${id}\n---\n\n${body}\n`)
  return dir
}

describe('keeling compare says what each motion does as its instructions say it', () => {
  it('after “conduct” insert “in writing”: A adds “in writing”, and only A has “in writing”', async () => {
    const dir = project({ a: '1. In paragraph 1.1, after "conduct" insert "in writing".', b: '1. In paragraph 1.2, leave out "facts" and insert "advice".' })
    const result = await runCli(['compare', 'amendments/rules/a.md', 'amendments/rules/b.md'], dir)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('  A: 1.1 Members of every committee report their conduct{+ in writing+} in public and in private.\n')
    expect(result.stdout).toContain('In paragraph 1.1, A adds the phrase “in writing”.')
    expect(result.stdout).toContain('Only A has “in writing”, before “in public and in”.')
    expect(result.stdout).not.toContain('writing in')
  })

  it('the same motion as B: what B does, and what only B has, are its words', async () => {
    const dir = project({ a: '1. In paragraph 1.2, leave out "facts" and insert "advice".', b: '1. In paragraph 1.1, after "conduct" insert "in writing".' })
    const result = await runCli(['compare', 'amendments/rules/a.md', 'amendments/rules/b.md', '--format', 'json'], dir)
    expect(result.code, result.stderr).toBe(0)
    const clause = (JSON.parse(result.stdout) as { clauses: Array<{ id: string; sentences: string[] }> }).clauses.find((each) => each.id === 'c1-1')
    expect(clause?.sentences).toEqual(['In paragraph 1.1, B adds the phrase “in writing”.', 'Only B has “in writing”, before “in public and in”.'])
  })

  it('two operations in one clause, the first shortening it: the second said where the motion put it, on either side', async () => {
    const c = '1. In paragraph 1.1, leave out "every" and insert "any".\n2. In paragraph 1.1, after "conduct" insert "in writing".'
    const dir = project({ b: '1. In paragraph 1.2, leave out "facts" and insert "advice".', c })
    const asA = await runCli(['compare', 'amendments/rules/c.md', 'amendments/rules/b.md'], dir)
    expect(asA.code, asA.stderr).toBe(0)
    expect(asA.stdout).toContain('  A: 1.1 Members of [-every-]{+any+} committee report their conduct{+ in writing+} in public and in private.\n')
    expect(asA.stdout).toContain('  A has “any committee report” where B has “every committee report”.\n  Only A has “in writing”, before “in public and in”.\n')
    const asB = await runCli(['compare', 'amendments/rules/b.md', 'amendments/rules/c.md'], dir)
    expect(asB.stdout).toContain('  A has “every committee report” where B has “any committee report”.\n  Only B has “in writing”, before “in public and in”.\n')
    expect(asB.stdout).not.toContain('writing in')
  })
})
