import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { runCli, tempProject } from '../helpers/run-cli.js'

// The paper's wordings compared say what an amendment does to the motion it amends in the motion's own words.
// Here the amendment moves the motion's words from paragraph 1.2 to 1.1: "their conduct in writing in …" is read
// by a word diff as "writing in" added, where the motion inserts "in writing" after "conduct". The expectation
// is written from the motions' words by hand.

const PROTOCOL = `---
title: Rules
slug: rules
---

## <a id="s1"></a>1. Conduct

<a id="c1-1"></a>1.1 Members report their conduct in public and in private.

<a id="c1-2"></a>1.2 Officers report their conduct in meetings.
`

async function meeting(): Promise<string> {
  const dir = tempProject()
  mkdirSync(join(dir, 'protocols'))
  mkdirSync(join(dir, 'amendments', 'rules'), { recursive: true })
  writeFileSync(join(dir, 'protocols', 'rules.md'), PROTOCOL)
  writeFileSync(join(dir, 'amendments', 'rules', 'moss.md'), '---\ntitle: Reports\nmover: Cllr Moss\n---\n\n1. In paragraph 1.2, after "conduct" insert "in writing".\n')
  writeFileSync(join(dir, 'amendments', 'rules', 'amin.md'), '---\ntitle: Members instead\nmover: Cllr Amin\namends: moss\n---\n\n1. In motion moss, leave out "paragraph 1.2" and insert "paragraph 1.1".\n')
  writeFileSync(join(dir, 'paper.yml'), 'committee: Council\ndate: 2020-03-01\ntitle: Rules\nauthor: Clerk\nfor-decision: yes\nrecommendation: That the Council decides.\n')
  for (const argv of [
    ['adopt', 'rules', '--version', 'v1', '--date', '2020-01-10', '--by', 'Council'],
    ['decide', 'amendments/rules/moss.md', '--body', 'Council', '--date', '2020-02-01', '--outcome', 'carried'],
    ['adopt', 'rules', '--version', 'v2', '--date', '2020-02-02', '--by', 'Council', 'amendments/rules/moss.md']
  ]) {
    const result = await runCli(argv, dir)
    expect(result.code, result.stderr).toBe(0)
  }
  return dir
}

describe('the wordings compared', () => {
  test('an amendment that moves the motion’s words to another paragraph: it leaves out “in writing” in one and puts it in the other', async () => {
    const dir = await meeting()
    const result = await runCli(['paper', 'rules', '--from', 'v1', '--to', 'v2', '--meta', 'paper.yml'], dir)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain(
      'Compared with Cllr Moss’s amendment (carried by the Council on 1 February 2020), it leaves out “in writing” in paragraph 1.2 and puts “in writing” before “in public and in” in paragraph 1.1.'
    )
    expect(result.stdout).not.toContain('writing in')
  })
})
