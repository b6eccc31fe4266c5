import { type ClauseDiff, clauseWords } from '../diff/change-set.js'
import type { WordPart } from '../diff/diff-words.js'

/**
 * A clause's text as a marked-up reader sees it, in runs: kept, struck and
 * inserted. The number comes first (`~~3.7~~` `<u>3.9</u>` when
 * renumbered), then the words; a whole inserted or left-out clause is one
 * run. A heading's `## ` is a kept run in front.
 */
export function clauseSegments(clause: ClauseDiff): WordPart[] {
  const { before, after } = clause
  if (clause.type === 'unchanged' && after) return [{ type: 'same', text: after.head + after.number + after.gap + after.body }]
  if ((clause.type === 'inserted' || clause.type === 'moved') && after) {
    return compact([{ type: 'same', text: after.head }, { type: 'inserted', text: after.number + after.gap + after.body }])
  }
  if ((clause.type === 'deleted' || clause.type === 'moved-away') && before) {
    return compact([{ type: 'same', text: before.head }, { type: 'deleted', text: before.number + before.gap + before.body }])
  }
  if (!before || !after) return []
  // A heading's level (or a paragraph become a heading) changes what comes before the number.
  const parts: WordPart[] =
    before.head === after.head
      ? [{ type: 'same', text: after.head }]
      : [
          { type: 'deleted', text: before.head },
          { type: 'inserted', text: after.head }
        ]
  if (before.number === after.number && before.gap === after.gap) parts.push({ type: 'same', text: after.number + after.gap })
  else {
    parts.push({ type: 'deleted', text: before.number }, { type: 'inserted', text: after.number })
    parts.push(...(before.gap === after.gap ? [{ type: 'same' as const, text: after.gap }] : [{ type: 'deleted' as const, text: before.gap }, { type: 'inserted' as const, text: after.gap }]))
  }
  parts.push(...clauseWords(clause))
  return compact(parts)
}

export function compact<Part extends WordPart>(parts: Part[]): Part[] {
  return parts.filter((part) => part.text !== '')
}
