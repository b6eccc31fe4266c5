import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { type DiffRun, diffIds } from '../../src/core/diff/myers.js'

/** The two sequences an edit script says: the old one (kept and left out) and the new one (kept and put in). */
function sides(a: number[], b: number[], runs: DiffRun[]): { before: number[]; after: number[] } {
  const before: number[] = []
  const after: number[] = []
  let i = 0
  let j = 0
  for (const run of runs) {
    if (run.type === 'same') {
      before.push(...a.slice(i, i + run.count))
      after.push(...b.slice(j, j + run.count))
      expect(a.slice(i, i + run.count)).toEqual(b.slice(j, j + run.count))
      i += run.count
      j += run.count
    } else if (run.type === 'deleted') {
      before.push(...a.slice(i, i + run.count))
      i += run.count
    } else {
      after.push(...b.slice(j, j + run.count))
      j += run.count
    }
  }
  return { before, after }
}

const edits = (runs: DiffRun[]): number => runs.filter((run) => run.type !== 'same').reduce((sum, run) => sum + run.count, 0)

describe('the word diff is exact however far it has to search', () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 80 }), fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 80 }), fc.integer({ min: 1, max: 6 })])(
    'with the search bounded to a few edits, the runs still give both sequences back',
    (a, b, maxCost) => {
      const runs = diffIds(a, b, { maxCost })
      expect(sides(a, b, runs)).toEqual({ before: a, after: b })
    }
  )

  test.prop([fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 60 })])(
    'below the bound it is the shortest script, as before',
    (a, b) => {
      expect(edits(diffIds(a, b, { maxCost: 1_000 }))).toBe(edits(diffIds(a, b, { maxCost: Number.MAX_SAFE_INTEGER })))
    }
  )

  it('a 60,000-word paragraph with 20,000 words changed is diffed exactly, near the shortest script', () => {
    let seed = 7
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    const a = Array.from({ length: 60_000 }, () => Math.floor(random() * 5_000))
    const b = a.map((word) => (random() < 1 / 3 ? word + 5_000 : word))
    const runs = diffIds(a, b)
    expect(sides(a, b, runs)).toEqual({ before: a, after: b })
    // Every changed word is one left out and one put in: a good script is close to 2 × 20,000 edits.
    const changed = b.filter((word, index) => word !== a[index]).length
    expect(edits(runs)).toBeLessThanOrEqual(2 * changed * 1.25)
  })
})
