import type { MotionProblem } from '../apply-motions.js'
import type { Operation } from '../types.js'
import { changeSentence } from './change-sentence.js'
import { changeWords } from './change-words.js'
import { deleteClause } from './delete-clause.js'
import { insertClauses } from './insert-clauses.js'
import { moveClause } from './move-clause.js'
import { renumberClause } from './renumber-clause.js'
import { replaceClause } from './replace-clause.js'
import type { PlanContext, Planned } from './types.js'

export type { Planned, PlannedEdit, PlannedStructure, PlanContext, StructuralOperation } from './types.js'

/** What an operation comes to in the base text: each kind of operation has its planner, in a file of its own. */
export function planOperation(operation: Operation, context: PlanContext): Planned[] | MotionProblem {
  switch (operation.type) {
    case 'replace-words':
    case 'delete-words':
    case 'insert-words':
    case 'insert-words-at':
    case 'delete-range':
      return changeWords(operation, context)
    case 'delete-clause':
      return deleteClause(operation, context)
    case 'replace-clause':
      return replaceClause(operation, context)
    case 'insert-clauses':
      return insertClauses(operation, context)
    case 'move-clause':
      return moveClause(operation, context)
    case 'renumber-clause':
      return renumberClause(operation, context)
    case 'change-sentence':
      return changeSentence(operation, context)
  }
}
