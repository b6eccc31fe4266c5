import { type Cited, readCitation, unitAt } from './citation.js'

/** One piece of an instruction as read out: a word, a quoted text, a clause citation, or a mark. */
export type Token =
  | { kind: 'word'; text: string; raw: string; at: number }
  | { kind: 'quote'; text: string; at: number }
  | { kind: 'cite'; cited: Cited; text: string; at: number }
  | { kind: 'mark'; text: string; at: number }

/** Why an instruction's text could not be split into tokens (an unclosed quote), and where. */
export interface TokenFailure {
  reason: string
  at: number
}

const OPEN_QUOTES: Record<string, string> = { '"': '"”', '“': '”"', "'": "'’", '‘': '’\'', '«': '»', '„': '“”', '`': "'’" }
const WORD = /^[\p{L}\p{N}][\p{L}\p{N}'’-]*/u
const NUMBERISH = /^(?:\d+[A-Z]?(?:\.\d+[A-Z]?)*(?:\.[a-z]{1,5})*(?:\([a-z0-9]{1,6}\))*|\([a-z0-9]{1,6}\)(?:\([a-z0-9]{1,6}\))*|[A-Z](?:\.\d+)+(?:\([a-z0-9]{1,6}\))*\.?)/i

/**
 * Split an instruction into tokens. A quote is "…", “…”, '…' or ‘…’ (a
 * single quote closes only before a non-letter, so "Council's" stays
 * inside); a unit word and its number are one citation ("Standing Order
 * 3(f)", "Article IV, Section 2", "paragraphs 10.5 to 10.7"); a number on
 * its own is a citation without a unit word ("renumber … as 9.1").
 */
export function tokenize(text: string): Token[] | TokenFailure {
  const tokens: Token[] = []
  let at = 0
  while (at < text.length) {
    const char = text[at] ?? ''
    if (/\s/.test(char)) {
      at++
      continue
    }
    const closers = OPEN_QUOTES[char]
    const previous = text[at - 1] ?? ' '
    // A quote opens at the start, after a space or punctuation: an apostrophe inside a word is the word's.
    // ``TeX quotes'', as US federal texts print them.
    if (text.startsWith('``', at)) {
      const end = text.indexOf("''", at + 2)
      if (end === -1) return { reason: 'the quote opened with `` is never closed', at }
      tokens.push({ kind: 'quote', text: text.slice(at + 2, end), at })
      at = end + 2
      continue
    }
    if (closers && !/[\p{L}\p{N}]/u.test(previous)) {
      const end = closingQuote(text, at, closers)
      if (end === -1) return { reason: `the quote opened with ${char} is never closed`, at }
      tokens.push({ kind: 'quote', text: text.slice(at + 1, end), at })
      at = end + 1
      continue
    }
    const rest = text.slice(at)
    const definition = definitionAt(rest)
    if (definition) {
      tokens.push({ kind: 'cite', cited: { type: 'one', clause: { path: [], text: definition.text, unit: 'definition', definition: definition.term } }, text: definition.text, at })
      at += definition.text.length
      continue
    }
    const headed = headedAt(rest)
    if (headed) {
      tokens.push({ kind: 'cite', cited: { type: 'one', clause: { path: [], text: headed.text, unit: headed.unit, heading: headed.title } }, text: headed.text, at })
      at += headed.text.length
      continue
    }
    if (unitAt(rest) !== '' || NUMBERISH.test(rest)) {
      const read = readCitation(rest, true)
      if (read && /^\s*(?![\p{L}\p{N}])/u.test(rest.slice(read.length))) {
        tokens.push({ kind: 'cite', cited: read.cited, text: rest.slice(0, read.length), at })
        at += read.length
        continue
      }
    }
    const word = WORD.exec(rest)
    if (word) {
      tokens.push({ kind: 'word', text: word[0].toLowerCase().replace(/’/g, "'"), raw: word[0], at })
      at += word[0].length
      continue
    }
    const dash = /^(?:—|–|--|-(?=\s))/.exec(rest)
    tokens.push({ kind: 'mark', text: dash ? '—' : char, at })
    at += dash ? dash[0].length : 1
  }
  return tokens
}

/** "the definition of “consumers”", "the definition of "Member"": a definition cited by its term. */
function definitionAt(text: string): { text: string; term: string } | null {
  const found = /^(?:the\s+)?definitions?\s+of\s+(?:the\s+(?:term|expression|word)\s+)?(?:“([^”]+)”|"([^"]+)"|‘([^’]+)’)/i.exec(text)
  const term = found?.[1] ?? found?.[2] ?? found?.[3]
  return found && term !== undefined ? { text: found[0], term } : null
}

/**
 * "the section headed “Officers”", "the part entitled 'Officers'", "the article titled "Officers"": a heading
 * cited by its words, as an unnumbered heading is.
 */
function headedAt(text: string): { text: string; unit: string; title: string } | null {
  const found = /^(?:the\s+)?(section|part|chapter|article|rule|standing\s+order|heading)\s+(?:headed|entitled|titled)\s+(?:“([^”]+)”|"([^"]+)"|‘([^’]+)’|'([^']+)')/i.exec(text)
  const title = found?.[2] ?? found?.[3] ?? found?.[4] ?? found?.[5]
  return found && title !== undefined && title.trim() !== '' ? { text: found[0], unit: (found[1] ?? '').toLowerCase().replace(/\s+/g, ' '), title: title.trim() } : null
}

function closingQuote(text: string, open: number, closers: string): number {
  const single = text[open] === "'" || text[open] === '‘'
  for (let index = open + 1; index < text.length; index++) {
    const char = text[index] ?? ''
    if (!closers.includes(char)) continue
    // "the Council's" inside single quotes: an apostrophe between letters does not close.
    if (single && /[\p{L}\p{N}]/u.test(text[index + 1] ?? '') && /[\p{L}\p{N}]/u.test(text[index - 1] ?? '')) continue
    return index
  }
  return -1
}
