import type { Operation } from '../types.js'
import type { Planner } from './types.js'

/** Move a clause (with everything under it) to follow, or precede, another. A clause cannot be moved by itself. */
export const moveClause: Planner<Extract<Operation, { type: 'move-clause' }>> = (operation, context) => {
  const clause = context.resolve(operation.clause)
  if ('reason' in clause) return context.fail(clause.reason, clause.code)
  const other = context.resolve(operation.after)
  if ('reason' in other) return context.fail(other.reason, other.code)
  if (clause.item || other.item) return context.fail('an item inside a paragraph cannot be moved; replace the paragraph instead', 'unknown-clause')
  if (clause.clause.id === other.clause.id) {
    return context.fail(`paragraph ${clause.clause.number || clause.clause.id} cannot be moved to ${operation.before ? 'precede' : 'follow'} itself`, 'unknown-clause')
  }
  return [{ input: context.input, instruction: context.instruction, operation, target: clause.clause.id, place: other.clause.id, where: operation.before ? 'before' : 'after' }]
}
