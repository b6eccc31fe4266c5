import type { Cited } from './citation.js'
import type { Token } from './instruction-tokens.js'
import { GROUPS } from './phrasings.js'
import type { Occurrence } from './types.js'

/** A compiled pattern element (see phrasings.ts for the syntax). */
type Element =
  | { t: 'word'; word: string }
  | { t: 'seq'; items: Element[] }
  | { t: 'alt'; options: Element[] }
  | { t: 'opt'; item: Element }
  | { t: 'slot'; kind: 'Q' | 'W' | 'C' | 'B' | 'E' | 'U' | 'WORD'; name: string }

/** What a pattern captured: quoted texts, occurrences of quoted words, citations, the new text. */
export interface Captures {
  /** Whether a text was written without quotes (its case is then found in the clause, not given). */
  unquoted?: boolean
  /** Whether the form renames ("renaming X to Y"): every occurrence, unless one is named. */
  renames?: boolean
  /** An ordinal word the form said ("the second sentence"), as a number; -1 for "last". */
  ordinal?: number
  /** Whether the new text was a quote in the instruction's line rather than a block quote after it. */
  inline?: boolean
  quotes: Record<string, string>
  occurrences: Record<string, Occurrence>
  cites: Record<string, Cited>
  words: Record<string, string>
  block?: string[]
}

/** The new text of an instruction: its block quote, if it has one. */
export interface MatchContext {
  block: string[] | null
}

const compiled = new Map<string, Element>()

/** A pattern compiled once and kept. */
export function compile(pattern: string): Element {
  let element = compiled.get(pattern)
  if (!element) {
    const tokens = pattern.match(/\(|\)|\[|\]|\||@[a-z]+|(?:Q|W|C|B|E|U|WORD):[a-z]+|[^\s()[\]|]+/g) ?? []
    let at = 0
    const alt = (): Element => {
      const options = [seq()]
      while (tokens[at] === '|') {
        at++
        options.push(seq())
      }
      return options.length === 1 ? (options[0] as Element) : { t: 'alt', options }
    }
    const seq = (): Element => {
      const items: Element[] = []
      for (let token = tokens[at]; token !== undefined && token !== ')' && token !== ']' && token !== '|'; token = tokens[at]) {
        at++
        if (token === '(') {
          items.push(alt())
          at++
        } else if (token === '[') {
          items.push({ t: 'opt', item: alt() })
          at++
        } else if (token.startsWith('@')) {
          const group = GROUPS[token.slice(1)]
          if (group === undefined) throw new Error(`phrasings: no group ${token}`)
          items.push(compile(`(${group})`))
        } else if (/^(?:Q|W|C|B|E|U|WORD):/.test(token)) {
          const [kind = 'Q', name = ''] = token.split(':')
          items.push({ t: 'slot', kind: kind as 'Q' | 'W' | 'C' | 'B' | 'E' | 'U' | 'WORD', name })
        } else items.push({ t: 'word', word: token.toLowerCase() })
      }
      return items.length === 1 ? (items[0] as Element) : { t: 'seq', items }
    }
    element = alt()
    compiled.set(pattern, element)
  }
  return element
}

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, last: -1, final: -1, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5 }
const ORDINAL_ADVERBS: Record<string, number> = { first: 1, firstly: 1, second: 2, secondly: 2, third: 3, thirdly: 3, last: -1, lastly: -1 }

/**
 * Match a pattern against tokens from `start`: every way it can match, as
 * the index after the match and what it captured (a backtracking matcher:
 * instructions are a few dozen tokens).
 */
export function* match(element: Element, tokens: Token[], start: number, captures: Captures, context: MatchContext): Generator<{ end: number; captures: Captures }> {
  switch (element.t) {
    case 'word': {
      const token = tokens[start]
      if (token?.kind === 'word' && token.text === element.word) {
        const said = ORDINALS[element.word]
        yield { end: start + 1, captures: /^renam/.test(element.word) ? { ...captures, renames: true } : said !== undefined ? { ...captures, ordinal: said } : captures }
      }
      return
    }
    case 'seq':
      yield* sequence(element.items, 0, tokens, start, captures, context)
      return
    case 'alt':
      for (const option of element.options) yield* match(option, tokens, start, captures, context)
      return
    case 'opt':
      yield* match(element.item, tokens, start, captures, context)
      yield { end: start, captures }
      return
    case 'slot':
      yield* slot(element, tokens, start, captures, context)
  }
}

