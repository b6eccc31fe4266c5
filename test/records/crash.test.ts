import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/run-cli.js'
import { addingMotion, BIN, decideArgs, leftovers, rulesProject, run } from './project.js'

const FILES = ['protocols/rules.md', 'history/rules.yml', 'history/rules/v2.md']

/** The SHA-256 of each record file, 'absent' for one not there. */
function state(dir: string): string[] {
  return FILES.map((path) => (existsSync(join(dir, path)) ? createHash('sha256').update(readFileSync(join(dir, path))).digest('hex') : 'absent'))
}

/**
 * Kill keeling with SIGKILL at one step of a write (the test seam KEELING_TEST_CRASH), then run the
 * next command: the files must be the old ones or the new ones, whole, with nothing left over.
 */
async function crashAt(step: string, command: (dir: string) => Promise<string[]>): Promise<{ dir: string; before: string[]; after: string[]; next: string }> {
  const dir = await rulesProject()
  const argv = await command(dir)
  const before = state(dir)
  const crashed = await run([BIN, ...argv], dir, { KEELING_TEST_CRASH: step })
  expect(crashed.signal, `${step}: ${crashed.stderr}`).toBe('SIGKILL')
  const next = await runCli(['verify', 'rules'], dir)
  expect(next.code, next.stderr).toBe(0)
  expect(leftovers(dir)).toEqual([])
  return { dir, before, after: state(dir), next: next.stderr }
}

describe('a crash at any step of a write leaves the records old or new, and whole', () => {
  // adopt writes three files: the version's text, the history, the protocol.
  const adoptSteps = ['journal-prepare', 'staged-1', 'staged-2', 'staged-3', 'journal-commit', 'rename-1', 'rename-2', 'rename-3', 'done']
  for (const step of adoptSteps) {
    it(`adopt killed at ${step}`, async () => {
      let done: string[] = []
      const { dir, before, after, next } = await crashAt(step, async (dir) => {
        const path = addingMotion(dir, 'm1')
        expect((await runCli(decideArgs(path), dir)).code).toBe(0)
        return ['adopt', 'rules', '--version', 'v2', '--date', '2020-02-01', '--by', 'Council', path]
      })
      const committed = adoptSteps.indexOf(step) >= adoptSteps.indexOf('journal-commit')
      if (committed) {
        // Rolled forward: the version is there, in all three files.
        expect(after).not.toEqual(before)
        expect(after.every((hash) => hash !== 'absent')).toBe(true)
        expect(readFileSync(join(dir, 'protocols', 'rules.md'), 'utf8')).toContain('Paragraph of m1 stands here.')
        expect(readFileSync(join(dir, 'history', 'rules.yml'), 'utf8')).toContain('label: v2')
        if (step !== 'done') expect(next).toMatch(/^keeling: completed an interrupted write \(adopt rules --version v2, pid \d+/)
        done = after
      } else {
        expect(after).toEqual(before)
        expect(next).toMatch(/^keeling: rolled back an interrupted write \(adopt rules --version v2, pid \d+, [^)]+\): none of its files had been written\n/)
      }
      // And the clerk can run the adopt again: refused only when it had landed.
      const again = await runCli(['adopt', 'rules', '--version', 'v2', '--date', '2020-02-01', '--by', 'Council', 'amendments/rules/m1.md'], dir)
      expect(again.code).toBe(committed ? 1 : 0)
      if (!committed) done = state(dir)
      expect(done.every((hash) => hash !== 'absent')).toBe(true)
    })
  }

  for (const step of ['journal-prepare', 'staged-1', 'staged-2', 'journal-commit', 'rename-1', 'rename-2']) {
    it(`decide killed at ${step}`, async () => {
      const { dir, before, after } = await crashAt(step, async (dir) => decideArgs(addingMotion(dir, 'm1'), ['--for', '22']))
      const history = readFileSync(join(dir, 'history', 'rules.yml'), 'utf8')
      if (['journal-commit', 'rename-1', 'rename-2'].includes(step)) expect(history).toContain('for: "22"')
      else {
        expect(after).toEqual(before)
        expect(history).not.toContain('motion: m1')
      }
    })
  }

  for (const step of ['staged-1', 'journal-commit', 'rename-1']) {
    it(`apply killed at ${step}`, async () => {
      const { dir, before, after } = await crashAt(step, async (dir) => ['apply', addingMotion(dir, 'm1')])
      const text = readFileSync(join(dir, 'protocols', 'rules.md'), 'utf8')
      expect(text.includes('Paragraph of m1 stands here.')).toBe(step !== 'staged-1')
      if (step === 'staged-1') expect(after).toEqual(before)
    })
  }
})
