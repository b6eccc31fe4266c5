import { alignByContent } from '../../diff/align-units.js'
import type { DiffUnit } from '../../diff/diff-document.js'
import { diffWords } from '../../diff/diff-words.js'
import { parseProtocol } from '../../protocol/parse-protocol.js'

/** A word of a text and where it lies. */
interface Token {
  start: number
  end: number
  word: string
}

/** A line's Markdown marks (heading `#`s, a bullet) that are layout, not words: two copies of a text may differ in them. */
const LINE_MARK = /^[ \t]*(?:#{1,6}[ \t]+|[-*+•◦▪‣·][ \t]+)/

/** The words of a text, without the marks that open its lines, each with its place. */
function tokens(text: string): Token[] {
  const found: Token[] = []
  let lineStart = 0
  for (const line of text.split('\n')) {
    // A table's rule line (| --- | --- |) is layout.
    const skip = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line) ? line.length : (LINE_MARK.exec(line)?.[0].length ?? 0)
    for (const match of line.slice(skip).matchAll(/\S+/g)) {
      // A Markdown table's pipes and rules are layout too (Word reads a table as cells).
      if (/^\|[-:|]*$|^[-:]*\|$/.test(match[0]) || /^\|?(?:\s*:?-{3,}:?\s*\|)+/.test(match[0])) continue
      const start = lineStart + skip + (match.index ?? 0)
      // Emphasis is layout too: Word shows *italic* without its asterisks.
      const word = match[0].replace(/^(?:\\?[*_])+|(?:\\?[*_])+$/g, '')
      if (word === '') continue
      found.push({ start, end: start + match[0].length, word })
    }
    lineStart += line.length + 1
  }
  return found
}

/** A protocol's text as a reader's copy: no front matter, no anchors, links as their words. */
export function readersCopy(protocolText: string): string {
  const protocol = parseProtocol(protocolText)
  return protocolText
    .slice(protocol.frontMatter.raw.length)
    .replace(/<a id="[^"]*"><\/a>/g, '')
    .replace(/\[([^\]\n]*)\]\(#[^)\s]*\)/g, '$1')
    .replace(/^\s+/, '')
}

/**
 * Where a document's old text first parts from the protocol's, word by word (layout aside: line breaks,
 * spacing, heading marks, bullets); undefined when they read the same.
 */
export function partsFrom(protocolText: string, documentOld: string): string | undefined {
  const expected = tokens(readersCopy(protocolText)).map((token) => token.word)
  const given = tokens(documentOld).map((token) => token.word)
  let at = 0
  while (at < expected.length && at < given.length && expected[at] === given[at]) at++
  if (at === expected.length && at === given.length) return undefined
  const show = (list: string[]): string => (at >= list.length ? 'nothing more' : `“${list.slice(Math.max(0, at - 5), at + 5).join(' ')}”`)
  return `at word ${at + 1} the document reads ${show(given)} where the protocol has ${show(expected)}`
}

/**
 * The changes a document makes (its old text to its new, as one reader read both) made to the protocol's own
 * reader's copy instead: the words kept are the protocol's, with its layout, and only the changed words come
 * from the document. The document's old text must read as the protocol word for word ({@link partsFrom}).
 *
 * @returns the protocol's reader's copy with the document's changes made
 */
export function transplant(protocolText: string, documentOld: string, documentNew: string): string {
  const target = readersCopy(protocolText)
  const from = tokens(documentOld)
  const to = tokens(target)
  // Offsets of the old text mapped into the protocol's copy: inside or at the edge of a word, the same place in the same word.
  const tokenAt = (offset: number): number => {
    let low = 0
    let high = from.length - 1
    while (low <= high) {
      const mid = (low + high) >> 1
      const token = from[mid] as Token
      if (offset < token.start) high = mid - 1
      else if (offset > token.end) low = mid + 1
      else return mid
    }
    return -1 - low
  }
  const edits: Array<{ start: number; end: number; text: string }> = []
  const edit = (start: number, end: number, insert: string): void => {
    edits.push(mapEdit(start, end, insert, documentOld, from, to, target, tokenAt))
  }
  // Paragraphs first (so a paragraph put in is not read as words moved), then the words of each paragraph kept.
  const oldBlocks = blocksOf(documentOld)
  const newBlocks = blocksOf(documentNew)
  const unit = (block: Block): DiffUnit => ({ id: '', kind: 'paragraph', number: '', head: '', gap: '', body: block.text, trailing: '', line: 0 })
  const oldUnits = oldBlocks.map(unit)
  const newUnits = newBlocks.map(unit)
  const oldOf = new Map(oldUnits.map((one, index) => [one, oldBlocks[index] as Block]))
  const newOf = new Map(newUnits.map((one, index) => [one, newBlocks[index] as Block]))
  let next = 0
  // Paragraphs put in one after another go in as one stretch, before the next paragraph kept (or after the last).
  let pending: string[] = []
  const flush = (): void => {
    if (pending.length === 0) return
    const text = pending.map(asMarkdown).join('\n\n')
    const atEnd = next >= documentOld.trimEnd().length
    edit(next, next, atEnd ? `\n\n${text}` : `${text}\n\n`)
    pending = []
  }
  for (const pair of alignByContent(oldUnits, newUnits)) {
    const old = pair.before ? oldOf.get(pair.before) : undefined
    const now = pair.after ? newOf.get(pair.after) : undefined
    if ((pair.type === 'inserted' || pair.type === 'moved') && now) {
      pending.push(now.text)
      continue
    }
    flush()
    if (pair.type === 'same' && old && now) {
      next = old.next
      if (old.text !== now.text) wordEdits(old.text, now.text, old.start, edit)
    } else if ((pair.type === 'deleted' || pair.type === 'moved-away') && old) {
      edit(old.start, old.next, '')
      next = old.next
    }
  }
  flush()
  let result = ''
  let done = 0
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    if (edit.start < done) continue
    result += target.slice(done, edit.start) + edit.text
    done = edit.end
  }
  return result + target.slice(done)
}

