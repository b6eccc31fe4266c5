/**
 * How many line breaks (`\n`) a text holds: the number of lines a position
 * moves down past it. A `\r\n` counts once, as its `\n`.
 *
 * @param text any text
 * @returns the count of `\n` in it
 */
export function countNewlines(text: string): number {
  let count = 0
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++
  return count
}

/**
 * How many lines a text has: a last line without its `\n` counts, an empty
 * text has none ("a\nb" and "a\nb\n" both have 2).
 *
 * @param text any text
 * @returns the number of lines
 */
export function countLines(text: string): number {
  return countNewlines(text) + (text === '' || text.endsWith('\n') ? 0 : 1)
}

/** A 1-based line and column. */
export interface LineColumn {
  line: number
  column: number
}

/**
 * Where an offset of a text is, as line and column (1-based), when the text
 * itself begins at `start` in its file: lines count on from `start.line`, and
 * columns from `start.column` on the text's first line only.
 *
 * @param text the text the offset is in
 * @param offset a UTF-16 offset into `text`
 * @param start where `text` begins (default: the top of a file)
 */
export function placeAt(text: string, offset: number, start: LineColumn = { line: 1, column: 1 }): LineColumn {
  const lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1
  return { line: start.line + countNewlines(text.slice(0, lineStart)), column: lineStart === 0 ? start.column + offset : offset - lineStart + 1 }
}
