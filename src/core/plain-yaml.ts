/**
 * The YAML keeling writes, read without the YAML parser: a protocol's or motion's front matter, and a history's
 * records. Reading them with the full parser took most of the time of reading a protocol, and of every command that
 * reads a history. What is read here:
 *
 * - `key: value` lines, a value plain (`Council, 4 April 2017`), in double quotes without escapes (`""`, `"2"`), or
 *   the empty list `[]`;
 * - a key over an indented list of such values (`- value`), or of mappings (`- id: …` over `  sha256: …`);
 * - a key over indented `key: value` lines.
 *
 * Anything else — a comment, a single quote, an escape, a flow collection, a tag, an anchor, a block scalar, a value
 * going on to the next line, a key twice, a value that could be read two ways — is left to the parser: these readers
 * answer only where YAML's failsafe schema gives these strings, lists and mappings, and say `undefined` otherwise.
 */

/** A mapping as the failsafe schema reads it: strings, lists and mappings of strings. */
export type PlainValue = string | PlainValue[] | { [key: string]: PlainValue }

const KEY = /^([A-Za-z_][A-Za-z0-9_-]{0,99}):(?: +(.*))?$/
const ITEM = /^( *)(- +)(.*)$/

/** A character that may open a YAML indicator (a quote, a tag, an anchor, a block scalar, a flow collection…). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/
/** What a plain scalar must not hold: a `: ` or ` #`, a tab, and characters YAML does not print or reads as breaks. */
const UNSAFE = /: |:$| #|[\t\r\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/
/** A double-quoted scalar with nothing to unescape or fold, and nothing after it but spaces. */
const QUOTED = /^"([^"\\\t\r\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]*)" *$/

/** A value on its key's line, or undefined when YAML could read it otherwise than as these characters. */
function scalar(value: string): PlainValue | undefined {
  const quoted = QUOTED.exec(value)
  if (quoted) return quoted[1] ?? ''
  const trimmed = value.replace(/ +$/, '')
  if (trimmed === '[]') return []
  if (trimmed === '' || INDICATOR.test(trimmed) || UNSAFE.test(trimmed)) return undefined
  return trimmed
}

/** The text's lines: a line ending \r\n ends at the \r; a \r anywhere else is a character of the line (as YAML reads it). */
function linesOf(text: string): string[] {
  const lines = text.split('\n').map((line, at, all) => (at < all.length - 1 ? line.replace(/\r$/, '') : line))
  if (lines.at(-1) === '') lines.pop()
  return lines
}

const blank = (line: string): boolean => /^ *$/.test(line)

/** `key: value` entries at `indent` spaces, each key once; a key with nothing after it takes the block under it. */
function mapping(lines: string[], indent: number): { [key: string]: PlainValue } | undefined {
  const data: { [key: string]: PlainValue } = {}
  let index = 0
  while (index < lines.length) {
    const line = lines[index] ?? ''
    index++
    if (blank(line)) continue
    if (!line.startsWith(' '.repeat(indent)) || line[indent] === ' ') return undefined
    const entry = KEY.exec(line.slice(indent))
    const key = entry?.[1]
    if (!entry || key === undefined || key === '__proto__' || Object.hasOwn(data, key)) return undefined
    if (entry[2] !== undefined && entry[2].replace(/ +$/, '') !== '') {
      const value = scalar(entry[2])
      if (value === undefined) return undefined
      data[key] = value
      continue
    }
    // A key with nothing after it: the lines indented under it (or a list at its own indent) are its value.
    const block: string[] = []
    while (index < lines.length) {
      const next = lines[index] ?? ''
      if (!blank(next) && !next.startsWith(' '.repeat(indent + 1)) && !next.startsWith(`${' '.repeat(indent)}- `)) break
      index++
      if (!blank(next)) block.push(next)
    }
    const first = block[0]
    if (first === undefined) return undefined
    const value = ITEM.test(first) ? list(block) : mapping(block, first.length - first.trimStart().length)
    if (value === undefined) return undefined
    data[key] = value
  }
  return data
}

/** `- value` lines, or `- key: value` lines each with its mapping's other lines under it, all at the first one's indent. */
function list(block: string[]): PlainValue[] | undefined {
  const indent = ITEM.exec(block[0] ?? '')?.[1] ?? ''
  const items: PlainValue[] = []
  let index = 0
  while (index < block.length) {
    const item = ITEM.exec(block[index] ?? '')
    index++
    if (!item || item[1] !== indent) return undefined
    const content = item[3] ?? ''
    if (!KEY.test(content)) {
      const value = scalar(content)
      if (value === undefined) return undefined
      items.push(value)
      continue
    }
    // A mapping opened on the item's line: its keys stand where the first one does.
    const column = indent.length + (item[2] ?? '').length
    const lines = [' '.repeat(column) + content]
    while (index < block.length && !(block[index] ?? '').startsWith(`${indent}- `)) lines.push(block[index++] ?? '')
    const value = mapping(lines, column)
    if (value === undefined) return undefined
    items.push(value)
  }
  return items
}

/**
 * Front matter's mapping as YAML's failsafe schema reads it, or undefined when the text is anything more and the
 * YAML parser must read it.
 */
export function readPlainMapping(yamlText: string): { [key: string]: PlainValue } | undefined {
  return mapping(linesOf(yamlText), 0)
}

/**
 * A history's records as YAML's failsafe schema reads them — comment lines, then documents each opened by a `---`
 * line, each a mapping — with the line of each document's `---`; or undefined when the text is anything more (an
 * empty document, a document end marker, text before the first `---`) and the YAML parser must read it.
 */
export function readPlainDocuments(text: string): Array<{ line: number; value: { [key: string]: PlainValue } }> | undefined {
  const lines = linesOf(text)
  const documents: Array<{ line: number; lines: string[] }> = []
  for (const [index, line] of lines.entries()) {
    if (line === '---') documents.push({ line: index + 1, lines: [] })
    else if (documents.length > 0) documents.at(-1)?.lines.push(line)
    else if (!/^(?:#.*)?$/.test(line)) return undefined
  }
  const read: Array<{ line: number; value: { [key: string]: PlainValue } }> = []
  for (const document of documents) {
    if (document.lines.every(blank) || document.lines.some((line) => line.startsWith('...') || line.startsWith('#'))) return undefined
    const value = mapping(document.lines, 0)
    if (value === undefined) return undefined
    read.push({ line: document.line, value })
  }
  return read
}