/** An edit of the old text [start, end) → `insert`, as an edit of the protocol's copy. */
function mapEdit(
  start: number,
  end: number,
  insert: string,
  old: string,
  from: Token[],
  to: Token[],
  target: string,
  tokenAt: (offset: number) => number
): { start: number; end: number; text: string } {
  let text = insert
  const point = (offset: number, side: 'start' | 'end'): number => {
    const index = tokenAt(offset)
    if (index >= 0) {
      const token = from[index] as Token
      const mapped = to[index] as Token
      return mapped.start + (offset - token.start)
    }
    // Between words: the protocol's own spacing there gives way to the document's.
    const after = -1 - index
    const previous = from[after - 1]
    const following = from[after]
    if (side === 'start') {
      text = old.slice(previous?.end ?? 0, offset) + text
      return previous ? (to[after - 1] as Token).end : 0
    }
    text += old.slice(offset, following?.start ?? old.length)
    return following ? (to[after] as Token).start : target.length
  }
  const mappedStart = point(start, 'start')
  const mappedEnd = point(end, 'end')
  return { start: mappedStart, end: Math.max(mappedStart, mappedEnd), text }
}

interface Block {
  text: string
  start: number
  /** Where the next block starts (after the blank lines), or the end of the text. */
  next: number
}

/** A text's paragraphs: runs of lines between blank lines, with where each starts. */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = []
  const pattern = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g
  for (const match of text.matchAll(pattern)) blocks.push({ text: match[0], start: match.index ?? 0, next: text.length })
  blocks.forEach((block, index) => {
    block.next = blocks[index + 1]?.start ?? text.length
  })
  return blocks
}

/** The word changes of one paragraph, as edits of the whole text (`offset` is where the paragraph starts). */
function wordEdits(before: string, after: string, offset: number, edit: (start: number, end: number, insert: string) => void): void {
  let at = 0
  const parts = diffWords(before, after)
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]
    if (!part) continue
    if (part.type === 'same') {
      at += part.text.length
      continue
    }
    const start = at
    let insert = ''
    if (part.type === 'deleted') at += part.text.length
    else insert = part.text
    const next = parts[index + 1]
    if (part.type === 'deleted' && next?.type === 'inserted') {
      insert = next.text
      index++
    }
    edit(offset + start, offset + at, asMarkdown(insert))
  }
}

/** New text as Markdown: a bullet a reader printed ("• ") written as a list item ("- "). */
export function asMarkdown(text: string): string {
  return text.replace(/^([ \t]*)[•◦▪‣·][ \t]+/gm, '$1- ')
}

/**
 * Whether two texts have the same words, layout aside (line breaks, heading marks, bullets, table rules,
 * emphasis); if not, where they part.
 */
export function sameWords(made: string, wanted: string): string | undefined {
  const a = tokens(made).map((token) => token.word)
  const b = tokens(wanted).map((token) => token.word)
  let at = 0
  while (at < a.length && at < b.length && a[at] === b[at]) at++
  if (at === a.length && at === b.length) return undefined
  const show = (list: string[]): string => (at >= list.length ? 'nothing more' : `“${list.slice(Math.max(0, at - 5), at + 5).join(' ')}”`)
  return `at word ${at + 1} the motion would give ${show(a)} where the document has ${show(b)}`
}

/** A text's words, layout aside (line breaks, heading marks, bullets, table pipes and rules, emphasis), as one string. */
export function wordsOf(text: string): string {
  return tokens(text)
    .map((token) => token.word)
    .join(' ')
}
