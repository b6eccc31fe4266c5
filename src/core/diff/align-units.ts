import { type DiffUnit, unitText } from './diff-document.js'
import { tokenize } from './diff-words.js'
import { diffIds } from './myers.js'

/** One step of an alignment: a unit on both sides, on one side, or moved. */
export interface AlignedPair {
  type: 'same' | 'inserted' | 'deleted' | 'moved' | 'moved-away'
  before: DiffUnit | null
  after: DiffUnit | null
}

/** Both texts' units in reading order: the new text's order, with what left put where it stood. */
export type Alignment = AlignedPair[]

/**
 * Align the clauses of two keeling protocols by clause ID. A clause whose ID
 * is on both sides but which changed places among the others (outside the
 * longest run kept in order) is moved; left-out clauses and the places
 * moved clauses left stand where they stood in the old text.
 *
 * @param moved the clause IDs a motion moved: when two clauses change places either could be said to have
 *   moved, and these are the ones that did ("Move paragraph 10.1 to follow paragraph 10.2" moves 10.1)
 */
export function alignById(before: DiffUnit[], after: DiffUnit[], moved: ReadonlySet<string> = new Set()): Alignment {
  // A clause ID's place in the old text (its last, should an ID stand twice), and the new text's IDs.
  const oldIndex = new Map<string, number>()
  before.forEach((unit, index) => oldIndex.set(unit.id, index))
  const newIds = new Set<string>()
  const kept: Array<{ index: number; moved: boolean }> = []
  for (const unit of after) {
    newIds.add(unit.id)
    const index = oldIndex.get(unit.id)
    if (index !== undefined) kept.push({ index, moved: moved.has(unit.id) })
  }
  const inOrder = keptInOrder(kept)
  // What the old text loses from its place (by old index): left-out clauses and moved clauses' old places.
  const leaving: number[] = []
  before.forEach((unit, index) => {
    if (!newIds.has(unit.id) || !inOrder.has(index)) leaving.push(index)
  })
  const result: Alignment = []
  let next = 0
  const flushBefore = (index: number): void => {
    while (next < leaving.length && (leaving[next] ?? 0) < index) {
      const unit = before[leaving[next++] ?? 0]
      if (unit) result.push({ type: newIds.has(unit.id) ? 'moved-away' : 'deleted', before: unit, after: null })
    }
  }
  // The old index of the next clause kept in order, from each place on: what is left out before it is struck
  // before new clauses are put in there, so a replaced clause reads old then new, as a Keeling schedule has it.
  const nextKept: number[] = []
  for (let at = after.length - 1, next = Number.POSITIVE_INFINITY; at >= 0; at--) {
    const index = oldIndex.get(after[at]?.id ?? '')
    if (index !== undefined && inOrder.has(index)) next = index
    nextKept[at] = next
  }
  after.forEach((unit, at) => {
    const index = oldIndex.get(unit.id)
    if (index === undefined) {
      flushBefore(nextKept[at] ?? Number.POSITIVE_INFINITY)
      result.push({ type: 'inserted', before: null, after: unit })
      return
    }
    const old = before[index] ?? null
    if (!inOrder.has(index)) {
      result.push({ type: 'moved', before: old, after: unit })
      return
    }
    flushBefore(index)
    result.push({ type: 'same', before: old, after: unit })
  })
  flushBefore(Number.POSITIVE_INFINITY)
  return result
}

/**
 * The old indices (in the new text's order) that stay in order: the longest increasing run of those not
 * named as moved, then each named one that still falls in order between its neighbours in that run.
 */
function keptInOrder(kept: Array<{ index: number; moved: boolean }>): Set<number> {
  const inOrder = longestIncreasing(kept.filter((entry) => !entry.moved).map((entry) => entry.index))
  // From each place on, the old index of the next entry not named as moved that is in that run (it does not
  // change as named ones join the run).
  const nextInRun: number[] = []
  for (let position = kept.length - 1, next = Number.POSITIVE_INFINITY; position >= 0; position--) {
    nextInRun[position] = next
    const entry = kept[position]
    if (entry && !entry.moved && inOrder.has(entry.index)) next = entry.index
  }
  let previous = -1
  kept.forEach((entry, position) => {
    if (!entry.moved) {
      if (inOrder.has(entry.index)) previous = entry.index
      return
    }
    const next = nextInRun[position] ?? Number.POSITIVE_INFINITY
    if (entry.index > previous && entry.index < next) {
      inOrder.add(entry.index)
      previous = entry.index
    }
  })
  return inOrder
}

/**
 * Align two texts without clause IDs by content: identical units are
 * matched (common ends first, then patience alignment on unique units, then
 * Myers within the gaps); within each run of changes, units are paired
 * with the most similar unit on the other side, in order, when their words
 * are alike enough to be one clause changed rather than one left out and
 * another inserted. A unit left out and an identical one inserted
 * elsewhere is a move.
 */
