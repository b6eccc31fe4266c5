/** Small readings of a line's shape shared by the import steps. */

const MARKS_AT_END = /(?:~~|<\/u>|\*\*|\*|_|\s)+$/
const MARKS_AT_START = /^(?:~~|<u>|\*\*|\*|_|\s)+/
const BULLET = /^[ \t]*[-*•–][ \t]+/

/** The line without Markdown emphasis, strike or underline marks at its ends. */
export function visibleEnds(text: string): string {
  return text.replace(MARKS_AT_END, '').replace(MARKS_AT_START, '')
}

/** Whether the line stops in the middle of a sentence ("… prejudice the"). */
export function endsMidSentence(text: string): boolean {
  const visible = visibleEnds(text)
  return visible !== '' && !/[.!?:;"”’)\]…]$/.test(visible)
}

/** Whether the line carries on a sentence: it starts with a lowercase letter. */
export function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(visibleEnds(text))
}

/** The bullet a line starts with ("- ", "• "), or ''. */
export function bulletOf(text: string): string {
  return BULLET.exec(text)?.[0] ?? ''
}

/** Number of words in a line. */
export function wordCount(text: string): number {
  // Counted without splitting: headings and furniture ask this of every line, and most lines are long.
  let words = 0
  let inWord = false
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index)
    const space = code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0xfeff || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0x1680
    if (space) inWord = false
    else if (!inWord) {
      inWord = true
      words += 1
    }
  }
  return words
}

/**
 * Whether a line reads as a title: every longer word capitalised ("Behaviour
 * Expected from Members and Officers") or the whole line in capitals.
 */
export function isTitleCase(text: string): boolean {
  const words = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? []
  if (words.length === 0) return false
  return words.every((word, index) => /^\p{Lu}/u.test(word) || (index > 0 && word.length <= 4))
}
