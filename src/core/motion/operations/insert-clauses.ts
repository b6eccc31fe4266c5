import type { Operation } from '../types.js'
import type { Planner } from './types.js'

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
      if (resolved.item) return context.fail('new paragraphs go after or before a paragraph, not an item inside one; replace the paragraph instead', 'unknown-clause')
      return [{ ...planned, place: resolved.clause.id, where: place.type === 'before' ? 'before' : 'after' }]
    }
  }
}

/** The number before a number at its level: 8 → 7, 3.2 → 3.1, (c) → (b); none before a first. */
function previousPath(path: string[]): string[] | null {
  const last = path.at(-1) ?? ''
  let previous = ''
  if (/^\d+$/.test(last)) previous = Number(last) > 1 ? String(Number(last) - 1) : ''
  else if (/^[a-z]$/.test(last)) previous = last > 'a' ? String.fromCharCode(last.charCodeAt(0) - 1) : ''
  return previous === '' ? null : [...path.slice(0, -1), previous]
}
