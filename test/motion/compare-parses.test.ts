import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { countParses, parsedAgain } from '../helpers/count-parses.js'
import { repoRoot } from '../helpers/run-cli.js'

// Issue 15: each command parses each protocol and motion text at most once. compare applies two motions to one
// base and reads the base and both results for comparing: the base is one text, parsed once.

describe('keeling compare parses each text once', () => {
  it("the working group's motion and Cllr Artus's amendment to it, on the version the motion was adopted into", async () => {
    const counted = await countParses(['compare', 'amendments/uttlesford/cwg-2017-04-25.md', 'amendments/uttlesford/artus-2017-05-16.md'], repoRoot)
    expect(counted.result.code, counted.result.stderr).toBe(0)
    const base = readFileSync(join(repoRoot, 'history', 'uttlesford', 'council-2017-04-04.md'), 'utf8')
    expect(counted.counts.protocol.get(base)).toBe(1)
    for (const id of ['cwg-2017-04-25', 'artus-2017-05-16']) expect(counted.counts.motion.get(readFileSync(join(repoRoot, 'amendments', 'uttlesford', `${id}.md`), 'utf8')), id).toBe(1)
    expect(parsedAgain(counted.counts.protocol)).toEqual([])
    expect(parsedAgain(counted.counts.motion)).toEqual([])
  })
})