function* sequence(items: Element[], index: number, tokens: Token[], start: number, captures: Captures, context: MatchContext): Generator<{ end: number; captures: Captures }> {
  const item = items[index]
  if (!item) {
    yield { end: start, captures }
    return
  }
  for (const step of match(item, tokens, start, captures, context)) yield* sequence(items, index + 1, tokens, step.end, step.captures, context)
}

function* slot(element: Extract<Element, { t: 'slot' }>, tokens: Token[], start: number, captures: Captures, context: MatchContext): Generator<{ end: number; captures: Captures }> {
  const token = tokens[start]
  switch (element.kind) {
    case 'Q':
      if (token?.kind === 'quote') yield { end: start + 1, captures: { ...captures, quotes: { ...captures.quotes, [element.name]: token.text } } }
      return
    case 'W': {
      // Quoted words, perhaps named by which occurrence: "the second “the”", "all occurrences of “X”", "“X” where it first occurs".
      let at = start
      let occurrence: Occurrence = 'only'
      const word = (offset: number): string => (tokens[at + offset]?.kind === 'word' ? (tokens[at + offset] as { text: string }).text : '')
      if ((word(0) === 'the' && ORDINALS[word(1)] !== undefined) || (ORDINALS[word(0)] !== undefined && tokens[at + 1]?.kind === 'quote')) {
        const bare = word(0) !== 'the'
        occurrence = ORDINALS[bare ? word(0) : word(1)] ?? 'only'
        at += bare ? 1 : 2
        if (['occurrence', 'instance', 'appearance'].includes(word(0))) at += word(1) === 'of' ? 2 : 1
      } else if (['all', 'every', 'each', 'both'].includes(word(0))) {
        const noun = ['occurrences', 'instances', 'occurrence', 'instance', 'appearances', 'uses', 'mentions', 'references'].includes(word(1))
        if (noun && word(2) === 'of') {
          occurrence = 'all'
          at += 3
        }
      }
      if (['the', 'word', 'words'].includes(word(0)) && tokens[at + (word(1) === 'word' || word(1) === 'words' ? 2 : 1)]?.kind === 'quote') {
        at += word(1) === 'word' || word(1) === 'words' ? 2 : 1
      }
      const quote = tokens[at]
      if (quote?.kind !== 'quote') return
      at++
      // "“X” (where it first appears)", "“X” in the second place where it occurs"
      if ((word(0) === 'where' || word(0) === 'when') && word(1) === 'it' && ORDINAL_ADVERBS[word(2)] !== undefined && ['occurs', 'appears'].includes(word(3))) {
        occurrence = ORDINAL_ADVERBS[word(2)] ?? occurrence
        at += 4
      } else if (word(0) === 'in' && word(1) === 'the' && ORDINALS[word(2)] !== undefined && word(3) === 'place') {
        occurrence = ORDINALS[word(2)] ?? occurrence
        at += 4
        while (['where', 'it', 'occurs', 'appears'].includes(word(0))) at++
      }
      yield {
        end: at,
        captures: { ...captures, quotes: { ...captures.quotes, [element.name]: quote.text }, occurrences: { ...captures.occurrences, [element.name]: occurrence } }
      }
      return
    }
    case 'C':
      if (token?.kind === 'cite') yield { end: start + 1, captures: { ...captures, cites: { ...captures.cites, [element.name]: token.cited } } }
      return
    case 'E':
      // "in each place it occurs", "throughout": every occurrence of the words named.
      for (const step of match(compile('(@each)'), tokens, start, captures, context)) {
        yield { end: step.end, captures: { ...step.captures, occurrences: { ...step.captures.occurrences, [element.name]: 'all' } } }
      }
      return
    case 'U': {
      // Words written without quotes: one to four words, never a word the forms themselves use — but a single word
      // named as a word ("after the word be") may be any word.
      const named = tokens[start - 1]?.kind === 'word' && (tokens[start - 1] as { text: string }).text === 'word'
      for (let end = start + 1; end <= Math.min(tokens.length, start + 4); end++) {
        const run = tokens.slice(start, end)
        const single = named && run.length === 1 && run[0]?.kind === 'word'
        // "thirty (30) days": a figure in brackets after the number in words is part of the words.
        const figure = (item: Token, at: number): boolean => at > 0 && item.kind === 'cite' && /^\(\d+\)$/.test(item.text)
        if (!single && !run.every((item, at) => (item.kind === 'word' && !FORM_WORDS.has(item.text)) || figure(item, at))) break
        const raw = run.map((item) => (item.kind === 'word' ? item.raw : item.kind === 'cite' ? item.text : '')).join(' ')
        yield { end, captures: { ...captures, quotes: { ...captures.quotes, [element.name]: raw }, unquoted: true } }
      }
      return
    }
    case 'WORD':
      if (token?.kind === 'word') yield { end: start + 1, captures: { ...captures, words: { ...captures.words, [element.name]: token.text } } }
      return
    case 'B':
      // The new text: the block quote after the instruction (nothing more in the line), or one quote at the end.
      if (context.block && context.block.length > 0 && start === tokens.length) yield { end: start, captures: { ...captures, block: context.block } }
      else if (token?.kind === 'quote' && start === tokens.length - 1) yield { end: start + 1, captures: { ...captures, block: [token.text], inline: true } }
  }
}

