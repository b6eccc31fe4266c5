import type { History } from '../core/history/history.js'
import type { Io } from './io.js'

/**
 * A history with parts that cannot be read as records: say so before printing what is read from it, which leaves
 * them out (a decision or version in them is missing from a log, a blame, a report or a paper), and name where to
 * look. `keeling verify` names every one.
 */
export function warnUnreadable(io: Io, slug: string, history: History): void {
  const [first] = history.problems
  if (!first) return
  const count = history.problems.length
  io.stderr(`keeling: history/${slug}.yml has ${count} part${count === 1 ? '' : 's'} that cannot be read as records (line ${first.line}: ${first.message}); what follows leaves ${count === 1 ? 'it' : 'them'} out — run keeling verify ${slug}\n`)
}
