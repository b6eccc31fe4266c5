import type { ClauseRef, Operation, Place, Scope } from './types.js'

/** The forms an instruction may take, listed when one matches none. */
export const INSTRUCTION_FORMS = [
  'In paragraph 7.2, leave out "X" and insert "Y"',
  'In paragraph 7.2, leave out "X"',
  'In paragraph 7.2, after "X" insert "Y"  (or before "X" insert "Y")',
  'In paragraph 7.2, at the end insert "Y"  (or at the beginning insert "Y")',
  'In paragraph 7.2, leave out from "X" to "Y"  (or from "X" to the end)',
  'In the paragraph beginning "Nothing in this protocol", …  /  In section 3, …  /  In the heading of section 2, …',
  'Leave out paragraph 3.5',
  'After paragraph 3.6 insert the new paragraphs:  (then the paragraphs as a block quote; also before paragraph …, at the end of section 3 insert …)',
  'Leave out paragraph 2.1 and insert:  (then a block quote)',
  'Move paragraph 3.5 to follow paragraph 3.7',
  'It is proposed that the following is added:  (then a block quote; may open with "After paragraph 1.7," or "At the end of section 2,")',
  'In motion cwg-1, leave out "X" and insert "Y"  (an amendment to an amendment)'
]

/** Why an instruction could not be read, and where in it (0-based character). */
export interface ReadFailure {
  reason: string
  at: number
}

/** "the new paragraphs:", "the following:", "the new paragraph" — words before a block quote. */
const NEW_PARAGRAPHS = /^\s*(?:the\s+)?(?:following\s+)?(?:new\s+)?(?:paragraphs?|clauses?)?\s*:?/i

const OPEN_QUOTES: Record<string, string> = { '"': '"”', '“': '”"', "'": "'’", '‘': '’\'' }

/**
 * Read one instruction of a motion, written the way it is read out.
 *
 * @param text the instruction, without its list number
 * @param quoted the paragraphs of the block quote that follows it, if any
 * @returns the operations, or why the text is in no known form
 */
export function readInstruction(text: string, quoted: string[] | null): Operation[] | ReadFailure {
  const cursor = new Cursor(text)
  try {
    const operations = readTop(cursor, quoted)
    cursor.skip(/^[\s.;]*/)
    if (!cursor.atEnd()) cursor.fail(`unexpected "${cursor.rest().slice(0, 30)}"`)
    return operations
  } catch (error) {
    if (error instanceof ReadError) return { reason: error.message, at: error.at }
    throw error
  }
}

function readTop(cursor: Cursor, quoted: string[] | null): Operation[] {
  if (cursor.keyword('in')) {
    const scope = readScope(cursor)
    cursor.skip(/^\s*,?\s*/)
    const operations = [readWordOperation(cursor, scope)]
    while (cursor.skip(/^\s*(?:;|,)?\s*(?:and\s+)?/i) && !cursor.atEnd() && !/^[.\s]*$/.test(cursor.rest())) {
      operations.push(readWordOperation(cursor, scope))
    }
    return operations
  }
  if (cursor.keyword('move')) {
    const clause = readClauseWord(cursor)
    if (!cursor.keyword('to follow')) cursor.fail('expected "to follow paragraph …" after "move paragraph …"')
    return [{ type: 'move-clause', clause, after: readClauseWord(cursor) }]
  }
  if (cursor.keyword('leave out')) {
    const clause = readClauseWord(cursor)
    if (cursor.keyword('and insert')) {
      cursor.skip(NEW_PARAGRAPHS)
      return [{ type: 'replace-clause', clause, clauses: needQuote(cursor, quoted) }]
    }
    return [{ type: 'delete-clause', clause }]
  }
  const place = readPlace(cursor)
  if (place && cursor.keyword('insert')) {
    cursor.skip(NEW_PARAGRAPHS)
    return [{ type: 'insert-clauses', place, clauses: needQuote(cursor, quoted) }]
  }
  if (place) cursor.skip(/^\s*,?\s*(?:and\s+)?/i)
  if (cursor.keyword('it is proposed that the following is added') || cursor.keyword('the following is added')) {
    cursor.skip(/^\s*:?/)
    return [{ type: 'insert-clauses', place: place ?? { type: 'end' }, clauses: needQuote(cursor, quoted) }]
  }
  return cursor.fail('this is in no known form')
}

function readScope(cursor: Cursor): Scope {
  if (cursor.keyword('the heading of')) {
    cursor.keyword('section') || cursor.keyword('paragraph')
    return { type: 'clause', clause: cursor.ref(), heading: true }
  }
  if (cursor.keyword('the paragraph beginning') || cursor.keyword('the paragraph starting')) {
    return { type: 'clause', clause: { by: 'opening', value: cursor.quote() }, heading: false }
  }
  if (cursor.keyword('motion')) return { type: 'motion', motion: cursor.token() }
  if (cursor.keyword('section')) return { type: 'clause', clause: cursor.ref(), heading: false }
  if (cursor.keyword('paragraph') || cursor.keyword('para') || cursor.keyword('clause')) {
    return { type: 'clause', clause: cursor.ref(), heading: false }
  }
  return cursor.fail('expected "paragraph 7.2", "the paragraph beginning "…"", "section 3", "the heading of section 2" or "motion …" after "In"')
}

