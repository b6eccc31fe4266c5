import type { Clause } from '../../protocol/types.js'
import type { PlanContext, PlannedEdit } from './types.js'

/**
 * Leave out (`text` null) or replace an item inside a clause — `(f)` of
 * Standing Order 3 — as an edit of the clause's source. A replacement keeps
 * the item's label unless the new text gives one.
 */
export function itemEdit(clause: Clause, item: { start: number; end: number; label: string }, text: string[] | null, context: PlanContext): PlannedEdit {
  const source = clause.source
  if (text === null) {
    // The item goes with the line break (and blank line) before it.
    const start = source.slice(0, item.start).replace(/\s+$/, '').length
    return { clauseId: clause.id, start, end: item.end, text: '', input: context.input, instruction: context.instruction }
  }
  const body = text.join('\n\n')
  const indent = /^[ \t]*(?:[-*+][ \t]+)?/.exec(source.slice(item.start))?.[0] ?? ''
  const labelled = /^(?:\([a-z0-9]{1,6}\)|[a-z0-9]{1,6}[.)])[ \t]/i.test(body)
  const start = item.start + indent.length + (labelled ? 0 : item.label.length + 1)
  return { clauseId: clause.id, start, end: item.end, text: body, input: context.input, instruction: context.instruction }
}
