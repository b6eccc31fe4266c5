/** A run of a diff: `count` items kept, left out (of `a`) or put in (from `b`). */
export interface DiffRun {
  type: 'same' | 'deleted' | 'inserted'
  count: number
}

/** How far one middle-snake search goes before it settles for a split that is good, not best (git's bound). */
export interface DiffBound {
  /** The edit distance a single search may reach; by default 2·√(n+m), and never less than 512. */
  maxCost?: number
}

/**
 * An edit script between two sequences of numbers (tokens or lines interned
 * to ids): Myers' O(ND) algorithm in linear space — common ends stripped,
 * then the middle snake found from both ends at once and each half solved
 * the same way. Always exact: the runs give both sequences back. Shortest
 * unless a search passes `maxCost` (a long paragraph with thousands of
 * scattered changes): it then splits where the forward search reached
 * furthest, as git's xdiff does, so no input takes quadratic time.
 */
export function diffIds(a: ArrayLike<number>, b: ArrayLike<number>, bound: DiffBound = {}): DiffRun[] {
  const runs: DiffRun[] = []
  const push = (type: DiffRun['type'], count: number): void => {
    if (count === 0) return
    const last = runs.at(-1)
    if (last && last.type === type) last.count += count
    else runs.push({ type, count })
  }
  const maxCost = bound.maxCost ?? Math.max(512, Math.ceil(2 * Math.sqrt(a.length + b.length)))
  // Both as Int32Array (one shape for the search loops), and one pair of search vectors for every middle snake.
  const left = a instanceof Int32Array ? a : Int32Array.from(a)
  const right = b instanceof Int32Array ? b : Int32Array.from(b)
  const reach = Math.min(Math.ceil((a.length + b.length) / 2), maxCost) + 2
  const vectors = { forward: new Int32Array(2 * reach + 2), backward: new Int32Array(2 * reach + 2), reach }
  solve(left, 0, left.length, right, 0, right.length, push, maxCost, vectors)
  // Within a run of changes, left-out items come before put-in ones.
  const ordered: DiffRun[] = []
  for (const run of runs) {
    const last = ordered.at(-1)
    const beforeLast = ordered.at(-2)
    if (run.type === 'deleted' && last?.type === 'inserted') {
      if (beforeLast?.type === 'deleted') beforeLast.count += run.count
      else ordered.splice(ordered.length - 1, 0, { ...run })
    } else if (last && last.type === run.type) last.count += run.count
    else ordered.push({ ...run })
  }
  return ordered
}

type Push = (type: DiffRun['type'], count: number) => void

/** The forward and backward furthest-reaching points of a middle-snake search, by diagonal, reused by every search. */
interface Vectors {
  forward: Int32Array
  backward: Int32Array
  /** How many diagonals either side of the middle they hold: more than any search reaches. */
  reach: number
}

function solve(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, push: Push, maxCost: number, vectors: Vectors): void {
  let prefix = 0
  while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] === b[bLo + prefix]) prefix++
  let suffix = 0
  while (aHi - suffix > aLo + prefix && bHi - suffix > bLo + prefix && a[aHi - suffix - 1] === b[bHi - suffix - 1]) suffix++
  push('same', prefix)
  const x0 = aLo + prefix
  const x1 = aHi - suffix
  const y0 = bLo + prefix
  const y1 = bHi - suffix
  if (x0 === x1) push('inserted', y1 - y0)
  else if (y0 === y1) push('deleted', x1 - x0)
  else {
    const split = middleSnake(a, x0, x1, b, y0, y1, maxCost, vectors)
    if (split === null) {
      push('deleted', x1 - x0)
      push('inserted', y1 - y0)
    } else {
      solve(a, x0, x0 + split[0], b, y0, y0 + split[1], push, maxCost, vectors)
      solve(a, x0 + split[0], x1, b, y0 + split[1], y1, push, maxCost, vectors)
    }
  }
  push('same', suffix)
}

/**
 * Where a shortest edit path crosses the middle (Myers' middle snake,
 * searched forward and backward at once), as a split point (x, y) relative
 * to the ranges' starts; null when the ranges share nothing. Past
 * `maxCost` edits, the point the forward search reached furthest: any
 * point inside the ranges splits them into two smaller problems.
 */
function middleSnake(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, maxCost: number, vectors: Vectors): [number, number] | null {
  const n = aHi - aLo
  const m = bHi - bLo
  const maxD = Math.ceil((n + m) / 2)
  // Diagonal k is at index offset + k. A search reaches diagonals -d…d for d < min(maxD, maxCost); outside those
  // (and outside the vectors) a point reads as not reached (-1), as in vectors of the full width 2·maxD + 2.
  const offset = vectors.reach
  const span = Math.min(maxD, maxCost) + 1
  const { forward, backward } = vectors
  forward.fill(-1, offset - span, offset + span + 1)
  backward.fill(-1, offset - span, offset + span + 1)
  forward[offset + 1] = 0
  backward[offset + 1] = 0
  const delta = n - m
  const front = delta % 2 !== 0
  let k1start = 0
  let k1end = 0
  let k2start = 0
  let k2end = 0
  for (let d = 0; d < maxD; d++) {
    if (d >= maxCost) return furthest(forward, offset, d, k1start, k1end, n, m)
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const i = offset + k1
      let x = k1 === -d || (k1 !== d && (forward[i - 1] ?? -1) < (forward[i + 1] ?? -1)) ? (forward[i + 1] ?? 0) : (forward[i - 1] ?? 0) + 1
      let y = x - k1
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++
        y++
      }
      forward[i] = x
      if (x > n) k1end += 2
      else if (y > m) k1start += 2
      else if (front) {
        const j = offset + delta - k1
        if (j >= offset - span && j <= offset + span && (backward[j] ?? -1) !== -1 && x >= n - (backward[j] ?? 0)) return [x, y]
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const i = offset + k2
      let x = k2 === -d || (k2 !== d && (backward[i - 1] ?? -1) < (backward[i + 1] ?? -1)) ? (backward[i + 1] ?? 0) : (backward[i - 1] ?? 0) + 1
      let y = x - k2
      while (x < n && y < m && a[aHi - x - 1] === b[bHi - y - 1]) {
        x++
        y++
      }
      backward[i] = x
      if (x > n) k2end += 2
      else if (y > m) k2start += 2
      else if (!front) {
        const j = offset + delta - k2
        if (j >= offset - span && j <= offset + span && (forward[j] ?? -1) !== -1) {
          const fx = forward[j] ?? 0
          const fy = fx - (j - offset)
          if (fx >= n - x) return [fx, fy]
        }
      }
    }
  }
  return null
}

/** The forward search's furthest point (most of both sequences read) after `d` edits: a split strictly inside the ranges. */
function furthest(forward: Int32Array, offset: number, d: number, kStart: number, kEnd: number, n: number, m: number): [number, number] | null {
  let best: [number, number] | null = null
  for (let k = -(d - 1) + kStart; k <= d - 1 - kEnd; k += 2) {
    const x = Math.min(forward[offset + k] ?? -1, n)
    const y = x - k
    if (x < 0 || y < 0 || y > m || x + y === 0 || x + y >= n + m) continue
    if (!best || x + y > best[0] + best[1]) best = [x, y]
  }
  return best
}
