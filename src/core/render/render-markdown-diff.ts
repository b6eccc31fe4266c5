import type { ChangeSet, ClauseDiff } from '../diff/change-set.js'
import { unitText } from '../diff/diff-document.js'
import { tokenize, type WordPart } from '../diff/diff-words.js'
import { clauseSegments, compact } from './clause-segments.js'

/** How a change is marked in Markdown. */
export interface MarkdownMarks {
  deleted: [open: string, close: string]
  inserted: [open: string, close: string]
}

/** The house style of a tracked-change appendix: ~~struck~~ and <u>underlined</u>. */
export const APPENDIX_MARKS: MarkdownMarks = { deleted: ['~~', '~~'], inserted: ['<u>', '</u>'] }

/**
 * The new text in full with every change marked, as a council's appendix
 * marks it (a Keeling schedule): ~~struck~~ words, <u>underlined</u> words,
 * `~~3.7~~<u>3.9</u>` for a new number, whole clauses struck or underlined.
 * A moved clause is struck where it stood and underlined where it now
 * stands. Nothing is added: no clause IDs, no front matter, no heading of
 * the tool's own — the text can be pasted as the appendix.
 */
export function renderMarkdownDiff(changeSet: ChangeSet, marks: MarkdownMarks = APPENDIX_MARKS): string {
  const blocks = changeSet.clauses.map((clause) => markParts(clauseParts(clause).map(escapeOwnMarks), marks))
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : ''
}

/**
 * A run whose own words look like the appendix's marks (`~~`, `<u>`, `</u>`) escaped, so that only keeling's
 * marks mark: `\~\~` and `&lt;u>` read as the characters they are, and accepting or rejecting every change
 * leaves them as written.
 */
function escapeOwnMarks(part: MarkedPart): MarkedPart {
  const text = part.text.replace(/~~/g, '\\~\\~').replace(/<(\/?)u>/gi, '&lt;$1u>')
  return text === part.text ? part : { ...part, text }
}

/**
 * A clause's runs, ready to mark. A changed clause is checked whole: its
 * marks, accepted, must read as the new text and, rejected, as the old.
 * Where the structure changed in a way marks within lines cannot show (a
 * list item split or joined with other words changed), the clause is shown
 * as its old text struck and its new text underlined, one after the other.
 */
function clauseParts(clause: ClauseDiff): MarkedPart[] {
  const parts = widenSpacingChanges(clauseSegments(clause))
  // A clause put in or left out whole is marked with its number (`~~1.  (weggefallen)~~`): a number left outside
  // would stay on both sides, and accepting a list item replaced in place would read "1. 1. …".
  if (clause.type !== 'changed') return parts.map((part) => (part.type === 'same' ? part : { ...part, numberInside: true }))
  if (!clause.before || !clause.after) return parts
  const before = unitText(clause.before)
  const after = unitText(clause.after)
  const checked = markParts(parts, CHECK_MARKS)
  const accepted = resolve(checked, /\uE000[^\uE001]*\uE001/g, /[\uE002\uE003]/g)
  const rejected = resolve(checked, /\uE002[^\uE003]*\uE003/g, /[\uE000\uE001]/g)
  if (collapse(accepted) === collapse(after) && collapse(rejected) === collapse(before)) return parts
  // Each line keeps its own heading level (`##### old` struck, `###### new` underlined): a level changed is seen.
  const head = clause.after.head
  return compact<MarkedPart>([
    { type: 'same', text: clause.before.head },
    { type: 'deleted', text: before.slice(clause.before.head.length), numberInside: true },
    { type: 'same', text: `\n\n${head}` },
    { type: 'inserted', text: after.slice(head.length), numberInside: true }
  ])
}

/**
 * Join runs with marks that Markdown keeps: a mark never spans a line
 * break, a list bullet, a heading's `#`s or a table's `|`, and never
 * starts or ends with a space (those stay outside it) unless the run says
 * so or `spaceInside` is set (for marks that are not Markdown's own).
 * With `breaks`, a line break inside a run leaves that run's character at
 * the end of the line it ends, so that a renderer with paragraph marks of
 * its own (Word) can mark the break as inserted or left out.
 */
