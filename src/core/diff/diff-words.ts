import { diffIds } from './myers.js'

/** A run of words: kept, struck (old only) or inserted (new only). */
export interface WordPart {
  type: 'same' | 'deleted' | 'inserted'
  text: string
}

/**
 * Tokens for a word diff, chosen once here: a clause number like 3.9 or
 * 21.2.1 is one token, and so is an abbreviation (e.g., i.e., eg., etc.);
 * a word keeps its apostrophe (don't); a punctuation mark is a token of its
 * own; and each token carries the whitespace before it — so joining the
 * tokens gives the text back exactly.
 */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? []
}

const ABBREVIATION = String.raw`(?:\p{L}\.(?:\p{L}\.?)+|(?:eg|ie|etc|viz|cf|vs|incl|approx|cllr|paras?|nos?)\.)(?![\p{L}\p{N}])`
const TOKEN = new RegExp(String.raw`\s*(?:\d+(?:\.\d+)+\.?|${ABBREVIATION}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[^\s\p{L}\p{N}])|\s+$`, 'giu')

/**
 * The word-level difference between two texts, with changes next to each
 * other merged into phrases ("calling or attending" → "requesting"), not
 * word by word. Words are aligned by their letters alone, so that the
 * spaces between words never outvote a shared word; a change of spacing is
 * still reported. Joining the same and deleted parts gives `before`; the
 * same and inserted parts give `after`.
 */
export function diffWords(before: string, after: string): WordPart[] {
  const oldTokens = tokenize(before)
  const newTokens = tokenize(after)
  const parts: WordPart[] = []
  let oldAt = 0
  let newAt = 0
  // Words are compared by their letters alone (the space before a word never outvotes it): each token becomes
  // the number of its trimmed form, so the diff compares numbers.
  const ids = new Map<string, number>()
  const idOf = (token: string): number => {
    const key = token.trimStart()
    let id = ids.get(key)
    if (id === undefined) ids.set(key, (id = ids.size))
    return id
  }
  for (const change of diffIds(Int32Array.from(oldTokens, idOf), Int32Array.from(newTokens, idOf))) {
    const count = change.count
    if (change.type === 'deleted') {
      parts.push({ type: 'deleted', text: oldTokens.slice(oldAt, (oldAt += count)).join('') })
    } else if (change.type === 'inserted') {
      parts.push({ type: 'inserted', text: newTokens.slice(newAt, (newAt += count)).join('') })
    } else {
      for (let k = 0; k < count; k++) parts.push(...sameWord(oldTokens[oldAt++] ?? '', newTokens[newAt++] ?? ''))
    }
  }
  return hoistSharedSpace(mergePhrases(parts))
}

/** "including[- calling-]{+ requesting+}" reads better as "including [-calling-]{+requesting+}": a space both sides share is kept. */
function hoistSharedSpace(parts: WordPart[]): WordPart[] {
  const result: WordPart[] = []
  parts.forEach((part, index) => {
    const next = parts[index + 1]
    const space = /^\s+/.exec(part.text)?.[0] ?? ''
    if (part.type === 'deleted' && next?.type === 'inserted' && space && next.text.startsWith(space) && part.text.length > space.length && next.text.length > space.length) {
      const previous = result.at(-1)
      if (previous?.type === 'same') previous.text += space
      else result.push({ type: 'same', text: space })
      result.push({ type: 'deleted', text: part.text.slice(space.length) })
      next.text = next.text.slice(space.length)
      return
    }
    result.push(part)
  })
  return result
}

/** A word both texts have; if the space before it changed, that change is kept too. */
function sameWord(left: string, right: string): WordPart[] {
  const leftSpace = /^\s*/.exec(left)?.[0] ?? ''
  const rightSpace = /^\s*/.exec(right)?.[0] ?? ''
  if (leftSpace === rightSpace) return [{ type: 'same', text: left }]
  return [
    ...(leftSpace ? [{ type: 'deleted' as const, text: leftSpace }] : []),
    ...(rightSpace ? [{ type: 'inserted' as const, text: rightSpace }] : []),
    { type: 'same', text: left.slice(leftSpace.length) }
  ]
}

/** Fold a lone space between two changes into both sides, so a phrase reads as one. */
function mergePhrases(parts: WordPart[]): WordPart[] {
  const merged: WordPart[] = []
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]
    if (!part || part.text === '') continue
    const previous = merged.at(-1)
    const next = parts[index + 1]
    if (part.type === 'same' && /^[ \t]+$/.test(part.text) && previous && previous.type !== 'same' && next && next.type !== 'same') {
      appendChange(merged, { type: 'deleted', text: part.text })
      appendChange(merged, { type: 'inserted', text: part.text })
      continue
    }
    if (part.type === 'same' && previous?.type === 'same') previous.text += part.text
    else if (part.type === 'same') merged.push({ ...part })
    else appendChange(merged, part)
  }
  return merged
}

/** Add a change to the run of changes at the end: deletions first, then insertions. */
function appendChange(merged: WordPart[], part: WordPart): void {
  let runStart = merged.length
  while (runStart > 0 && merged[runStart - 1]?.type !== 'same') runStart--
  const run = merged.splice(runStart)
  const deleted = run.filter((item) => item.type === 'deleted').map((item) => item.text).join('') + (part.type === 'deleted' ? part.text : '')
  const inserted = run.filter((item) => item.type === 'inserted').map((item) => item.text).join('') + (part.type === 'inserted' ? part.text : '')
  if (deleted) merged.push({ type: 'deleted', text: deleted })
  if (inserted) merged.push({ type: 'inserted', text: inserted })
}