export function alignByContent(before: DiffUnit[], after: DiffUnit[]): Alignment {
  const ids = new Map<string, number>()
  const key = (unit: DiffUnit): number => {
    const text = unitText(unit)
    let id = ids.get(text)
    if (id === undefined) ids.set(text, (id = ids.size))
    return id
  }
  const a = before.map(key)
  const b = after.map(key)
  const matches: Array<[number, number]> = []
  matchRange(a, b, 0, a.length, 0, b.length, matches)
  const result: Alignment = []
  let i = 0
  let j = 0
  for (const [mi, mj] of [...matches, [a.length, b.length] as [number, number]]) {
    pairChanged(before.slice(i, mi), after.slice(j, mj), result)
    if (mi < a.length) result.push({ type: 'same', before: before[mi] ?? null, after: after[mj] ?? null })
    i = mi + 1
    j = mj + 1
  }
  return findMoves(result)
}

/** Matched index pairs of a[aStart, aEnd) and b[bStart, bEnd), in order, appended to `out`. */
function matchRange(a: number[], b: number[], aStart: number, aEnd: number, bStart: number, bEnd: number, out: Array<[number, number]>): void {
  // Common prefix and suffix.
  while (aStart < aEnd && bStart < bEnd && a[aStart] === b[bStart]) out.push([aStart++, bStart++])
  const tail: Array<[number, number]> = []
  while (aEnd > aStart && bEnd > bStart && a[aEnd - 1] === b[bEnd - 1]) tail.push([--aEnd, --bEnd])
  if (aStart < aEnd && bStart < bEnd) {
    const anchors = uniqueAnchors(a, b, aStart, aEnd, bStart, bEnd)
    if (anchors.length > 0) {
      let i = aStart
      let j = bStart
      for (const [ai, bj] of anchors) {
        matchRange(a, b, i, ai, j, bj, out)
        out.push([ai, bj])
        i = ai + 1
        j = bj + 1
      }
      matchRange(a, b, i, aEnd, j, bEnd, out)
    } else {
      let i = aStart
      let j = bStart
      for (const change of diffIds(a.slice(aStart, aEnd), b.slice(bStart, bEnd))) {
        if (change.type === 'deleted') i += change.count
        else if (change.type === 'inserted') j += change.count
        else for (let k = 0; k < change.count; k++) out.push([i++, j++])
      }
    }
  }
  for (let k = tail.length - 1; k >= 0; k--) out.push(tail[k] as [number, number])
}

/** Units that occur once in each range, kept in the longest order both share (patience diff). */
function uniqueAnchors(a: number[], b: number[], aStart: number, aEnd: number, bStart: number, bEnd: number): Array<[number, number]> {
  const counts = new Map<number, { a: number; b: number; ai: number; bj: number }>()
  for (let i = aStart; i < aEnd; i++) {
    const value = a[i] ?? -1
    const entry = counts.get(value) ?? { a: 0, b: 0, ai: -1, bj: -1 }
    entry.a++
    entry.ai = i
    counts.set(value, entry)
  }
  for (let j = bStart; j < bEnd; j++) {
    const entry = counts.get(b[j] ?? -1)
    if (!entry) continue
    entry.b++
    entry.bj = j
  }
  const pairs: Array<[number, number]> = []
  for (const entry of counts.values()) if (entry.a === 1 && entry.b === 1) pairs.push([entry.ai, entry.bj])
  pairs.sort((x, y) => x[1] - y[1])
  const keep = longestIncreasing(pairs.map(([ai]) => ai))
  return pairs.filter(([ai]) => keep.has(ai))
}

/** The smallest likeness (shared words over all words) at which two units are one clause changed. */
const ALIKE = 0.4
/** Above this many candidate pairs a run of changes is paired by a greedy walk, not the best pairing. */
const PAIRING_LIMIT = 10_000

/** Emit a run of left-out and inserted units, pairing the alike ones as changed clauses. */
function pairChanged(removed: DiffUnit[], added: DiffUnit[], out: Alignment): void {
  if (removed.length === 0 || added.length === 0) {
    for (const unit of removed) out.push({ type: 'deleted', before: unit, after: null })
    for (const unit of added) out.push({ type: 'inserted', before: null, after: unit })
    return
  }
  const pairs = removed.length * added.length <= PAIRING_LIMIT ? bestPairs(removed, added) : greedyPairs(removed, added)
  let i = 0
  let j = 0
  for (const [pi, pj] of [...pairs, [removed.length, added.length] as [number, number]]) {
    while (i < pi) out.push({ type: 'deleted', before: removed[i++] ?? null, after: null })
    while (j < pj) out.push({ type: 'inserted', before: null, after: added[j++] ?? null })
    if (pi < removed.length) out.push({ type: 'same', before: removed[pi] ?? null, after: added[pj] ?? null })
    i = pi + 1
    j = pj + 1
  }
}

