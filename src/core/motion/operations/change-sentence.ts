import type { Clause } from '../../protocol/types.js'
import type { Operation } from '../types.js'
import { visibleText } from '../visible-text.js'
import type { Planner } from './types.js'

/** Where each sentence of a text lies: a sentence ends at . ! or ? before a space or the end ("e.g." and "i.e." do not end one). */
function sentences(text: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = []
  let start = text.search(/\S/)
  if (start < 0) return found
  const stop = /[.!?]["”’)]?(?=\s|$)/g
  for (let match = stop.exec(text); match; match = stop.exec(text)) {
    const end = match.index + match[0].length
    if (/\b(?:e\.g|i\.e|etc|no|para|cf|viz)\.$/i.test(text.slice(Math.max(0, end - 5), end))) continue
    found.push({ start, end })
    const next = text.slice(end).search(/\S/)
    if (next < 0) return found
    start = end + next
  }
  if (start < text.length) found.push({ start, end: text.replace(/\s+$/, '').length })
  return found
}

/**
 * Leave out or replace a sentence of a clause by its place ("the last
 * sentence of clause 4.4"); the sentence goes with the space before it.
 */
export const changeSentence: Planner<Extract<Operation, { type: 'change-sentence' }>> = (operation, context) => {
  if (operation.scope.type !== 'clause') return context.fail('say which paragraph the sentence is in: "delete the last sentence of clause 4.4"', 'unknown-clause')
  const resolved = context.resolve(operation.scope.clause)
  if ('reason' in resolved) return context.fail(resolved.reason, resolved.code)
  const clause: Clause = resolved.clause
  const visible = visibleText(clause)
  const all = sentences(visible.text)
  const chosen = operation.sentence > 0 ? all[operation.sentence - 1] : all[all.length + operation.sentence]
  const name = clause.number || clause.id
  if (!chosen) {
    return context.fail(`paragraph ${name} has ${all.length === 1 ? 'one sentence' : `${all.length} sentences`}, so there is no ${operation.sentence === -1 ? 'last' : `sentence ${operation.sentence}`} to change`, 'words-not-found')
  }
  const start = visible.offsets[chosen.start] ?? 0
  const end = (visible.offsets[chosen.end - 1] ?? start) + 1
  if (operation.insert !== null) {
    return [{ clauseId: clause.id, start, end, text: operation.insert.trim(), input: context.input, instruction: context.instruction }]
  }
  if (all.length === 1) return context.fail(`leaving out the only sentence of paragraph ${name} would leave it empty; leave out the paragraph instead`, 'empty-clause')
  // The space before the sentence goes with it; a first sentence takes the space after it instead.
  const source = clause.source
  // A sentence that is a whole paragraph goes with the blank line before it.
  const paragraph = /\n[ \t]*\n[ \t]*$/.exec(source.slice(0, start))
  if (paragraph && /^\s*$/.test(source.slice(end).split('\n')[0] ?? '')) {
    return [{ clauseId: clause.id, start: start - paragraph[0].length, end, text: '', input: context.input, instruction: context.instruction }]
  }
  const before = /[ \t]+$/.exec(source.slice(0, start))?.[0].length ?? 0
  const after = /^[ \t]+/.exec(source.slice(end))?.[0].length ?? 0
  const range = before > 0 ? { start: start - before, end } : { start, end: end + after }
  return [{ clauseId: clause.id, ...range, text: '', input: context.input, instruction: context.instruction }]
}
