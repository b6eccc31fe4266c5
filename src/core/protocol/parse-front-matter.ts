import { parseDocument } from 'yaml'
import type { VFileMessage } from 'vfile-message'
import { problem } from '../problem.js'
import { countLines } from '../text-lines.js'
import { readPlainMapping } from '../plain-yaml.js'
import type { FrontMatter } from './types.js'

/** A UTF-8 byte order mark as it reads in a string: some Windows editors start a file with one. */
export const BOM = '\uFEFF'

/** How many characters a byte order mark at the start of `text` takes: 1, or 0 when there is none. */
export function bomLength(text: string): number {
  return text.startsWith(BOM) ? 1 : 0
}

/**
 * Read the `---` fenced YAML block at the start of a protocol. The failsafe
 * schema keeps every scalar a string, so a `version: 3.10` stays "3.10".
 * A byte order mark before the fence is read past: it stays in `raw` (the
 * file writes back as it was), and line 1 column 1 is the character after it.
 *
 * @returns the front matter, the offset where the body starts (after a byte order mark when there is no front
 *   matter), and problems
 */
export function parseFrontMatter(text: string): {
  frontMatter: FrontMatter
  bodyStart: number
  messages: VFileMessage[]
} {
  const empty = { frontMatter: { raw: '', data: {}, position: null }, bodyStart: bomLength(text), messages: [] }
  if (!/^\uFEFF?---\r?\n/.test(text)) return empty
  const open = text.indexOf('\n') + 1
  const close = /^---[ \t]*\r?$/m
  const rest = text.slice(open)
  const match = close.exec(rest)
  if (!match) {
    const reason = 'Front matter opened with `---` on line 1 is never closed; add a line `---` after the metadata'
    return { ...empty, messages: [problem(reason, { line: 1, column: 1 }, 'front-matter')] }
  }
  const yamlText = rest.slice(0, match.index)
  let end = open + match.index + match[0].length
  if (text[end] === '\n') end++
  const yamlLines = countLines(yamlText)
  const position = {
    start: { line: 2, column: 1, offset: open },
    end: { line: 2 + yamlLines, column: 1, offset: open + yamlText.length }
  }
  // Plain `key: value` lines need no YAML parser; anything more goes to it.
  const plain = readPlainMapping(yamlText)
  const { data, messages } = plain ? { data: plain, messages: [] } : yamlData(yamlText)
  return { frontMatter: { raw: text.slice(0, end), data, position }, bodyStart: end, messages }
}

/** Front matter read by the YAML parser: its mapping, or the problems (lines counted from the opening `---`). */
function yamlData(yamlText: string): { data: Record<string, unknown>; messages: VFileMessage[] } {
  const messages: VFileMessage[] = []
  const doc = parseDocument(yamlText, { schema: 'failsafe', prettyErrors: false })
  for (const error of doc.errors) {
    const linePos = error.linePos?.[0]
    const place = { line: (linePos?.line ?? 1) + 1, column: linePos?.col ?? 1 }
    messages.push(problem(`Front matter is not valid YAML: ${firstLine(error.message)}`, place, 'front-matter'))
  }
  let data: Record<string, unknown> = {}
  if (messages.length === 0) {
    const value = toData(doc)
    if (typeof value === 'string') {
      messages.push(problem(value, { line: 2, column: 1 }, 'front-matter'))
    } else if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
      const reason = 'Front matter must be `key: value` lines, such as `title: Member Officer Protocol`'
      messages.push(problem(reason, { line: 2, column: 1 }, 'front-matter'))
    } else if (value) {
      data = value as Record<string, unknown>
    }
  }
  return { data, messages }
}

/** The front matter's value, or why it cannot be had: a few lines that expand into millions of values (a YAML alias bomb) are refused, not expanded. */
function toData(doc: ReturnType<typeof parseDocument>): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 })
  } catch (error) {
    return `Front matter is not valid metadata: ${error instanceof Error ? error.message : String(error)}; write plain \`key: value\` lines, without YAML aliases`
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text
}
