import type { Clause } from '../../protocol/types.js'
import type { Operation } from '../types.js'
import type { PlanContext, PlannedEdit, Planner } from './types.js'

/** Put new clauses in: after or before a clause, at the end of a section, where a new number falls, or at the end. */
export const insertClauses: Planner<Extract<Operation, { type: 'insert-clauses' }>> = (operation, context) => {
  const planned = { input: context.input, instruction: context.instruction, operation, target: '' }
  const place = operation.place
  switch (place.type) {
    case 'end':
      return [{ ...planned, place: '', where: 'end' }]
    case 'as-number': {
      // "Add a new clause 8": after clause 7, or, for the first of its level, first under the clause it belongs to.
      const number = place.number
      if (number.by !== 'path' || number.path.length === 0) return [{ ...planned, place: '', where: 'end' }]
      const previous = previousPath(number.path)
      if (previous) {
        const before = context.resolve({ ...number, path: previous, text: previous.join('.') })
        if (!('reason' in before) && !before.item) return [{ ...planned, place: before.clause.id, where: 'after' }]
      }
      const parent = number.path.slice(0, -1)
      if (parent.length > 0) {
        const owner = context.resolve({ ...number, path: parent, text: parent.join('.') })
        if (!('reason' in owner) && !owner.item) return [{ ...planned, place: owner.clause.id, where: 'after' }]
      }
      return [{ ...planned, place: '', where: 'end' }]
    }
    default: {
      const resolved = context.resolve(place.clause)
      if ('reason' in resolved) return context.fail(resolved.reason, resolved.code)
      if (resolved.item) return [itemInsert(resolved.clause, resolved.item, operation.clauses, place.type === 'before' ? 'before' : 'after', context)]
      return [{ ...planned, place: resolved.clause.id, where: place.type === 'before' ? 'before' : 'after' }]
    }
  }
}

/** The number before a number at its level: 8 → 7, 3.2 → 3.1, (c) → (b), 61A → 61, 61B → 61A; none before a first. */
function previousPath(path: string[]): string[] | null {
  const last = path.at(-1) ?? ''
  let previous = ''
  const lettered = /^(\d+)([a-z])$/.exec(last)
  if (/^\d+$/.test(last)) previous = Number(last) > 1 ? String(Number(last) - 1) : ''
  else if (/^[a-z]$/.test(last)) previous = last > 'a' ? String.fromCharCode(last.charCodeAt(0) - 1) : ''
  else if (lettered) previous = lettered[2] === 'a' ? (lettered[1] ?? '') : `${lettered[1] ?? ''}${String.fromCharCode((lettered[2] ?? 'b').charCodeAt(0) - 1)}`
  return previous === '' ? null : [...path.slice(0, -1), previous]
}

/**
 * New items after (or before) an item inside a clause — "after sub-paragraph
 * (c) insert— (ca) …" — as an edit of the clause's source, set off as the
 * items around it are (a line break, or a blank line) and indented as the item is.
 */
function itemInsert(clause: Clause, item: { start: number; end: number }, texts: string[], where: 'after' | 'before', context: PlanContext): PlannedEdit {
  const source = clause.source
  const indent = /^[ \t]*(?:[-*+][ \t]+)?/.exec(source.slice(item.start))?.[0] ?? ''
  const before = source.slice(0, item.start)
  const gap = /\n[ \t]*\n[ \t]*$/.test(before) ? '\n\n' : '\n'
  const lines = texts.map((text) => indent + text).join(gap)
  if (where === 'before') return { clauseId: clause.id, start: item.start, end: item.start, text: lines + gap, input: context.input, instruction: context.instruction }
  return { clauseId: clause.id, start: item.end, end: item.end, text: gap + lines, input: context.input, instruction: context.instruction }
}
