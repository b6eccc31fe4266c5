import { visibleText } from '../motion/visible-text.js'
import type { Clause, Protocol } from '../protocol/types.js'

/** What happened to one clause between two texts of a protocol, matched by clause ID. */
export interface ClauseChange {
  type: 'unchanged' | 'changed' | 'inserted' | 'deleted' | 'moved'
  id: string
  numberBefore: string
  numberAfter: string
  /** The clause's words (no ID, no number), before and after; '' where it does not exist. */
  before: string
  after: string
}

/**
 * Align two texts of a protocol clause by clause, by ID: each clause of the
 * new text in order, with each left-out clause where it stood. A clause that
 * kept its ID but changed places among the others is `moved`.
 */
export function compareClauses(before: Protocol, after: Protocol): ClauseChange[] {
  const old = new Map(before.all.map((clause, index) => [clause.id, { clause, index }]))
  const kept = new Set(after.all.filter((clause) => old.has(clause.id)).map((clause) => clause.id))
  const inOrder = longestIncreasing(after.all.filter((clause) => kept.has(clause.id)).map((clause) => old.get(clause.id)?.index ?? 0))
  const changes: ClauseChange[] = []
  const present = new Set(after.all.map((clause) => clause.id))
  const deleted = before.all.filter((clause) => !present.has(clause.id))
  let nextDeleted = 0
  const flushDeletedBefore = (index: number): void => {
    while (nextDeleted < deleted.length && (old.get(deleted[nextDeleted]?.id ?? '')?.index ?? 0) < index) {
      const clause = deleted[nextDeleted++]
      if (clause) changes.push({ type: 'deleted', id: clause.id, numberBefore: clause.number, numberAfter: '', before: words(clause), after: '' })
    }
  }
  for (const clause of after.all) {
    const previous = old.get(clause.id)
    if (!previous) {
      changes.push({ type: 'inserted', id: clause.id, numberBefore: '', numberAfter: clause.number, before: '', after: words(clause) })
      continue
    }
    flushDeletedBefore(previous.index)
    const moved = !inOrder.has(previous.index)
    const was = previous.clause
    // Equal sources are equal words: the words of a large unchanged text are only read if asked for.
    const same = was.source === clause.source || (was.number === clause.number && words(was) === words(clause))
    changes.push({
      type: moved ? 'moved' : same ? 'unchanged' : 'changed',
      id: clause.id,
      numberBefore: was.number,
      numberAfter: clause.number,
      get before() {
        return words(was)
      },
      get after() {
        return words(clause)
      }
    })
  }
  flushDeletedBefore(Number.POSITIVE_INFINITY)
  return changes
}

function words(clause: Clause): string {
  return visibleText(clause).text
}

/** The values of the longest increasing subsequence: clauses in the same order on both sides. */
function longestIncreasing(values: number[]): Set<number> {
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
