import type { Operation } from '../types.js'
import { itemEdit } from './item-edit.js'
import type { Planner } from './types.js'

/** Replace a clause with new text ("leave out paragraph 2.1 and insert:", "amend section 5.13 to read:"), or an item of one. */
export const replaceClause: Planner<Extract<Operation, { type: 'replace-clause' }>> = (operation, context) => {
  const resolved = context.resolve(operation.clause)
  if ('reason' in resolved) return context.fail(resolved.reason, resolved.code)
  if (resolved.item) return [itemEdit(resolved.clause, resolved.item, operation.clauses, context)]
  return [{ input: context.input, instruction: context.instruction, operation, target: resolved.clause.id, place: '' }]
}
