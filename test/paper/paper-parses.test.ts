import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, test, vi } from 'vitest'
import * as changeSets from '../../src/core/diff/change-set.js'
import * as diffDocuments from '../../src/core/diff/diff-document.js'
import * as motions from '../../src/core/motion/parse-motion.js'
import * as protocols from '../../src/core/protocol/parse-protocol.js'
import { repoRoot, runCli } from '../helpers/run-cli.js'

// Issue 15: "`paper --format html` builds 7 change sets and 145 remark parses"; each command is to parse each
// protocol and motion at most once. The oracle is the files on disk: the motion files of amendments/uttlesford/
// and the stored versions in history/uttlesford/, read here by the test.

const UTTLESFORD = ['paper', 'uttlesford', '--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25', '--meta', 'papers/council-2017-05-16.yml', '--format', 'html']

/** How often each value occurs in a list. */
function tally<T>(values: T[]): Map<T, number> {
  const counts = new Map<T, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('keeling paper reads each motion and each version once', () => {
  test('each motion file is parsed once, though the replay, the paper and the comparison all use it', async () => {
    const parseMotion = vi.spyOn(motions, 'parseMotion')
    const result = await runCli(UTTLESFORD, repoRoot)
    expect(result.code, result.stderr).toBe(0)
    const dir = join(repoRoot, 'amendments', 'uttlesford')
    const files = readdirSync(dir).filter((name) => name.endsWith('.md')).map((name) => readFileSync(join(dir, name), 'utf8'))
    expect(files.length).toBe(4)
    const counts = tally(parseMotion.mock.calls.map(([text]) => text))
    for (const file of files) expect(counts.get(file)).toBe(1)
    // Besides the files, only the amended motion (the working group's words as Cllr Artus's reply amends them) is read.
    expect([...counts.values()].every((count) => count === 1)).toBe(true)
    expect(counts.size).toBe(files.length + 1)
  })

  test('each text is read for comparing once, and each pair of texts compared once', async () => {
    const readDiffDocument = vi.spyOn(diffDocuments, 'readDiffDocument')
    const buildChangeSet = vi.spyOn(changeSets, 'buildChangeSet')
    const parseProtocol = vi.spyOn(protocols, 'parseProtocol')
    const result = await runCli(UTTLESFORD, repoRoot)
    expect(result.code, result.stderr).toBe(0)
    const read = tally(readDiffDocument.mock.calls.map(([text]) => text))
    expect([...read.values()].filter((count) => count > 1)).toEqual([])
    // council-2017-04-04 is the appendix's first text, the text the working group's motion was adopted into and
    // the base its amendment is compared on: one reading serves all three.
    const council = readFileSync(join(repoRoot, 'history', 'uttlesford', 'council-2017-04-04.md'), 'utf8')
    const cwg = readFileSync(join(repoRoot, 'history', 'uttlesford', 'cwg-2017-04-25.md'), 'utf8')
    expect(read.get(council)).toBe(1)
    expect(read.get(cwg)).toBe(1)
    const pairs = tally(buildChangeSet.mock.calls.map(([before, after]) => `${readDiffDocument.mock.results.findIndex((r) => r.value === before)} ${readDiffDocument.mock.results.findIndex((r) => r.value === after)}`))
    expect([...pairs.values()].filter((count) => count > 1)).toEqual([])
    // Five comparisons: the appendix (shared with the working group's motion alone), each of Cllr Artus's two
    // motions alone, the working group's motion as Cllr Artus's reply amends it, and the two wordings compared.
    expect(buildChangeSet.mock.calls.length).toBe(5)
    // There were 42 protocol parses before issue 15's change, 15 of them distinct texts: now each text once.
    const texts = tally(parseProtocol.mock.calls.map(([text]) => text))
    expect([...texts.values()].filter((count) => count > 1)).toEqual([])
    expect(parseProtocol.mock.calls.length).toBeLessThanOrEqual(15)
  })
})
