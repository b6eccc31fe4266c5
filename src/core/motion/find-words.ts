import { distance } from '../protocol/find-clause.js'

/** One place quoted words were found: start and end in the searched text. */
export interface WordMatch {
  start: number
  end: number
}

/**
 * A pattern for quoted words: exact, except that a space matches any run of
 * spaces or tabs (not a line break), and straight and curly quotes and
 * apostrophes match each other — a motion typed with ' still finds ’.
 */
export function wordsPattern(words: string): RegExp {
  let pattern = ''
  for (const part of words.trim().split(/[ \t]+/)) {
    if (pattern !== '') pattern += '[ \\t]+'
    pattern += [...part]
      .map((char) => {
        if ("'‘’".includes(char)) return "['‘’]"
        if ('"“”'.includes(char)) return '["“”]'
        return char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      })
      .join('')
  }
  return new RegExp(pattern, 'gu')
}

/** Every place the words occur in `text` (overlapping ones too), from `from` on. */
export function findWords(text: string, words: string, from = 0): WordMatch[] {
  const pattern = wordsPattern(words)
  const matches: WordMatch[] = []
  pattern.lastIndex = from
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    matches.push({ start: match.index, end: match.index + match[0].length })
    pattern.lastIndex = match.index + 1
  }
  return matches
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
      const cost = distance(candidate.toLowerCase(), words.trim().toLowerCase())
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
