import type { ImportFailure, ImportNote, SourceLine, TrackedSide } from './types.js'

const STRUCK = /~~([^~]+?)~~/g
const UNDERLINED = /<u>(.*?)<\/u>/g

/**
 * Resolve the marks of a Keeling schedule to one side of the change:
 * `before` keeps ~~struck~~ words and drops <u>underlined</u> ones, `after`
 * the reverse. Text set directly against a struck passage (`~~3.7~~3.9`)
 * is an insertion whose underline was lost: the word that follows, or a
 * longer text named in `inserted`. Texts in `inserted` must each occur
 * exactly once; every reading is reported.
 *
 * @returns the lines with marks resolved, with notes; or a failure
 */
export function resolveTracked(
  lines: SourceLine[],
  side: TrackedSide,
  inserted: readonly string[]
): { lines: SourceLine[]; notes: ImportNote[] } | { failure: ImportFailure } {
  const marked = markInserted(lines, inserted)
  if ('failure' in marked) return marked
  const notes: ImportNote[] = [...marked.notes]
  const resolved = marked.lines.map((line) => {
    const text = markAdjacentInsertions(line.text, (word) =>
      notes.push({ line: line.line, message: `read "${word}" set against a struck passage as inserted` })
    )
    return { line: line.line, text: resolveLine(text, side) }
  })
  return { lines: resolved, notes }
}

function markInserted(
  lines: SourceLine[],
  inserted: readonly string[]
): { lines: SourceLine[]; notes: ImportNote[] } | { failure: ImportFailure } {
  const result = lines.map((line) => ({ ...line }))
  const notes: ImportNote[] = []
  for (const given of inserted) {
    const { text, before, after } = splitContext(given)
    const hits = result.filter((line) => line.text.includes(text))
    const count = hits.reduce((sum, line) => sum + line.text.split(text).length - 1, 0)
    if (count !== 1) {
      const where = hits.map((line) => line.line).join(', ')
      const reason =
        count === 0
          ? `--inserted "${given}" occurs nowhere in the text; give the inserted words exactly as they appear on one line`
          : `--inserted "${given}" occurs ${count} times (lines ${where}); add words around it, the insertion in [ ], to match once`
      return { failure: { reason, code: count === 0 ? 'words-not-found' : 'ambiguous-words' } }
    }
    const hit = hits[0]
    if (hit) {
      // Words inside a passage already read as inserted are inserted with it: no second mark inside the first.
      const at = hit.text.indexOf(text)
      const opened = hit.text.slice(0, at).split('<u>').length - hit.text.slice(0, at).split('</u>').length
      if (opened === 0) hit.text = hit.text.replace(text, () => `${before}<u>${after.inserted}</u>${after.rest}`)
      notes.push({ line: hit.line, message: `read "${shorten(after.inserted)}" as inserted (--inserted)` })
    }
  }
  return { lines: result, notes }
}

/**
 * `meetings[ with officers], or` names the insertion " with officers" by
 * the words around it; without brackets the whole text is the insertion.
 */
function splitContext(given: string): { text: string; before: string; after: { inserted: string; rest: string } } {
  const match = /^([^[\]]*)\[([^[\]]+)\]([^[\]]*)$/.exec(given)
  if (!match) return { text: given, before: '', after: { inserted: given, rest: '' } }
  const [, before = '', inserted = '', rest = ''] = match
  return { text: before + inserted + rest, before, after: { inserted, rest } }
}

/**
 * Insertions whose underline the text lost, read from their place:
 * `~~3.7~~3.9` → `~~3.7~~<u>3.9</u>` (the word set against a strike), and
 * `~~if-by~~` → `~~if~~ <u>by</u>` (Word's deleted and inserted word run
 * together with a hyphen when the page was turned into text).
 */
function markAdjacentInsertions(text: string, report: (word: string) => void): string {
  return text
    .replace(/~~(\p{Ll}+)-(\p{Ll}+)~~/gu, (_, struck: string, word: string) => {
      report(word)
      return `~~${struck}~~ <u>${word}</u>`
    })
    .replace(/(~~[^~]+?~~)(?!<u>)([^\s~<]+)?/g, (whole, struck: string, token: string | undefined) => {
      const word = token?.replace(/[,.;:!?)]+$/, '') ?? ''
      if (word === '') return whole
      report(word)
      return `${struck}<u>${word}</u>${token?.slice(word.length) ?? ''}`
    })
}

function resolveLine(text: string, side: TrackedSide): string {
  const keepStruck = side === 'before'
  const out = text
    .replace(STRUCK, (_, words: string) => (keepStruck ? words : '\u0000'))
    .replace(UNDERLINED, (_, words: string) => (keepStruck ? '\u0000' : words))
  // A removed passage leaves its neighbours' spaces: close the gap to one
  // space between words, none before punctuation or at either end of the line.
  return out
    .replace(/^\u0000+ ?| ?\u0000+$/g, '')
    .replace(/ ?\u0000+ ?(?=[,.;:!?)])/g, '')
    .replace(/ ?\u0000+ ?/g, (gap) => (gap.includes(' ') ? ' ' : ''))
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
