import type { Operation } from '../types.js'
import { itemEdit } from './item-edit.js'
import type { Planner } from './types.js'

/** Leave out a clause with everything under it (or several: "leave out paragraphs 4.4 and 4.6", "10.5 to 10.7"), or an item of one. */
export const deleteClause: Planner<Extract<Operation, { type: 'delete-clause' }>> = (operation, context) => {
  if (operation.clause.by !== 'range') {
    const resolved = context.resolve(operation.clause)
    if ('reason' in resolved) return context.fail(resolved.reason, resolved.code)
    if (resolved.item) return [itemEdit(resolved.clause, resolved.item, null, context)]
  }
  const all = context.resolveAll(operation.clause)
  if ('reason' in all) return context.fail(all.reason, all.code)
  // "omit paragraphs (iii) to (v)": items of one clause, from the first to the last.
  if (all.items && all.clauses[0]) return [itemEdit(all.clauses[0], all.items, null, context)]
  return all.clauses.map((clause) => ({ input: context.input, instruction: context.instruction, operation, target: clause.id, place: '' }))
}
