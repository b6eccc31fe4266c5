import { editDistance } from '../edit-distance.js'

/** One place quoted words were found: start and end in the searched text. */
export interface WordMatch {
  start: number
  end: number
}

const WORD_CHAR = /[\p{L}\p{N}]/u

/**
 * A pattern for quoted words: exact, except that a space matches any run of
 * spaces or tabs (not a line break), straight and curly quotes and
 * apostrophes match each other — a motion typed with ' still finds ’ — and
 * dashes match each other. Words are words: a quote that begins (or ends)
 * with a letter or digit matches only where no letter or digit comes before
 * (or after) it, so "Member" is not found in "Members", nor "a" in "may",
 * nor "Chairman" in "Vice-Chairman".
 *
 * @param boundaries false to find the words inside longer words too (for "did you mean")
 * @param anyCase true to find them in any case (words typed in capitals for emphasis)
 */
export function wordsPattern(words: string, boundaries = true, anyCase = false): RegExp {
  const trimmed = words.trim()
  // A hyphenated compound is one word: "Chairman" is not found in "Vice-Chairman".
  const before = boundaries && WORD_CHAR.test(trimmed[0] ?? '') ? '(?<![\\p{L}\\p{N}])(?<![\\p{L}\\p{N}][-‐])' : ''
  const after = boundaries && WORD_CHAR.test(trimmed.at(-1) ?? '') ? '(?![\\p{L}\\p{N}])(?![-‐][\\p{L}\\p{N}])' : ''
  let pattern = ''
  for (const part of words.trim().split(/[ \t]+/)) {
    if (pattern !== '') pattern += '[ \\t]+'
    pattern += [...part]
      .map((char) => {
        if ("'‘’".includes(char)) return "['‘’]"
        if ('"“”'.includes(char)) return '["“”]'
        if ('-–—'.includes(char)) return '[-–—]'
        return char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      })
      .join('')
  }
  return new RegExp(before + pattern + after, anyCase ? 'giu' : 'gu')
}

/** Every place the words occur as words in `text` (overlapping ones too), from `from` on; in any case when `anyCase`. */
export function findWords(text: string, words: string, from = 0, boundaries = true, anyCase = false): WordMatch[] {
  const pattern = wordsPattern(words, boundaries, anyCase)
  const matches: WordMatch[] = []
  pattern.lastIndex = from
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    matches.push({ start: match.index, end: match.index + match[0].length })
    pattern.lastIndex = match.index + 1
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