function readWordOperation(cursor: Cursor, scope: Scope): Operation {
  if (cursor.keyword('leave out from')) {
    const from = cursor.quote()
    if (!cursor.keyword('to')) cursor.fail('expected "to "…"" or "to the end" after "leave out from "…""')
    if (cursor.keyword('the end')) return { type: 'delete-range', scope, from, to: null }
    return { type: 'delete-range', scope, from, to: cursor.quote() }
  }
  if (cursor.keyword('leave out')) {
    const words = cursor.quote()
    if (cursor.keyword('and insert')) return { type: 'replace-words', scope, words, insert: cursor.quote() }
    return { type: 'delete-words', scope, words }
  }
  if (cursor.keyword('at the end insert')) return { type: 'insert-words-at', scope, where: 'end', insert: cursor.quote() }
  if (cursor.keyword('at the beginning insert')) return { type: 'insert-words-at', scope, where: 'start', insert: cursor.quote() }
  for (const where of ['after', 'before'] as const) {
    if (cursor.keyword(where)) {
      const words = cursor.quote()
      if (!cursor.keyword('insert')) cursor.fail(`expected "insert "…"" after "${where} "${words}""`)
      return { type: 'insert-words', scope, where, words, insert: cursor.quote() }
    }
  }
  return cursor.fail('expected "leave out "…"", "after "…" insert "…"", "at the end insert "…"" or another form')
}

function readPlace(cursor: Cursor): Place | null {
  if (cursor.keyword('at the end of')) {
    cursor.keyword('section') || cursor.keyword('paragraph')
    return { type: 'end-of-section', clause: cursor.ref() }
  }
  if (cursor.keyword('at the end')) return { type: 'end' }
  for (const where of ['after', 'before'] as const) {
    const mark = cursor.mark()
    if (cursor.keyword(where) && (cursor.keyword('paragraph') || cursor.keyword('para') || cursor.keyword('clause') || cursor.keyword('section'))) {
      return { type: where, clause: cursor.ref() }
    }
    cursor.reset(mark)
  }
  return null
}

function readClauseWord(cursor: Cursor): ClauseRef {
  if (!(cursor.keyword('paragraph') || cursor.keyword('para') || cursor.keyword('clause') || cursor.keyword('section'))) {
    cursor.fail('expected "paragraph" and its number, such as "paragraph 3.5"')
  }
  return cursor.ref()
}

function needQuote(cursor: Cursor, quoted: string[] | null): string[] {
  if (!quoted || quoted.length === 0) {
    return cursor.fail('expected the new text as a block quote on the lines after the instruction (each line starting "> ")')
  }
  return quoted
}

class ReadError extends Error {
  constructor(
    message: string,
    readonly at: number
  ) {
    super(message)
  }
}

/** A position in an instruction's text, with the small readers the grammar needs. */
class Cursor {
  private at = 0
  constructor(private readonly text: string) {}

  rest(): string {
    return this.text.slice(this.at)
  }

  atEnd(): boolean {
    return this.at >= this.text.length
  }

  mark(): number {
    return this.at
  }

  reset(mark: number): void {
    this.at = mark
  }

  skip(pattern: RegExp): boolean {
    const match = pattern.exec(this.rest())
    if (match) this.at += match[0].length
    return true
  }

  /** Match words case-insensitively, any spacing between them, ending at a word boundary. */
  keyword(words: string): boolean {
    const pattern = new RegExp(`^\\s*${words.split(' ').join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu')
    const match = pattern.exec(this.rest())
    if (!match) return false
    this.at += match[0].length
    return true
  }

  /** A quoted text: "…", “…”, '…' or ‘…’; a single quote closes only before a non-letter (Don't). */
  quote(): string {
    this.skip(/^\s*/)
    const open = this.text[this.at] ?? ''
    const closers = OPEN_QUOTES[open]
    if (!closers) return this.fail('expected a quoted text, such as "calling or attending"')
    const single = open === "'" || open === '‘'
    for (let index = this.at + 1; index < this.text.length; index++) {
      const char = this.text[index] ?? ''
      if (!closers.includes(char)) continue
      if (single && /[\p{L}\p{N}]/u.test(this.text[index + 1] ?? '')) continue
      const value = this.text.slice(this.at + 1, index)
      this.at = index + 1
      return value
    }
    return this.fail(`the quote opened with ${open} is never closed`)
  }

  /** A clause number (3.5, 21.2.1, a., (iv)) or a clause ID. */
  ref(): ClauseRef {
    const value = this.token()
    return /^\(?[0-9ivxlcdm]+(?:\.\d+)*[.)]?$|^\(?[a-z][.)]$/i.test(value) ? { by: 'number', value } : { by: 'id', value }
  }

  token(): string {
    this.skip(/^\s*/)
    const match = /^[^\s,;:]+/.exec(this.rest())
    if (!match) return this.fail('expected a paragraph number or clause ID')
    // A full stop ending the sentence is not part of the number: "paragraph 3.5."
    const value = match[0].replace(/(\d)\.$/, '$1').replace(/^(.+?)\.$/, (whole, body: string) => (/^\(?[a-z]$/i.test(body) ? whole : body))
    this.at += value.length
    return value
  }

  fail(reason: string): never {
    throw new ReadError(reason, this.at)
  }
}
