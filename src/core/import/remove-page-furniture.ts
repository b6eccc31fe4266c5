import { bulletOf, endsMidSentence, startsLowercase, wordCount } from './text-shape.js'
import { splitClauseNumber } from '../protocol/clause-number.js'
import type { ImportNote, SourceLine } from './types.js'

/** A run of non-blank lines. */
export type Block = SourceLine[]

const PAGE_NUMBER = /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i

/**
 * Remove what a printed page adds to a text: page numbers, lone symbols,
 * running headers and footers repeated on many pages, and a short line set
 * in the middle of a sentence ("… prejudice the / Reviewed and revised
 * February 2016 / Council's position …"). Then rejoin every sentence a page
 * break split. Each removal and each join is reported.
 */
export function removePageFurniture(blocks: Block[]): { blocks: Block[]; notes: ImportNote[] } {
  const notes: ImportNote[] = []
  const repeated = repeatedLines(blocks)
  const kept: Block[] = []
  const removedBefore = new Set<Block>()
  blocks.forEach((block, index) => {
    const reason = furnitureReason(block, kept.at(-1), blocks[index + 1], repeated)
    if (reason) {
      const line = block[0]
      if (line) notes.push({ line: line.line, message: `removed ${reason} "${line.text.trim()}"` })
      const next = blocks[index + 1]
      if (next) removedBefore.add(next)
    } else {
      kept.push(block)
    }
  })
  return { blocks: rejoin(kept, removedBefore, notes), notes }
}

function furnitureReason(block: Block, previous: Block | undefined, next: Block | undefined, repeated: Set<string>): string {
  if (block.length !== 1) return ''
  const text = (block[0]?.text ?? '').trim()
  if (!/[\p{L}\p{N}]/u.test(text)) return 'a stray symbol'
  if (PAGE_NUMBER.test(text)) return 'a page number'
  if (repeated.has(text)) return 'a running header or footer'
  const last = previous?.at(-1)?.text ?? ''
  const first = next?.[0]?.text ?? ''
  if (
    previous &&
    next &&
    wordCount(text) <= 12 &&
    !startsClause(text) &&
    !endsWithStop(text) &&
    endsMidSentence(last) &&
    !headingLike(last) &&
    !isListItem(last) &&
    !startsClause(first)
  ) {
    return 'page furniture in mid-sentence'
  }
  return ''
}

/** Short one-line blocks seen three or more times are running headers or footers. */
function repeatedLines(blocks: Block[]): Set<string> {
  const counts = new Map<string, number>()
  for (const block of blocks) {
    const text = block.length === 1 ? (block[0]?.text ?? '').trim() : ''
    if (text && wordCount(text) <= 10 && !startsClause(text)) counts.set(text, (counts.get(text) ?? 0) + 1)
  }
  return new Set([...counts].filter(([, count]) => count >= 3).map(([text]) => text))
}

function rejoin(blocks: Block[], removedBefore: Set<Block>, notes: ImportNote[]): Block[] {
  const result: Block[] = []
  for (const block of blocks) {
    const previous = result.at(-1)
    const last = previous?.at(-1)
    const first = block[0]
    if (
      previous &&
      last &&
      first &&
      endsMidSentence(last.text) &&
      !headingLike(last.text) &&
      !startsClause(first.text) &&
      (startsLowercase(first.text) || removedBefore.has(block))
    ) {
      previous[previous.length - 1] = { line: last.line, text: joinLines(last.text, first.text) }
      previous.push(...block.slice(1))
      notes.push({ line: first.line, message: `rejoined the sentence split across lines ${last.line} and ${first.line}` })
    } else {
      result.push(block.map((line) => ({ ...line })))
    }
  }
  return result
}

/** Join two halves of a sentence; a strike or underline running across the break becomes one. */
function joinLines(left: string, right: string): string {
  const a = left.replace(/\s+$/, '')
  const b = right.replace(/^\s+/, '')
  for (const [close, open] of [['~~', '~~'], ['</u>', '<u>']] as const) {
    if (a.endsWith(close) && b.startsWith(open)) return `${a.slice(0, -close.length)} ${b.slice(open.length)}`
  }
  return `${a} ${b}`
}

/** Whether a line opens a clause, a list item or a heading. */
export function startsClause(text: string): boolean {
  const trimmed = text.trim()
  if (trimmed.startsWith('#') || bulletOf(text) !== '') return true
  // A numbered heading ("Section 1. Proposals …", "13 CODE OF CONDUCT") starts a clause: it is never page furniture.
  return splitClauseNumber(trimmed, false).number !== '' || /^\d+[ \t]+\p{Lu}/u.test(trimmed) || /^(?:article|section|part|chapter|schedule|rule|standing order|clause|by-law|bylaw|regulation)[ \t]+(?:\d|[IVXLC]+\b|[A-Z]\b)/i.test(trimmed)
}

/**
 * A heading, though it ends without a full stop: a numbered line of a few words ("20 RESPONSIBILITIES TO PROVIDE
 * INFORMATION", "Article 7 Meetings"), or a line in capitals. What follows it is not the rest of its sentence.
 */
function headingLike(text: string): boolean {
  const trimmed = text.trim()
  const letters = trimmed.replace(/[^\p{L}]/gu, '')
  const capitals = letters.length >= 4 && letters === letters.toUpperCase()
  return capitals || (startsClause(trimmed) && bulletOf(trimmed) === '' && wordCount(trimmed) <= 8 && !/[,;]$/.test(trimmed))
}

/** A bulleted line that is not a numbered clause ("- Trusting and respectful"). */
function isListItem(text: string): boolean {
  const bullet = bulletOf(text)
  return bullet !== '' && splitClauseNumber(text.slice(bullet.length).trim(), false).number === ''
}

function endsWithStop(text: string): boolean {
  return /[.!?:;]$/.test(text)
}