/** The in-order pairing with the greatest total likeness (a small dynamic programme). */
function bestPairs(removed: DiffUnit[], added: DiffUnit[]): Array<[number, number]> {
  const m = removed.length
  const n = added.length
  const bags = { removed: removed.map(wordBag), added: added.map(wordBag) }
  const score = new Float64Array((m + 1) * (n + 1))
  const alike = new Float64Array(m * n)
  for (let i = m - 1; i >= 0; i--) {
    const left = bags.removed[i] as WordBag
    for (let j = n - 1; j >= 0; j--) {
      const sim = likeness(left, bags.added[j] as WordBag)
      alike[i * n + j] = sim
      const take = sim >= ALIKE ? sim + (score[(i + 1) * (n + 1) + j + 1] ?? 0) : -1
      score[i * (n + 1) + j] = Math.max(take, score[(i + 1) * (n + 1) + j] ?? 0, score[i * (n + 1) + j + 1] ?? 0)
    }
  }
  const pairs: Array<[number, number]> = []
  let i = 0
  let j = 0
  while (i < m && j < n) {
    const here = score[i * (n + 1) + j] ?? 0
    const sim = alike[i * n + j] ?? 0
    if (sim >= ALIKE && here === sim + (score[(i + 1) * (n + 1) + j + 1] ?? 0)) pairs.push([i++, j++])
    else if (here === (score[(i + 1) * (n + 1) + j] ?? 0)) i++
    else j++
  }
  return pairs
}

/** For long runs of changes: walk both sides, pairing a unit with the alike one a few steps ahead. */
function greedyPairs(removed: DiffUnit[], added: DiffUnit[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = []
  const look = 8
  const bags = new Map<DiffUnit, WordBag>()
  const bagOf = (unit: DiffUnit): WordBag => {
    let bag = bags.get(unit)
    if (!bag) bags.set(unit, (bag = wordBag(unit)))
    return bag
  }
  let i = 0
  let j = 0
  while (i < removed.length && j < added.length) {
    let found: [number, number] | null = null
    for (let step = 0; step < look && !found; step++) {
      for (let d = 0; d <= step && !found; d++) {
        const ri = i + d
        const aj = j + step - d
        const left = removed[ri]
        const right = added[aj]
        if (left && right && likeness(bagOf(left), bagOf(right)) >= ALIKE) found = [ri, aj]
      }
    }
    if (!found) {
      i++
      continue
    }
    pairs.push(found)
    i = found[0] + 1
    j = found[1] + 1
  }
  return pairs
}

/** A unit's words and how often each occurs, with their total and the unit's shape, for {@link likeness}. */
interface WordBag {
  unit: DiffUnit
  counts: Map<string, number>
  total: number
  shape: string
}

function wordBag(unit: DiffUnit): WordBag {
  const counts = new Map<string, number>()
  let total = 0
  for (const token of tokenize(unit.body)) {
    const word = token.trim()
    if (word) {
      counts.set(word, (counts.get(word) ?? 0) + 1)
      total++
    }
  }
  return { unit, counts, total, shape: shape(unit) }
}

/** What a block is: a heading, a list, a table or running text. */
function shape(unit: DiffUnit): string {
  if (unit.kind === 'heading') return 'heading'
  if (/^(?:[-*+]|\d+[.)])[ \t]/.test(unit.number + unit.gap + unit.body)) return 'list'
  return unit.body.startsWith('|') ? 'table' : 'text'
}

/** Shared words over all words (Dice's coefficient on word counts); 0 across a heading, a list, a table and running text. */
function likeness(left: WordBag, right: WordBag): number {
  if (left.shape !== right.shape) return 0
  const total = left.total + right.total
  if (total === 0) return unitText(left.unit) === unitText(right.unit) ? 1 : 0.5
  const [few, many] = left.counts.size <= right.counts.size ? [left.counts, right.counts] : [right.counts, left.counts]
  let shared = 0
  for (const [word, count] of few) shared += Math.min(count, many.get(word) ?? 0)
  return (2 * shared) / total
}

/** A unit left out in one place and inserted word for word in another is a move. */
function findMoves(alignment: Alignment): Alignment {
  const inserted = new Map<string, AlignedPair[]>()
  for (const pair of alignment) {
    if (pair.type === 'inserted' && pair.after) {
      const list = inserted.get(unitText(pair.after)) ?? []
      list.push(pair)
      inserted.set(unitText(pair.after), list)
    }
  }
  if (inserted.size === 0) return alignment
  for (const pair of alignment) {
    if (pair.type !== 'deleted' || !pair.before) continue
    const target = inserted.get(unitText(pair.before))?.shift()
    if (!target) continue
    pair.type = 'moved-away'
    target.type = 'moved'
    target.before = pair.before
  }
  return alignment
}

/** The values of the longest strictly increasing subsequence. */
export function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = []
  const tailIndex: number[] = []
  const previous: number[] = []
  values.forEach((value, index) => {
    let low = 0
    let high = tails.length
    while (low < high) {
      const middle = (low + high) >> 1
      if ((tails[middle] ?? 0) < value) low = middle + 1
      else high = middle
    }
    tails[low] = value
    tailIndex[low] = index
    previous[index] = low > 0 ? (tailIndex[low - 1] ?? -1) : -1
  })
  const result = new Set<number>()
  for (let index = tailIndex[tails.length - 1] ?? -1; index >= 0; index = previous[index] ?? -1) result.add(values[index] ?? 0)
  return result
}
