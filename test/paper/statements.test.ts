import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { copyOfExamples, runCli } from '../helpers/run-cli.js'

// Issue 18, "False statements": a clerk's own motions on the town council protocol (seed 003), decided,
// adopted and reported. Every expectation is written from the motions and the protocol's text by hand.

const TEN_ONE = 'It is essential for the proper running of the Council that members should be fully informed'
const TEN_TWO = 'It is the duty of the Town Clerk to ensure that all relevant staff are aware'

/** The town council protocol as version v1, three motions decided on 12 March 2025, two of them adopted as v2. */
async function clerksMeeting(): Promise<string> {
  const dir = copyOfExamples()
  mkdirSync(join(dir, 'amendments', 'town-council'), { recursive: true })
  const motion = (id: string, front: string, body: string): void => writeFileSync(join(dir, 'amendments', 'town-council', `${id}.md`), `---\n${front}\n---\n\n${body}\n`)
  motion('patel-1', 'title: Local members\nmover: Cllr Patel\nbase: v1', '1. Move paragraph 10.1 to follow paragraph 10.2.')
  motion('jones-1', 'title: Briefings\nmover: Cllr Jones', '1. Leave out paragraph 7.1 and insert:\n\n   > 7.1 Briefings shall be kept for five years.')
  motion('lee-1', 'title: Training\nmover: Cllr Lee', '1. In paragraph 11.1, leave out "embrace" and insert "attend".')
  const run = async (argv: string[]): Promise<void> => {
    const result = await runCli(argv, dir)
    expect(result.code, result.stderr).toBe(0)
  }
  const decide = (id: string, outcome: string): string[] => ['decide', `amendments/town-council/${id}.md`, '--body', 'Anytown Town Council', '--date', '2025-03-12', '--outcome', outcome]
  await run(['adopt', 'town-council', '--version', 'v1', '--date', '2025-01-01', '--by', 'Anytown Town Council'])
  await run(decide('patel-1', 'carried'))
  await run(decide('jones-1', 'lost'))
  await run(decide('lee-1', 'carried'))
  await run(['adopt', 'town-council', '--version', 'v2', '--date', '2025-03-12', '--by', 'Anytown Town Council', 'amendments/town-council/patel-1.md', 'amendments/town-council/lee-1.md'])
  writeFileSync(
    join(dir, 'paper.yml'),
    'committee: Council\ndate: 2025-04-09\ntitle: Protocol\nauthor: Town Clerk\nfor-decision: yes\nrecommendation: That Council approves the protocol.\ncomments:\n  patel-1: PATEL COMMENT.\n  lee-1: LEE COMMENT.\n'
  )
  return dir
}

const PAPER = ['paper', 'town-council', '--from', 'v1', '--to', 'v2', '--meta', 'paper.yml']

describe('issue 18: a report says of a motion only what the motion did', () => {
  test('“Move paragraph 10.1 to follow paragraph 10.2” is reported as moving 10.1 — JSON, appendix and the paper’s sentence', async () => {
    const dir = await clerksMeeting()
    const json = await runCli(['report', 'town-council', '--from', 'v1', '--to', 'v2', '--format', 'json'], dir)
    const clauses = (JSON.parse(json.stdout) as { clauses: Array<{ type: string; id: string }> }).clauses
    expect(clauses.filter((clause) => clause.type === 'moved').map((clause) => clause.id)).toEqual(['c10-1'])
    const appendix = (await runCli(['report', 'town-council', '--from', 'v1', '--to', 'v2'], dir)).stdout
    // The words of 10.1 are struck where they stood and underlined after 10.2, which keeps its words and takes the number 10.1.
    expect(appendix).toContain(`~~10.1 ${TEN_ONE}`)
    expect(appendix).toContain(`~~10.2~~<u>10.1</u> ${TEN_TWO}`)
    expect(appendix).toContain(`<u>10.2 ${TEN_ONE}`)
    const paper = (await runCli(PAPER, dir)).stdout
    expect(paper).toContain('Cllr Patel’s amendment moves paragraph 10.1 to follow paragraph 10.2, where it is numbered 10.2.')
    expect(paper).not.toMatch(/moves paragraph 10\.2/)
  })

  test('the --propose paper says the move the motion it quotes makes', async () => {
    const dir = await clerksMeeting()
    writeFileSync(join(dir, 'amendments', 'town-council', 'khan-1.md'), '---\ntitle: Media\nmover: Cllr Khan\n---\n\n1. Move paragraph 9.2 to follow paragraph 9.3.\n')
    const { stdout, code, stderr } = await runCli(['paper', 'town-council', '--from', 'v2', '--propose', 'amendments/town-council/khan-1.md', '--meta', 'paper.yml'], dir)
    expect(code, stderr).toBe(0)
    expect(stdout).toContain('> 1. Move paragraph 9.2 to follow paragraph 9.3.')
    expect(stdout).toContain('Cllr Khan’s amendment moves paragraph 9.2 to follow paragraph 9.3.')
    expect(stdout).not.toMatch(/moves paragraph 9\.3/)
  })

  test('a lost motion is not “applied to the text in the appendix”; its replacement is one sentence, with one full stop', async () => {
    const dir = await clerksMeeting()
    const { stdout } = await runCli(PAPER, dir)
    const at = stdout.indexOf('Cllr Jones’s amendment “Briefings” reads:')
    expect(at).toBeGreaterThan(0)
    expect(stdout).not.toContain('Applied to the text in the appendix')
    expect(stdout.slice(at)).toContain('It was lost, so the text in the appendix does not include it. As moved, against the version v1, it leaves out paragraph 7.1 and inserts a new paragraph 7.1: “Briefings shall be kept for five years.”')
    expect(stdout).not.toContain('.”.')
  })

  test('a comment on a motion (PAPER.yml comments:) is printed after that motion’s change, not after another’s', async () => {
    const dir = await clerksMeeting()
    const { stdout } = await runCli(PAPER, dir)
    const patelSaid = stdout.indexOf('Cllr Patel’s amendment moves paragraph 10.1')
    const patelComment = stdout.indexOf('PATEL COMMENT.')
    const leeSaid = stdout.indexOf('Cllr Lee’s amendment replaces')
    const leeComment = stdout.indexOf('LEE COMMENT.')
    expect(patelSaid).toBeGreaterThan(0)
    expect(leeSaid).toBeGreaterThan(0)
    expect(patelSaid).toBeLessThan(patelComment)
    expect(patelComment).toBeLessThan(leeSaid)
    expect(leeSaid).toBeLessThan(leeComment)
  })

  test('log SLUG 7.1 includes the lost motion that targeted 7.1', async () => {
    const dir = await clerksMeeting()
    const { stdout, code } = await runCli(['log', 'town-council', '7.1'], dir)
    expect(code).toBe(0)
    expect(stdout).toContain('jones-1 lost by Anytown Town Council')
    expect(stdout).not.toContain('lee-1')
    expect(stdout).not.toContain('patel-1')
  })
})
