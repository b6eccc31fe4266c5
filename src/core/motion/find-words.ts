import { editDistance } from '../edit-distance.js'

/** One place quoted words were found: start and end in the searched text. */
export interface WordMatch {
  start: number
  end: number
}

const WORD_CHAR = /[\p{L}\p{N}]/u

/**
 * Quoted words are found exactly, except that a space matches any run of
 * spaces or tabs (not a line break), straight and curly quotes and
 * apostrophes match each other — a motion typed with ' still finds ’ — and
 * dashes match each other. Words are words: a quote that begins (or ends)
 * with a letter or digit matches only where no letter or digit comes before
 * (or after) it, so "Member" is not found in "Members", nor "a" in "may",
 * nor "Chairman" in "Vice-Chairman".
 *
 * The pattern holds only the quoted words; the word boundaries are checked
 * on each match (`isWordAt`). A pattern with `\p{L}` in it costs V8 about
 * half a millisecond to compile, and every quote is a new pattern.
 *
 * @param anyCase true to find the words in any case (words typed in capitals for emphasis)
 */
function quotedPattern(words: string, anyCase: boolean): RegExp {
  let pattern = ''
  for (const part of words.trim().split(/[ \t]+/)) {
    if (pattern !== '') pattern += '[ \\t]+'
    for (const char of part) {
      if ("'‘’".includes(char)) pattern += "['‘’]"
      else if ('"“”'.includes(char)) pattern += '["“”]'
      else if ('-–—'.includes(char)) pattern += '[-–—]'
      else pattern += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    }
  }
  return new RegExp(pattern, anyCase ? 'giu' : 'gu')
}

/** The code point that ends just before `index` ('' at the start). */
function codePointBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1)
  const high = text.charCodeAt(index - 2)
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.slice(index - 2, index) : text.slice(Math.max(0, index - 1), index)
}

/** The code point that starts at `index` ('' at the end). */
function codePointAt(text: string, index: number): string {
  const code = text.codePointAt(index)
  return code === undefined ? '' : String.fromCodePoint(code)
}

const HYPHENS = '-‐'

/**
 * Whether a match from `start` to `end` stands as words: no letter or digit
 * just before a quote that begins with one, nor a hyphen joining it to one
 * ("Vice-Chairman"); the same after a quote that ends with one.
 */
function isWordAt(text: string, start: number, end: number, checkBefore: boolean, checkAfter: boolean): boolean {
  if (checkBefore) {
    const before = codePointBefore(text, start)
    if (WORD_CHAR.test(before)) return false
    if (before !== '' && HYPHENS.includes(before) && WORD_CHAR.test(codePointBefore(text, start - 1))) return false
  }
  if (checkAfter) {
    const after = codePointAt(text, end)
    if (WORD_CHAR.test(after)) return false
    if (after !== '' && HYPHENS.includes(after) && WORD_CHAR.test(codePointAt(text, end + 1))) return false
  }
  return true
}

/**
 * Every place the words occur as words in `text` (overlapping ones too), from `from` on; in any case when `anyCase`.
 *
 * @param boundaries false to find the words inside longer words too (for "did you mean")
 */
export function findWords(text: string, words: string, from = 0, boundaries = true, anyCase = false): WordMatch[] {
  const trimmed = words.trim()
  // Blank words are nowhere (an empty pattern would match at every place, and at the end for ever).
  if (trimmed === '') return []
  const checkBefore = boundaries && WORD_CHAR.test(codePointAt(trimmed, 0))
  const checkAfter = boundaries && WORD_CHAR.test(codePointBefore(trimmed, trimmed.length))
  const pattern = quotedPattern(words, anyCase)
  const matches: WordMatch[] = []
  pattern.lastIndex = from
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const end = match.index + match[0].length
    if (isWordAt(text, match.index, end, checkBefore, checkAfter)) matches.push({ start: match.index, end })
    // On past the first code point: a pattern with the u flag, set inside a surrogate pair, starts again at its start.
    pattern.lastIndex = match.index + codePointAt(text, match.index).length
  }
  return matches
}

/**
 * The whole words that contain `words` where it occurs only inside longer
 * words ("Member" in "Members"), each once, for "did you mean".
 */
export function containingWords(text: string, words: string): string[] {
  const found = new Set<string>()
  for (const match of findWords(text, words, 0, false)) {
    let start = match.start
    let end = match.end
    while (start > 0 && WORD_CHAR.test(text[start - 1] ?? '')) start--
    while (end < text.length && WORD_CHAR.test(text[end] ?? '')) end++
    found.add(text.slice(start, end))
  }
  return [...found]
}

/**
 * The words in `text` closest to `words`, for "did you mean": a window of
 * as many words slid over the text, the one with the fewest edits, if it is
 * close enough to be what was meant.
 */
export function nearestWords(text: string, words: string): string | null {
  const wanted = words.trim().split(/\s+/)
  const tokens = text.split(/\s+/).filter(Boolean)
  let best: { text: string; cost: number } | null = null
  for (const size of new Set([wanted.length, wanted.length - 1, wanted.length + 1])) {
    if (size < 1) continue
    for (let start = 0; start + size <= tokens.length; start++) {
      const candidate = tokens.slice(start, start + size).join(' ')
      const cost = editDistance(candidate.toLowerCase(), words.trim().toLowerCase())
      if (!best || cost < best.cost) best = { text: candidate, cost }
    }
  }
  return best && best.cost <= Math.max(2, Math.floor(words.length / 3)) ? best.text : null
}

/** The words around a match, for listing candidates: "… advice ⟨in the⟩ furtherance …". */
export function context(text: string, match: WordMatch): string {
  const before = text.slice(Math.max(0, match.start - 30), match.start).replace(/^\S*\s/, '').replace(/\s+/g, ' ')
  const after = text.slice(match.end, match.end + 30).replace(/\s\S*$/, '').replace(/\s+/g, ' ')
  return `…${before}[${text.slice(match.start, match.end)}]${after}…`
}
