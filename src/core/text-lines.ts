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