export function markParts(parts: MarkedPart[], marks: MarkdownMarks, options: { spaceInside?: boolean; breaks?: Record<'deleted' | 'inserted', string> } = {}): string {
  const { spaceInside = false, breaks } = options
  const state = { lineStart: true, table: false }
  let out = ''
  let beforeDeleted = ''
  parts.forEach((part, index) => {
    const previous = parts[index - 1]
    if (part.type === 'deleted') beforeDeleted = /^\s/.test(part.text) ? ' ' : out.slice(-1)
    // "~~calling or attending~~ <u>requesting</u> meetings": words put in place of words read apart, where a space
    // follows on both sides; "~~3.7~~<u>3.9</u>" and "~~instance~~<u>example</u>," stay together.
    const after = parts[index + 1]?.text ?? ''
    if (!spaceInside && part.type === 'inserted' && previous?.type === 'deleted' && /^\p{L}/u.test(part.text) && /^\s?$/.test(beforeDeleted) && /^(?:\s|$)/.test(after)) out += ' '
    if (part.type === 'same') {
      out += part.text
      const newline = part.text.lastIndexOf('\n')
      if (newline !== -1) {
        const rest = part.text.slice(newline + 1)
        state.table = rest.trimStart().startsWith('|')
        state.lineStart = rest === ''
      } else if (part.text !== '') state.lineStart = false
      return
    }
    const [open, close] = marks[part.type]
    let first = true
    for (const chunk of part.text.split(/(\n)/)) {
      if (chunk === '\n') {
        first = false
        if (breaks && !state.lineStart) out += breaks[part.type]
        out += '\n'
        state.lineStart = true
        state.table = false
        continue
      }
      let content = chunk
      // A blank line inside a run stays blank: it is what parts two paragraphs.
      if (state.lineStart && content.trim() === '') {
        out += content
        continue
      }
      if (state.lineStart && content !== '') {
        const whole = part.numberInside === true && first
        const prefix = ((whole ? WHOLE_PREFIX : opensListItem(out) ? LINE_PREFIX : UNNUMBERED_PREFIX).exec(content)?.[0]) ?? ''
        out += prefix
        content = content.slice(prefix.length)
        state.table = content.startsWith('|')
        state.lineStart = false
      }
      const cells = state.table ? content.split(/(\|)/) : [content]
      for (const cell of cells) out += cell === '|' || cell === '' ? cell : part.spaceInside || spaceInside ? `${open}${cell}${close}` : wrap(cell, open, close)
    }
  })
  return out
}

/** What starts a line and stays outside a mark: indentation, a list bullet or number (its space may come in the next run), a quote's `>`, a heading's `#`s. */
const LINE_PREFIX = /^[ \t]*(?:[-*+](?:[ \t]+|$)|\d+[.)](?:[ \t]+|$)|>[ \t]?|#{1,6}(?:[ \t]+|$))?/

/**
 * Whether a number at the start of the line that `out` has reached opens a list item: on a block's first line,
 * or inside a list (Markdown reads "38) sowie …" in the middle of a paragraph as words, not a list).
 */
function opensListItem(out: string): boolean {
  const blockStart = out.lastIndexOf('\n\n')
  const block = out.slice(blockStart === -1 ? 0 : blockStart + 2)
  return block === '' || /^[ \t]*(?:>[ \t]?)?\d+[.)](?:[ \t]|$)/.test(block)
}