/** An empty set of captures. */
export function noCaptures(): Captures {
  return { quotes: {}, occurrences: {}, cites: {}, words: {} }
}

/** The first way a pattern matches all of `tokens` from `start` to the end. */
export function matchAll(pattern: string, tokens: Token[], start: number, context: MatchContext): Captures | null {
  if (!canStart(pattern, tokens[start])) return null
  for (const step of match(compile(pattern), tokens, start, noCaptures(), context)) if (step.end === tokens.length) return step.captures
  return null
}

/** Every way a pattern matches a prefix of `tokens` from `start`, longest first. */
export function matchPrefixes(pattern: string, tokens: Token[], start: number, context: MatchContext): Array<{ end: number; captures: Captures }> {
  if (!canStart(pattern, tokens[start])) return []
  return [...match(compile(pattern), tokens, start, noCaptures(), context)].sort((a, b) => b.end - a.end)
}

/** What a pattern can begin with: these words, or (`open`) a slot, or nothing at all. */
interface Opening {
  words: Set<string>
  open: boolean
  empty: boolean
}

const openings = new Map<string, Opening>()

/** Whether a pattern could match from this token: a quick test before the backtracking matcher runs. */
function canStart(pattern: string, token: Token | undefined): boolean {
  let opening = openings.get(pattern)
  if (!opening) {
    opening = openingOf(compile(pattern))
    openings.set(pattern, opening)
  }
  if (opening.open || opening.empty) return true
  return token?.kind === 'word' && opening.words.has(token.text)
}

function openingOf(element: Element): Opening {
  switch (element.t) {
    case 'word':
      return { words: new Set([element.word]), open: false, empty: false }
    case 'slot':
      return { words: new Set(), open: true, empty: false }
    case 'opt': {
      const inner = openingOf(element.item)
      return { ...inner, empty: true }
    }
    case 'alt': {
      const all = element.options.map(openingOf)
      return { words: new Set(all.flatMap((one) => [...one.words])), open: all.some((one) => one.open), empty: all.some((one) => one.empty) }
    }
    case 'seq': {
      const words = new Set<string>()
      for (const item of element.items) {
        const one = openingOf(item)
        for (const word of one.words) words.add(word)
        if (one.open) return { words, open: true, empty: false }
        if (!one.empty) return { words, open: false, empty: false }
      }
      return { words, open: false, empty: true }
    }
  }
}

/**
 * Words of a pattern spelt out as a reader would type them, for "did you
 * mean": each choice's first option, optional parts left out.
 */
export function spell(pattern: string): string[] {
  const out: string[] = []
  const walk = (element: Element): void => {
    if (element.t === 'word') out.push(element.word)
    else if (element.t === 'seq') element.items.forEach(walk)
    else if (element.t === 'alt' && element.options[0]) walk(element.options[0])
    else if (element.t === 'slot') out.push(element.kind === 'C' ? '#cite' : element.kind === 'B' ? '#block' : '#quote')
  }
  walk(compile(pattern))
  return out
}

/** Every word a pattern can match, in all its choices (for telling a known word from an unknown one). */
export function formWords(pattern: string): Set<string> {
  const words = new Set<string>()
  const walk = (element: Element): void => {
    if (element.t === 'word') words.add(element.word)
    else if (element.t === 'seq') element.items.forEach(walk)
    else if (element.t === 'alt') element.options.forEach(walk)
    else if (element.t === 'opt') walk(element.item)
  }
  walk(compile(pattern))
  return words
}

/** Words the forms use ("read", "with", "and" …): never part of an unquoted text. */
const FORM_WORDS = new Set(['should', 'shall', 'to', 'will', 'must', 'read', 'with', 'by', 'and', 'insert', 'add', 'in', 'of', 'the', 'for', 'after', 'before', 'be', 'is', 'are', 'words', 'word', 'place', 'instead', 'lieu', 'paragraph', 'clause', 'section', 'delete', 'omit', 'replace', 'change', 'from'])
