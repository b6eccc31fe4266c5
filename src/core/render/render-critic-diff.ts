import type { ChangeSet } from '../diff/change-set.js'
import { unitText } from '../diff/diff-document.js'
import type { WordPart } from '../diff/diff-words.js'
import { clauseSegments } from './clause-segments.js'

/**
 * The whole text with its changes in CriticMarkup (http://criticmarkup.com),
 * as editors and pandiff write it: `{--struck--}`, `{++inserted++}`, and
 * words replaced as `{~~old~>new~~}`; a clause put in or left out is marked
 * whole with the blank lines after it, so that rejecting every change gives
 * the old text exactly as a reader has it, and accepting every change the new.
 */
export function renderCriticDiff(changeSet: ChangeSet): string {
  const { before, after } = changeSet
  let text = before.lead === after.lead ? after.lead : substitution(before.lead, after.lead)
  for (const clause of changeSet.clauses) {
    if ((clause.type === 'inserted' || clause.type === 'moved') && clause.after) text += mark(unitText(clause.after) + clause.after.trailing, '++')
    else if ((clause.type === 'deleted' || clause.type === 'moved-away') && clause.before) text += mark(unitText(clause.before) + clause.before.trailing, '--')
    else if (clause.after && clause.before) text += marked(clauseSegments(clause)) + (clause.before.trailing === clause.after.trailing ? clause.after.trailing : substitution(clause.before.trailing, clause.after.trailing))
  }
  return text
}

function marked(parts: WordPart[]): string {
  let out = ''
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] as WordPart
    const next = parts[index + 1]
    if (part.type === 'same') out += part.text
    else if (part.type === 'deleted' && next?.type === 'inserted') {
      out += substitution(part.text, next.text)
      index++
    } else out += mark(part.text, part.type === 'deleted' ? '--' : '++')
  }
  return out
}

function mark(text: string, sign: '--' | '++'): string {
  return text === '' ? '' : `{${sign}${text}${sign}}`
}

function substitution(old: string, now: string): string {
  if (old === '') return mark(now, '++')
  if (now === '') return mark(old, '--')
  return `{~~${old}~>${now}~~}`
}
