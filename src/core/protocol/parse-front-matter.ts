import { parseDocument } from 'yaml'
import type { VFileMessage } from 'vfile-message'
import { problem } from '../problem.js'
import type { FrontMatter } from './types.js'

/**
 * Read the `---` fenced YAML block at the start of a protocol. The failsafe
 * schema keeps every scalar a string, so a `version: 3.10` stays "3.10".
 *
 * @returns the front matter, the offset where the body starts, and problems
 */
export function parseFrontMatter(text: string): {
  frontMatter: FrontMatter
  bodyStart: number
  messages: VFileMessage[]
} {
  const empty = { frontMatter: { raw: '', data: {}, position: null }, bodyStart: 0, messages: [] }
  if (!/^---\r?\n/.test(text)) return empty
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
  const yamlLines = yamlText === '' ? 0 : yamlText.split('\n').length - (yamlText.endsWith('\n') ? 1 : 0)
  const position = {
    start: { line: 2, column: 1, offset: open },
    end: { line: 2 + yamlLines, column: 1, offset: open + yamlText.length }
  }
  const messages: VFileMessage[] = []
  const doc = parseDocument(yamlText, { schema: 'failsafe', prettyErrors: false })
  for (const error of doc.errors) {
    const linePos = error.linePos?.[0]
    const place = { line: (linePos?.line ?? 1) + 1, column: linePos?.col ?? 1 }
    messages.push(problem(`Front matter is not valid YAML: ${firstLine(error.message)}`, place, 'front-matter'))
  }
  let data: Record<string, unknown> = {}
  if (messages.length === 0) {
    const value: unknown = doc.toJS()
    if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
      const reason = 'Front matter must be `key: value` lines, such as `title: Member Officer Protocol`'
      messages.push(problem(reason, { line: 2, column: 1 }, 'front-matter'))
    } else if (value) {
      data = value as Record<string, unknown>
    }
  }
  return { frontMatter: { raw: text.slice(0, end), data, position }, bodyStart: end, messages }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text
}
