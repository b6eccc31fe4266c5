import { planWordEdit } from '../plan-word-edit.js'
import { scopeClauses } from '../resolve-clause.js'
import type { Operation } from '../types.js'
import type { Planner } from './types.js'

type WordOperation = Extract<Operation, { type: 'replace-words' | 'delete-words' | 'insert-words' | 'insert-words-at' | 'delete-range' }>

/**
 * Leave out, put in or replace words: in the clause the instruction names
 * (or an item of it, `3(f)`), or in the whole text when it names none — as
 * "omit “X”" in an amending Act, where “X” must then occur once in all.
 */
export const changeWords: Planner<WordOperation> = (operation, context) => {
  const scope = operation.scope
  if (scope.type === 'motion') {
    return context.fail(`words of motion ${scope.motion} can only be changed by an amendment to it (\`amends: ${scope.motion}\`)`, 'not-an-amendment')
  }
  const nothing = emptyInsertion(operation)
  if (nothing) return context.fail(nothing, 'empty-words')
  let edits
  if (scope.type === 'document') {
    edits = planWordEdit(operation, context.base.all, { whole: true })
  } else {
    const resolved = context.resolve(scope.clause)
    if ('reason' in resolved) return context.fail(resolved.reason, resolved.code)
    edits = resolved.item ? planWordEdit(operation, [resolved.clause], { range: resolved.item }) : planWordEdit(operation, scopeClauses(resolved.clause, scope.heading))
  }
  if ('reason' in edits) return context.fail(edits.reason, edits.code)
  return edits.map((edit) => ({ ...edit, input: context.input, instruction: context.instruction }))
}

/** Why an operation that puts in no words is refused (`insert ""` would leave a gap, "information ."), or ''. */
function emptyInsertion(operation: WordOperation): string {
  if (operation.type === 'delete-words' || operation.type === 'delete-range') return ''
  if (operation.insert.trim() !== '') return ''
  return operation.type === 'replace-words'
    ? `the words to insert are empty; to take the words out, write leave out "${operation.words}"`
    : 'the words to insert are empty; quote the words to insert, such as insert "with officers"'
}
