/**
 * The front matter keeling writes, read without the YAML parser: `key: value` lines, a key over an indented list of
 * `- value` items, or over indented `key: value` lines. It is what protocols and motions hold, and reading it with
 * the full parser took most of the time of reading a protocol. Anything else — a comment, a quote, a flow
 * collection, a tag, a value that could be read two ways — is left to the parser: this reader answers only where
 * YAML's failsafe schema gives plain strings.
 */

const KEY = /^([A-Za-z_][A-Za-z0-9_-]{0,99}):(?: +(.*))?$/
const ITEM = /^( *)- +(.*)$/
const NESTED = /^( {1,20})([A-Za-z_][A-Za-z0-9_-]{0,99}): +(.*)$/

/** A character that may open a YAML indicator (a quote, a tag, an anchor, a block scalar, a flow collection…). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/
/** What a plain scalar must not hold: a `: ` or ` #`, a tab, and characters YAML does not print or reads as breaks. */
const UNSAFE = /: |:$| #|[\t\r\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/

/** The value of a plain scalar, or undefined when YAML could read it otherwise than as these characters. */
function plain(value: string): string | undefined {
  const trimmed = value.replace(/ +$/, '')
  if (trimmed === '' || INDICATOR.test(trimmed) || UNSAFE.test(trimmed)) return undefined
  return trimmed
}

/**
 * The mapping of plain front matter, as YAML's failsafe schema reads it (every value a string, a list of strings,
 * or a mapping of strings), or undefined when the text is anything more and the YAML parser must read it.
 */
export function readPlainFrontMatter(yamlText: string): Record<string, unknown> | undefined {
  // A line ending \r\n ends at the \r; a \r anywhere else is a character of the line (as YAML reads it).
  const lines = yamlText.split('\n').map((line, at, all) => (at < all.length - 1 ? line.replace(/\r$/, '') : line))
  if (lines.at(-1) === '') lines.pop()
  const data: Record<string, unknown> = {}
  let index = 0
  const blank = (line: string): boolean => /^ *$/.test(line)
  while (index < lines.length) {
    const line = lines[index] ?? ''
    index++
    if (blank(line)) continue
    const entry = KEY.exec(line)
    const key = entry?.[1]
    if (!entry || key === undefined || key === '__proto__' || Object.hasOwn(data, key)) return undefined
    if (entry[2] !== undefined && entry[2].replace(/ +$/, '') !== '') {
      const value = plain(entry[2])
      if (value === undefined) return undefined
      data[key] = value
      continue
    }
    // A key with nothing after it: the indented lines under it are its list or its mapping.
    const block: string[] = []
    while (index < lines.length) {
      const next = lines[index] ?? ''
      if (!blank(next) && !/^ /.test(next) && !/^- /.test(next)) break
      index++
      if (!blank(next)) block.push(next)
    }
    const value = block.length > 0 && ITEM.test(block[0] ?? '') ? list(block) : mapping(block)
    if (value === undefined) return undefined
    data[key] = value
  }
  return data
}

/** `- value` lines, all at the first one's indent. */
function list(block: string[]): string[] | undefined {
  const indent = ITEM.exec(block[0] ?? '')?.[1] ?? ''
  const items: string[] = []
  for (const line of block) {
    const item = ITEM.exec(line)
    if (!item || item[1] !== indent) return undefined
    const value = plain(item[2] ?? '')
    if (value === undefined) return undefined
    items.push(value)
  }
  return items
}

/** Indented `key: value` lines, all at the first one's indent, each key once. */
function mapping(block: string[]): Record<string, string> | undefined {
  if (block.length === 0) return undefined
  const indent = NESTED.exec(block[0] ?? '')?.[1]
  if (indent === undefined) return undefined
  const found: Record<string, string> = {}
  for (const line of block) {
    const entry = NESTED.exec(line)
    const key = entry?.[2]
    if (!entry || entry[1] !== indent || key === undefined || key === '__proto__' || Object.hasOwn(found, key)) return undefined
    const value = plain(entry[3] ?? '')
    if (value === undefined) return undefined
    found[key] = value
  }
  return found
}
