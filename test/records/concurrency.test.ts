import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseHistory } from '../../src/core/history/history.js'
import { runCli } from '../helpers/run-cli.js'
import { addingMotion, decideArgs, leftovers, rulesProject, run, WRITER } from './project.js'

/** What a writer does: apply a motion, record a decision, decide and adopt a version, or read (verify, a dry run) while others write. */
type Mode = 'apply' | 'decide' | 'adopt' | 'read'

/**
 * N keeling processes started at once on one protocol, each making its changes (three a round), for
 * two rounds. Every change must land: none lost, whatever the order the writers took the lock in.
 */
async function rounds(modes: Mode[], writers: number): Promise<{ made: number; lost: string[] }> {
  // Its own folder, removed when it is done: the helpers' temporary projects are removed after each test, and the
  // tests of this file run side by side (one protocol each), so that one's writers wait on the lock while another's run.
  const dir = mkdtempSync(join(tmpdir(), 'keeling-concurrency-'))
  try {
    return await roundsIn(dir, modes, writers)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The changes each writer makes a round. Each is a separate command taking the lock; starting fewer processes that run more commands keeps the lock as contended for less time spent starting Node. */
const CHANGES = 3

async function roundsIn(dir: string, modes: Mode[], writers: number): Promise<{ made: number; lost: string[] }> {
  await rulesProject(dir)
  const wanted: Array<{ mode: Mode; id: string }> = []
  for (let round = 1; round <= 2; round++) {
    const processes = Array.from({ length: writers }, (_, writer) => {
      const commands: string[][] = []
      for (let change = 1; change <= CHANGES; change++) {
        const mode = modes[(writer + change) % modes.length] ?? 'decide'
        const id = `r${round}-w${writer}-c${change}`
        const path = addingMotion(dir, id)
        wanted.push({ mode, id })
        if (mode === 'apply') commands.push(['apply', path])
        if (mode === 'decide') commands.push(decideArgs(path))
        if (mode === 'adopt') commands.push(decideArgs(path), ['adopt', 'rules', '--version', `v-${id}`, '--date', '2020-02-01', '--by', 'Council', path])
        // A reader sees the records whole while others write: verify passes, a dry run applies.
        if (mode === 'read') commands.push(['verify', 'rules'], ['apply', '--dry-run', path])
      }
      return run([WRITER, JSON.stringify(commands)], dir)
    })
    for (const result of await Promise.all(processes)) expect(result.code, result.stderr).toBe(0)
  }
  const protocol = readFileSync(join(dir, 'protocols', 'rules.md'), 'utf8')
  const history = parseHistory(readFileSync(join(dir, 'history', 'rules.yml'), 'utf8'))
  const decided = new Set(history.records.flatMap((record) => (record.record === 'decision' ? [record.motion] : [])))
  const versions = new Set(history.records.flatMap((record) => (record.record === 'version' ? [record.label] : [])))
  const lost = wanted
    .filter(({ mode, id }) => {
      const inText = protocol.includes(`Paragraph of ${id} stands here.`)
      if (mode === 'read') return inText || decided.has(id)
      if (mode === 'apply') return !inText
      if (mode === 'decide') return !decided.has(id)
      return !(inText && decided.has(id) && versions.has(`v-${id}`))
    })
    .map(({ mode, id }) => `${mode} ${id}`)
  const verified = await runCli(['verify', 'rules'], dir)
  expect(verified.code, verified.stderr).toBe(0)
  expect(leftovers(dir)).toEqual([])
  return { made: wanted.length, lost }
}

describe.concurrent('concurrent writers of one protocol: 6 processes at once, two rounds each', () => {
  // An apply puts the protocol past its last version, so adopts and applies are not mixed: adopt would rightly refuse.
  // Decisions, adoptions and readers are mixed in one test: each writer takes a different mode for each change.
  for (const modes of [['apply'], ['decide', 'adopt', 'read']] as Mode[][]) {
    it(`${modes.join(' + ')}: every change lands, and the chain verifies`, async () => {
      for (const writers of [6]) {
        const { made, lost } = await rounds(modes, writers)
        expect(made).toBe(writers * CHANGES * 2)
        expect(lost).toEqual([])
      }
    }, 120_000)
  }
})
