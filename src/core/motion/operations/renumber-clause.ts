import type { Operation } from '../types.js'
import type { Planner } from './types.js'

/** "Renumber paragraph 9.2 as 9.1": the clause takes the number given, and those after it at its level follow it. */
export const renumberClause: Planner<Extract<Operation, { type: 'renumber-clause' }>> = (operation, context) => {
  const resolved = context.resolve(operation.clause)
  if ('reason' in resolved) return context.fail(resolved.reason, resolved.code)
  if (resolved.item) {
    const label = resolved.item.label
    const at = resolved.clause.source.indexOf(label, resolved.item.start)
    const inner = /[a-z0-9]+/i.exec(label)
    const from = at + (inner?.index ?? 0)
    // "renumber paragraph 3(j) as 3(i)": the item takes the last step of the number given.
    const wanted = /([a-z0-9]+)\)?\.?$/i.exec(operation.number)?.[1] ?? operation.number
    return [{ clauseId: resolved.clause.id, start: from, end: from + (inner?.[0].length ?? 0), text: wanted, input: context.input, instruction: context.instruction }]
  }
  if (resolved.clause.number === '') return context.fail(`paragraph ${resolved.clause.id} has no number to change; give it one by replacing the paragraph`, 'unknown-clause')
  return [{ input: context.input, instruction: context.instruction, operation, target: resolved.clause.id, place: '' }]
}
