import { ANCHOR } from './clause-id.js'
import type { Clause } from './types.js'

/**
 * The words a clause opens with, after its number and without Markdown
 * marks: what "the paragraph beginning …" refers to. A clause that opens
 * with a list or table opens with its first item's words.
 */
export function clauseOpening(clause: Clause): string {
  const lines = clause.source.split('\n')
  const first = (lines[0] ?? '').replace(/^#{1,6}[ \t]*/, '').replace(ANCHOR, '')
  const afterNumber = clause.number !== '' ? first.slice(first.indexOf(clause.number) + clause.number.length) : first
  const text = afterNumber.trim() !== '' ? afterNumber : (lines.slice(1).find((line) => line.trim() !== '') ?? '')
  return text
    .replace(/^\s*(?:[-*+]|\|)\s*/, '')
    .replace(/<\/?u>|~~|\*\*|__/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
}

/** Words compared as a reader compares them: any case, curly or straight quotes, any spacing. */
export function normalizeWords(text: string): string {
  return text.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim()
}