/** The same, for the first line of a clause marked whole, or a number that opens no list item: the number (a whole clause's bullet too) goes inside the mark. */
const UNNUMBERED_PREFIX = /^[ \t]*(?:[-*+](?:[ \t]+|$)|>[ \t]?|#{1,6}(?:[ \t]+|$))?/
const WHOLE_PREFIX = /^[ \t]*(?:>[ \t]?|#{1,6}(?:[ \t]+|$))?/

function wrap(text: string, open: string, close: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)
  const [, lead = '', core = '', trail = ''] = match ?? []
  return core === '' ? text : `${lead}${open}${core}${close}${trail}`
}

/** A run to mark; `spaceInside` keeps its spaces inside the mark (an underline may start with one). */
export interface MarkedPart extends WordPart {
  spaceInside?: boolean
  /** A whole clause's run: a list number opening its first line is marked with it, not left outside. */
  numberInside?: boolean
}

const CHECK_MARKS: MarkdownMarks = { deleted: ['\uE000', '\uE001'], inserted: ['\uE002', '\uE003'] }

/**
 * Make every change read right in Markdown, where a run of spaces reads as
 * one and a mark keeps the spaces at its ends outside it (`~~ x~~` is no
 * strike-through), so that a space outside a mark belongs to both sides.
 * Each run of changes is checked: accepting it and rejecting it must read
 * as the new and the old words. Where it would not (a space before a comma
 * left out, words put in just before a bracket), the run is marked another
 * way, trying in turn: the space inside the underline (`meetings<u> with
 * officers</u>,`), then taking in the word before, after, or both, so the
 * change is marked as words (`~~Officers ,~~ <u>Officers,</u>`). A change of
 * spacing a reader cannot see (two spaces made one) is shown as the new text.
 */
export function widenSpacingChanges(parts: WordPart[]): MarkedPart[] {
  const result: MarkedPart[] = parts.map((part) => ({ ...part }))
  for (let index = 0; index < result.length; index++) {
    if (result[index]?.type === 'same') continue
    let end = index
    while (end < result.length && result[end]?.type !== 'same') end++
    const run = result.slice(index, end)
    const deleted = run.filter((part) => part.type === 'deleted').map((part) => part.text).join('')
    const inserted = run.filter((part) => part.type === 'inserted').map((part) => part.text).join('')
    if (deleted.trim() === '' && inserted.trim() === '' && spacing(deleted) === spacing(inserted)) {
      result.splice(index, end - index, { type: 'same', text: inserted })
      continue
    }
    const previous = result[index - 1]?.type === 'same' ? result[index - 1] : undefined
    const next = result[end]?.type === 'same' ? result[end] : undefined
    const lastToken = previous ? (tokenize(previous.text).at(-1) ?? '').trimStart() : ''
    const firstToken = next ? (tokenize(next.text)[0] ?? '') : ''
    const prevText = previous?.text ?? ''
    const nextText = next?.text ?? ''
    // A change that breaks or joins lines is marked as whole lines: the line as it was struck, the lines as they are
    // underlined (a line break itself cannot be struck or underlined).
    const lines = (deleted + inserted).includes('\n') ? wholeLines(prevText, nextText) : undefined
    // A change of spacing alone is marked with the words on each side, so that a reader sees it.
    const spacingOnly = (deleted !== '' && deleted.trim() === '') || (inserted !== '' && inserted.trim() === '')
    const around = { before: lastToken, after: firstToken }
    const tries: Array<{ before: string; after: string; spaceInside?: boolean }> = spacingOnly
      ? [around, { before: lastToken, after: '' }, { before: '', after: firstToken }]
      : [
          { before: '', after: '' },
          ...(inserted.trim() !== '' ? [{ before: '', after: '', spaceInside: true }] : []),
          ...(lines ? [lines] : []),
          { before: lastToken, after: '' },
          { before: '', after: firstToken },
          around
        ]
    const chosen =
      tries.find((attempt) => readsRight(prevText.slice(0, prevText.length - attempt.before.length), attempt, deleted, inserted, nextText.slice(attempt.after.length))) ??
      tries[tries.length - 1] ??
      { before: '', after: '' }
    if (chosen.before === '' && chosen.after === '' && !chosen.spaceInside && !insertedFirst(deleted, inserted)) {
      index = end - 1
      continue
    }
    if (previous && chosen.before) previous.text = prevText.slice(0, prevText.length - chosen.before.length)
    if (next && chosen.after) next.text = nextText.slice(chosen.after.length)
    const marked = runParts(chosen, deleted, inserted)
    result.splice(index, end - index, ...marked)
    // A word taken in may leave this run touching the one before or after it: look again at them as one run.
    let start = index
    let touching = false
    if (previous?.text === '') {
      start = result.indexOf(previous)
      result.splice(start, 1)
      while (start > 0 && result[start - 1]?.type !== 'same') start--
      touching = true
    }
    if (next?.text === '') {
      result.splice(result.indexOf(next), 1)
      touching = true
    }
    index = touching ? start - 1 : index + marked.length - 1
  }
  return merge(compact(result))
}

/**
 * A run marked: struck words, then inserted words — unless only the struck
 * words end a line (a list item left out), when the inserted words come
 * first, on the line that stays.
 */
function runParts(attempt: { before: string; after: string; spaceInside?: boolean }, deleted: string, inserted: string): MarkedPart[] {
  const parts: MarkedPart[] = [
    { type: 'deleted', text: attempt.before + deleted + attempt.after },
    { type: 'inserted', text: attempt.before + inserted + attempt.after, ...(attempt.spaceInside ? { spaceInside: true } : {}) }
  ]
  return compact(insertedFirst(parts[0]?.text ?? '', parts[1]?.text ?? '') ? parts.reverse() : parts)
}

function insertedFirst(deleted: string, inserted: string): boolean {
  return deleted.includes('\n') && !inserted.includes('\n') && inserted !== ''
}

/** The rest of the lines a run touches, before and after it: from the line's start (after a bullet) to its end. */
function wholeLines(previous: string, next: string): { before: string; after: string } | undefined {
  const lineStart = previous.lastIndexOf('\n') + 1
  const line = previous.slice(lineStart)
  const prefix = lineStart > 0 || previous === line ? (LINE_PREFIX.exec(line)?.[0] ?? '') : ''
  const newline = next.indexOf('\n')
  const before = line.slice(prefix.length)
  const after = newline === -1 ? next : next.slice(0, newline)
  return before === '' && after === '' ? undefined : { before, after }
}

/** Whether a run, marked this way between its neighbours, reads as the new words accepted and the old words rejected. */
function readsRight(previous: string, attempt: { before: string; after: string; spaceInside?: boolean }, deleted: string, inserted: string, next: string): boolean {
  const context = (text: string): MarkedPart[] => (text ? [{ type: 'same', text }] : [])
  const marked = markParts([...context(previous.slice(-40)), ...runParts(attempt, deleted, inserted), ...context(next.slice(0, 40))], CHECK_MARKS)
  const accepted = resolve(marked, /\uE000[^\uE001]*\uE001/g, /[\uE002\uE003]/g)
  const rejected = resolve(marked, /\uE002[^\uE003]*\uE003/g, /[\uE000\uE001]/g)
  return (
    collapse(accepted) === collapse(previous.slice(-40) + attempt.before + inserted + attempt.after + next.slice(0, 40)) &&
    collapse(rejected) === collapse(previous.slice(-40) + attempt.before + deleted + attempt.after + next.slice(0, 40))
  )
}

/** Marked text with one side's marks taken out; a list item or heading whose words all went goes with them. */
function resolve(marked: string, gone: RegExp, kept: RegExp): string {
  return marked
    .split('\n')
    .flatMap((line) => {
      const left = line.replace(gone, '')
      return left !== line && /^\s*(?:[-*+]|\d+[.)]|#{1,6}|>)?\s*$/.test(left) ? [] : [left.replace(kept, '')]
    })
    .join('\n')
}

/** Join neighbouring runs of one kind: "~~Members~~ ~~members~~" reads as one strike. */
function merge(parts: MarkedPart[]): MarkedPart[] {
  const merged: MarkedPart[] = []
  for (const part of parts) {
    const last = merged.at(-1)
    if (last && last.type === part.type && last.spaceInside === part.spaceInside) last.text += part.text
    else merged.push({ ...part })
  }
  return merged
}

/** Spacing as a reader sees it: any run of spaces and tabs is one space; a blank line stays a blank line. */
function spacing(text: string): string {
  return text.replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n')
}

/** Text as a reader sees it, for comparing: spacing as read, no blank lines at either end. */
function collapse(text: string): string {
  return spacing(text).replace(/^\n+|\n+$/g, '').replace(/^ | $/g, '')
}
