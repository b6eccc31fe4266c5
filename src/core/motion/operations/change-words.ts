import { planWordEdit, type SourceRange } from '../plan-word-edit.js'
import { type Resolved, scopeClauses } from '../resolve-clause.js'
import type { Operation } from '../types.js'
import type { Protocol } from '../../protocol/types.js'
import { linesWith, pageOf } from '../line-numbers.js'
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
    if (scope.opening) {
      const opening = beforeFirstItem(resolved.clause.source, resolved.item?.start ?? 0, resolved.item?.end ?? resolved.clause.source.length)
      if (!opening) return context.fail('the clause named has no items, so it has no opening words before them', 'unknown-clause')
      edits = planWordEdit(operation, [resolved.clause], { range: opening })
    } else if (scope.before) {
      const opening = openingWords(resolved, context.resolve(scope.before))
      if ('reason' in opening) return context.fail(opening.reason, opening.code)
      edits = planWordEdit(operation, [resolved.clause], { range: opening })
    } else edits = resolved.item ? planWordEdit(operation, [resolved.clause], { range: resolved.item }) : planWordEdit(operation, scopeClauses(resolved.clause, scope.heading))
  }
  if ('reason' in edits) return context.fail(lineCited(operation, context.base) ?? edits.reason, edits.code)
  return edits.map((edit) => ({ ...edit, input: context.input, instruction: context.instruction }))
}

/**
 * Words not found on the line a motion cites ("Line 14, leave out …"): said as a line, with the lines the
 * words are on, for the motion to cite instead.
 */
function lineCited(operation: WordOperation, base: Protocol): string | null {
  const scope = operation.scope
  if (scope.type !== 'clause' || scope.clause.by !== 'path' || !/^lines?$/i.test(scope.clause.unit)) return null
  const words = 'words' in operation ? operation.words : operation.type === 'delete-range' ? operation.from : ''
  if (!words) return null
  const found = linesWith(base, words)
  // On the line cited, but more than once: more words are needed, not another line.
  const cited = Number(scope.clause.path[0] ?? 0)
  if (found.includes(cited)) return `“${words}” occurs more than once on ${scope.clause.text.toLowerCase()}; quote more of the words around it so that it occurs once there`
  // Cited by page and line, the lines it is on are said so too.
  const paged = /^page /i.test(scope.clause.text)
  const say = (number: number): string => {
    const { page, line } = pageOf(number)
    return paged ? `page ${page}, line ${line}` : `line ${number}`
  }
  // The first few lines it is on; a common word's hundred lines help no one.
  const shown = found.slice(0, 6)
  const more = found.length > shown.length ? ` and ${found.length - shown.length} more` : ''
  const where = found.length === 0 ? 'on no line of the text' : paged ? shown.map(say).join('; ') + more : `on line${found.length === 1 ? '' : 's'} ${shown.join(', ')}${more}`
  return `“${words}” is not on ${scope.clause.text.toLowerCase()}; it is ${paged && found.length > 0 ? `on ${where}` : where} (as keeling show --line-numbers numbers them)`
}

/** Why an operation that puts in no words is refused (`insert ""` would leave a gap, "information ."), or ''. */
function emptyInsertion(operation: WordOperation): string {
  if (operation.type === 'delete-words' || operation.type === 'delete-range') return ''
  if (operation.insert.trim() !== '') return ''
  return operation.type === 'replace-words'
    ? `the words to insert are empty; to take the words out, write leave out "${operation.words}"`
    : 'the words to insert are empty; quote the words to insert, such as insert "with officers"'
}

/** "In the opening words": the words of a clause (or of an item of it) before the first item under them, if it has any. */
function beforeFirstItem(source: string, start: number, end: number): SourceRange | null {
  const item = /\n[ \t]*(?:[-*+][ \t]+)?(?:\([a-z0-9]{1,5}\)|[a-z0-9]{1,3}[.)])[ \t]/i.exec(source.slice(start, end))
  return item ? { start, end: start + item.index } : null
}

/** The words of a clause (or of an item of it) before an item inside it: the chapeau that "the words before sub-paragraph (a)" names. */
function openingWords(scope: Resolved, item: Resolved): SourceRange | { reason: string; code: string } {
  if ('reason' in scope) return scope
  if ('reason' in item) return item
  const start = scope.item?.start ?? 0
  if (item.clause !== scope.clause || !item.item || item.item.start <= start) return { reason: `${item.item?.label ?? 'that'} is not an item inside the clause named`, code: 'unknown-clause' }
  return { start, end: item.item.start }
}
