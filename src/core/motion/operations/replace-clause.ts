import type { Operation } from '../types.js'
import { itemEdit } from './item-edit.js'
import type { MotionProblem } from '../apply-motions.js'
import type { PlanContext, Planned, Planner } from './types.js'

/**
 * Replace a clause with new text ("leave out paragraph 2.1 and insert:",
 * "amend section 5.13 to read:"), or an item of one. A section replaced by
 * plain paragraphs ("substitute for Section 2 the following paragraph: …")
 * keeps its heading: the paragraphs under it, before any subsection, give
 * way to the new text.
 */
export const replaceClause: Planner<Extract<Operation, { type: 'replace-clause' }>> = (operation, context) => {
  if (operation.clause.by === 'range') return replaceRange(operation, context)
  const resolved = context.resolve(operation.clause)
  if ('reason' in resolved) return context.fail(resolved.reason, resolved.code)
  if (resolved.item) return [itemEdit(resolved.clause, resolved.item, operation.clauses, context)]
  const clause = resolved.clause
  // New text that opens with a heading, or with the section's own number ("Section 4. …"), replaces the section whole.
  const headingGiven = operation.clauses.some((text) => /^#{1,6}\s/.test(text)) || (clause.number !== '' && (operation.clauses[0] ?? '').startsWith(clause.number.replace(/[.:]$/, '')))
  const body = clause.kind === 'heading' ? clause.children.slice(0, firstHeading(clause.children)) : []
  const [first, ...rest] = body
  if (!headingGiven && first) {
    const planned: Planned[] = [{ input: context.input, instruction: context.instruction, operation, target: first.id, place: '' }]
    for (const other of rest) planned.push({ input: context.input, instruction: context.instruction, operation: { type: 'delete-clause', clause: { by: 'id', value: other.id } }, target: other.id, place: '' })
    return planned
  }
  return [{ input: context.input, instruction: context.instruction, operation, target: clause.id, place: '' }]
}

/** A range replaced ("leave out paragraphs (a) to (c) and insert— …"): items of one clause as one stretch; clauses, the first replaced and the rest left out. */
function replaceRange(operation: Extract<Operation, { type: 'replace-clause' }>, context: PlanContext): Planned[] | MotionProblem {
  const all = context.resolveAll(operation.clause)
  if ('reason' in all) return context.fail(all.reason, all.code)
  const [first, ...rest] = all.clauses
  if (!first) return context.fail(`${operation.clause.by === 'range' ? operation.clause.text : 'the range'} names no paragraph`, 'unknown-clause')
  if (all.items) return [itemEdit(first, all.items, operation.clauses, context)]
  const planned: Planned[] = [{ input: context.input, instruction: context.instruction, operation: { ...operation, clause: { by: 'id', value: first.id } }, target: first.id, place: '' }]
  for (const other of rest) planned.push({ input: context.input, instruction: context.instruction, operation: { type: 'delete-clause', clause: { by: 'id', value: other.id } }, target: other.id, place: '' })
  return planned
}

function firstHeading(children: Array<{ kind: string }>): number {
  const at = children.findIndex((child) => child.kind === 'heading')
  return at === -1 ? children.length : at
}
