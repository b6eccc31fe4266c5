import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseHistory, recordHash } from '../../src/core/history/history.js'
import { runCli } from '../helpers/run-cli.js'
import { BIN, run } from '../records/project.js'
import { copyOfMeeting } from './meeting.js'

const meeting = ['--body', 'Town Council', '--date', '17 March 2026', '--meeting', 'Town Council, 17 March 2026']

describe('keeling decide SLUG --carried … --lost … --withdrawn …: several amendments in one call, in the order of voting', () => {
  it('records each decision in the order of voting, with the votes given for it, chained, and says what falls', async () => {
    const dir = copyOfMeeting()
    const result = await runCli(['decide', 'town-council', '--carried', '1,5,6', '--lost', '7', '--withdrawn', '3', '--votes', '1=9/3', '--votes', '7=4/8/1', ...meeting], dir)
    expect(result.code).toBe(0)
    const history = parseHistory(readFileSync(join(dir, 'history', 'town-council.yml'), 'utf8'))
    expect(history.problems).toEqual([])
    // The order of voting, by hand: 1, (2 falls), 3, 6 before the 5 it amends, 5, 7.
    expect(history.records.map((record) => (record.record === 'decision' ? [record.motion, record.outcome, record.for, record.against, record.abstain] : []))).toEqual([
      ['baker-atmosphere', 'carried', '9', '3', ''],
      ['baker-scrutiny-functions', 'withdrawn', '', '', ''],
      ['dawson-by-email', 'carried', '', '', ''],
      ['chen-in-writing', 'carried', '', '', ''],
      ['baker-chairmen', 'lost', '4', '8', '1']
    ])
    history.records.forEach((record, at) => {
      const before = history.records[at - 1]
      expect(record.previous).toBe(before ? recordHash(before) : '')
      if (record.record === 'decision') expect([record.date, record.body, record.meeting]).toEqual(['2026-03-17', 'Town Council', 'Town Council, 17 March 2026'])
    })
    const seconders = history.records.map((record) => (record.record === 'decision' ? record.seconder : ''))
    expect(seconders).toEqual(['Cllr Chen', 'Cllr Evans', 'Cllr Evans', 'Cllr Baker', 'Cllr Dawson'])
    expect(result.stderr).toContain('amendment 2 (chen-relaxed) falls: the words “informal” will have been left out; not recorded')
    expect((await runCli(['verify', 'town-council'], dir)).code).toBe(0)
  })

  it('records none when the outcome cannot happen or an option is wrong: exit 1 or 2, the history untouched', async () => {
    const dir = copyOfMeeting()
    const path = join(dir, 'history', 'town-council.yml')
    const impossible = await runCli(['decide', 'town-council', '--carried', '1,8,9', ...meeting], dir)
    expect(impossible.code).toBe(1)
    expect(impossible.stderr).toBe('keeling: amendment 9 (evans-numerous) cannot be carried: at its turn paragraph 10.3 will have been left out; nothing was recorded\n')
    for (const args of [
      ['--carried', '1', '--lost', '1'],
      ['--carried', '12'],
      ['--carried', '1', '--votes', '2=3/4'],
      ['--carried', '1', '--outcome', 'carried']
    ]) {
      const refused = await runCli(['decide', 'town-council', ...args, ...meeting], dir)
      expect(refused.code, args.join(' ')).toBe(2)
      expect(refused.stderr.split('\n').filter(Boolean), args.join(' ')).toHaveLength(1)
    }
    const badVote = await runCli(['decide', 'town-council', '--carried', '1', '--votes', '1=many', ...meeting], dir)
    expect(badVote).toMatchObject({ code: 1, stderr: 'keeling decide: --votes "1=many" is not a vote; write the amendment, then for/against[/abstain], e.g. --votes 3=12/4/1\n' })
    expect(existsSync(path)).toBe(false)
  })

  it('still records one motion with --outcome, and asks for an outcome when none is given', async () => {
    const dir = copyOfMeeting()
    const one = await runCli(['decide', 'amendments/town-council/baker-chairmen.md', '--outcome', 'lost', ...meeting], dir)
    expect(one.code).toBe(0)
    const none = await runCli(['decide', 'amendments/town-council/baker-chairmen.md', ...meeting], dir)
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/give --outcome for one motion/)
  })

  it('is one write: killed before its journal commits, no decision is recorded; after, all of them are', async () => {
    const args = ['decide', 'town-council', '--carried', '1,5,6', '--lost', '7', ...meeting]
    const decisions = (dir: string): number => (existsSync(join(dir, 'history', 'town-council.yml')) ? parseHistory(readFileSync(join(dir, 'history', 'town-council.yml'), 'utf8')).records.length : 0)
    for (const [step, count] of [['staged-1', 0], ['journal-commit', 4]] as const) {
      const dir = copyOfMeeting()
      const crashed = await run([BIN, ...args], dir, { KEELING_TEST_CRASH: step })
      expect(crashed.signal, `${step}: ${crashed.stderr}`).toBe('SIGKILL')
      const next = await runCli(['marshal', 'town-council', '--format', 'json'], dir)
      expect(next.stderr, step).toMatch(count === 0 ? /^keeling: rolled back an interrupted write \(decide town-council / : /^keeling: completed an interrupted write \(decide town-council /)
      expect(decisions(dir), step).toBe(count)
    }
  })
})
