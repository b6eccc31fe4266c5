import { type DiffRun, diffIds } from './myers.js'

/** A run of words: kept, struck (old only) or inserted (new only). */
export interface WordPart {
  type: 'same' | 'deleted' | 'inserted'
  text: string
}

/**
 * Tokens for a word diff, chosen once here: a clause number like 3.9 or
 * 21.2.1 is one token, and so is an abbreviation (e.g., i.e., eg., etc.);
 * a word keeps its apostrophe (don't) and its hyphens (Vice-Chairman, a
 * compound is marked whole, as a clerk marks it); a punctuation mark is a token of its
 * own; and each token carries the whitespace before it — so joining the
 * tokens gives the text back exactly.
 */
export function tokenize(text: string): string[] {
  // What the pattern below matches, read without it where that is plain: most tokens are a run of letters and digits after
  // spaces, ended by a space or a punctuation mark that cannot carry the word on (not . ' ’ - ‐), or a single mark.
  // Anything else (a number like 3.9, an abbreviation, don't, Vice-Chairman) is read by the pattern at that place.
  const tokens: string[] = []
  const length = text.length
  let at = 0
  while (at < length) {
    let end = at
    let kind = SPACE
    while (end < length && (kind = classAt(text, end)) === SPACE) end += charWidth(text, end)
    if (end === length) {
      tokens.push(at === 0 ? text : text.slice(at))
      break
    }
    if (kind === WORD) {
      end += charWidth(text, end)
      while (end < length && classAt(text, end) === WORD) end += charWidth(text, end)
      const next = text.charCodeAt(end)
      if (end === length || !(next === 0x2e || next === 0x27 || next === 0x2019 || next === 0x2d || next === 0x2010)) {
        tokens.push(text.slice(at, end))
        at = end
        continue
      }
      TOKEN_AT.lastIndex = at
      const token = TOKEN_AT.exec(text)?.[0] ?? text.slice(at, end)
      tokens.push(token)
      at += token.length
      continue
    }
    end += charWidth(text, end)
    tokens.push(text.slice(at, end))
    at = end
  }
  return tokens
}

const ABBREVIATION = String.raw`(?:\p{L}\.(?:\p{L}\.?)+|(?:eg|ie|etc|viz|cf|vs|incl|approx|cllr|paras?|nos?)\.)(?![\p{L}\p{N}])`
const TOKEN_SOURCE = String.raw`\s*(?:\d+(?:\.\d+)+\.?|${ABBREVIATION}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:[-‐][\p{L}\p{N}]+(?:['’][\p{L}]+)*)*|[^\s\p{L}\p{N}])|\s+$`
/** The tokens as one pattern, read at one place (sticky): what `text.match(/…/giu)` would give is what tokenize gives. */
const TOKEN_AT = new RegExp(TOKEN_SOURCE, 'yiu')

/** What a character is to the pattern: white space (`\s`), a letter or digit (`[\p{L}\p{N}]`) or a mark of its own. */
const SPACE = 1
const WORD = 2
const MARK = 3
/** The class of each UTF-16 code unit below 0x10000, found with the pattern's own classes the first time one is met (0: not yet). */
const classes = new Uint8Array(0x10000)
const SPACE_CLASS = /^\s$/iu
const WORD_CLASS = /^[\p{L}\p{N}]$/iu
for (let code = 0; code < 0x80; code++) classes[code] = classify(String.fromCharCode(code))

function classify(char: string): number {
  return SPACE_CLASS.test(char) ? SPACE : WORD_CLASS.test(char) ? WORD : MARK
}

/** The class of the character (code point) at `index`. */
function classAt(text: string, index: number): number {
  const code = text.charCodeAt(index)
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
    const low = text.charCodeAt(index + 1)
    if (low >= 0xdc00 && low <= 0xdfff) return classify(text.slice(index, index + 2))
  }
  const known = classes[code] ?? 0
  if (known !== 0) return known
  const found = classify(String.fromCharCode(code))
  classes[code] = found
  return found
}

/** 2 for a surrogate pair (one code point, as the pattern reads it with the u flag), else 1. */
function charWidth(text: string, index: number): number {
  const code = text.charCodeAt(index)
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
    const low = text.charCodeAt(index + 1)
    if (low >= 0xdc00 && low <= 0xdfff) return 2
  }
  return 1
}

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
  // A token is looked up as it is first (most repeat with their space), and only when new by its trimmed form.
  const trimmedIds = new Map<string, number>()
  const tokenIds = new Map<string, number>()
  const idsOf = (tokens: string[]): Int32Array => {
    const found = new Int32Array(tokens.length)
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index] ?? ''
      let id = tokenIds.get(token)
      if (id === undefined) {
        const key = token.trimStart()
        id = trimmedIds.get(key)
        if (id === undefined) trimmedIds.set(key, (id = trimmedIds.size))
        tokenIds.set(token, id)
      }
      found[index] = id
    }
    return found
  }
  const oldIds = idsOf(oldTokens)
  const newIds = idsOf(newTokens)
  for (const change of realignClusters(diffIds(oldIds, newIds), oldIds, newIds, oldTokens)) {
    const count = change.count
    if (change.type === 'deleted') {
      parts.push({ type: 'deleted', text: oldTokens.slice(oldAt, (oldAt += count)).join('') })
    } else if (change.type === 'inserted') {
      parts.push({ type: 'inserted', text: newTokens.slice(newAt, (newAt += count)).join('') })
    } else {
      // A run of tokens written alike on both sides is one kept part (mergePhrases would join them anyway).
      let alike = ''
      for (let k = 0; k < count; k++) {
        const left = oldTokens[oldAt++] ?? ''
        const right = newTokens[newAt++] ?? ''
        if (left === right) {
          alike += left
          continue
        }
        if (alike) parts.push({ type: 'same', text: alike })
        alike = ''
        parts.push(...sameWord(left, right))
      }
      if (alike) parts.push({ type: 'same', text: alike })
    }
  }
  return hoistSharedSpace(mergePhrases(parts))
}

/**
 * Kept words between changes taken into them, as diff-match-patch's semantic clean-up does: a kept run no
 * longer than the changes on either side of it (letters counted: the deleted or the inserted words, whichever
 * is longer) reads as part of one change, so "~~embrace~~ <u>attend</u> the ~~principles of …~~ training …"
 * is marked as the words left out and the words put in, each one run. Only a run with words struck on both
 * sides is taken in: next to an insertion ("role <u>of a member</u> as <u>an</u> elected", "meetings<u> with
 * officers</u>") a kept word stays kept, as Appendix B of seed 002 marks it. A kept run that holds a line break
 * or a table's `|`
 * stays (a run is marked within its lines), and so does one `mayJoin` refuses (words a motion left alone).
 * Joining the same and deleted parts still gives the old text, the same and inserted parts the new.
 *
 * @param mayJoin whether the kept run from `start` to `end` (offsets in the old text) may be taken in
 */
export function cleanupSemantic(parts: WordPart[], mayJoin: (start: number, end: number) => boolean = () => true): WordPart[] {
  // The parts as changes and kept runs; each kept run joins the change groups either side of it or stays. A group
  // that grows may let the kept run before it join too, so groups are kept on a stack (linear, not a rescan).
  const stack: Array<ChangeGroup | KeptRun> = []
  let oldAt = 0
  const joinable = (kept: KeptRun, before: ChangeGroup, after: ChangeGroup): boolean => {
    const size = kept.text.trim().length
    // Only a kept word with words struck on both sides of it, and words put in, is taken in: next to an insertion
    // alone it stays kept ("~~calling or attending~~ <u>requesting</u> meetings<u> with officers</u>").
    const struckAround = before.deleted.trim() !== '' && after.deleted.trim() !== '' && (before.inserted + after.inserted).trim() !== ''
    const within = !kept.text.includes('\n') && !kept.text.includes('|')
    const fits = size <= Math.max(before.deleted.length, before.inserted.length) && size <= Math.max(after.deleted.length, after.inserted.length)
    return struckAround && within && fits && mayJoin(kept.at, kept.at + kept.text.length)
  }
  const pushGroup = (group: ChangeGroup): void => {
    let current = group
    for (;;) {
      const kept = stack.at(-1)
      const before = stack.at(-2)
      if (!kept || kept.kind !== 'kept' || !before || before.kind !== 'group' || !joinable(kept, before, current)) break
      stack.length -= 2
      current = { kind: 'group', deleted: before.deleted + kept.text + current.deleted, inserted: before.inserted + kept.text + current.inserted }
    }
    stack.push(current)
  }
  let group: ChangeGroup | null = null
  for (const part of parts) {
    if (part.type === 'same') {
      if (group) pushGroup(group)
      group = null
      stack.push({ kind: 'kept', text: part.text, at: oldAt })
      oldAt += part.text.length
      continue
    }
    group ??= { kind: 'group', deleted: '', inserted: '' }
    if (part.type === 'deleted') {
      group.deleted += part.text
      oldAt += part.text.length
    } else group.inserted += part.text
  }
  if (group) pushGroup(group)
  return stack.flatMap((entry): WordPart[] =>
    entry.kind === 'kept'
      ? [{ type: 'same', text: entry.text }]
      : [...(entry.deleted ? [{ type: 'deleted' as const, text: entry.deleted }] : []), ...(entry.inserted ? [{ type: 'inserted' as const, text: entry.inserted }] : [])]
  )
}

interface ChangeGroup {
  kind: 'group'
  deleted: string
  inserted: string
}

interface KeptRun {
  kind: 'kept'
  text: string
  /** Its offset in the old text. */
  at: number
}

/** Changes at most this many kept words apart are one cluster, aligned again by weight. */
const CLUSTER_GAP = 2
/** A cluster larger than this (old tokens × new tokens) keeps the shortest-edit alignment. */
const CLUSTER_CELLS = 4096

/**
 * Among alignments with as few edits, the shortest edit script may keep a
 * small word where a reader keeps a long one: "calling or attending" →
 * "calling, attending or requesting" is marked `calling{+, attending+} or
 * [-attending-]{+requesting+}`, where a clerk marks `calling[-or-]{+,+}
 * attending{+ or requesting+}`. Each cluster of changes a word or two apart
 * is aligned again to keep the most letters (a dynamic programme over the
 * cluster alone, which is small); elsewhere the runs are as given.
 */
function realignClusters(runs: DiffRun[], oldIds: Int32Array, newIds: Int32Array, oldTokens: string[]): DiffRun[] {
  const result: DiffRun[] = []
  const push = (type: DiffRun['type'], count: number): void => {
    const last = result.at(-1)
    if (last && last.type === type) last.count += count
    else if (count > 0) result.push({ type, count })
  }
  let oldAt = 0
  let newAt = 0
  let index = 0
  while (index < runs.length) {
    const run = runs[index] as DiffRun
    if (run.type === 'same') {
      push('same', run.count)
      oldAt += run.count
      newAt += run.count
      index++
      continue
    }
    // A cluster: changes, with kept runs of at most CLUSTER_GAP tokens between them.
    let end = index
    let oldEnd = oldAt
    let newEnd = newAt
    let inner = false
    for (;;) {
      const current = runs[end] as DiffRun
      if (current.type !== 'inserted') oldEnd += current.count
      if (current.type !== 'deleted') newEnd += current.count
      end++
      const gap = runs[end]
      const next = runs[end + 1]
      if (gap?.type === 'same' && gap.count <= CLUSTER_GAP && next && next.type !== 'same') {
        inner = true
        continue
      }
      if (gap && gap.type !== 'same') continue
      break
    }
    const cells = (oldEnd - oldAt) * (newEnd - newAt)
    if (!inner || cells > CLUSTER_CELLS) {
      for (const kept of runs.slice(index, end)) push(kept.type, kept.count)
    } else {
      for (const aligned of heaviestAlignment(oldIds.subarray(oldAt, oldEnd), newIds.subarray(newAt, newEnd), oldTokens.slice(oldAt, oldEnd))) push(aligned.type, aligned.count)
    }
    oldAt = oldEnd
    newAt = newEnd
    index = end
  }
  return result
}

/** The alignment of two short token lists that keeps the most letters; struck before inserted where they meet. */
function heaviestAlignment(a: Int32Array, b: Int32Array, aTokens: string[]): DiffRun[] {
  const n = a.length
  const m = b.length
  const weight = aTokens.map((token) => token.trim().length)
  // best[i * (m + 1) + j]: the letters kept aligning a[i..] with b[j..].
  const best = new Float64Array((n + 1) * (m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const skip = Math.max(best[(i + 1) * (m + 1) + j] as number, best[i * (m + 1) + j + 1] as number)
      best[i * (m + 1) + j] = a[i] === b[j] ? Math.max(skip, (weight[i] as number) + (best[(i + 1) * (m + 1) + j + 1] as number)) : skip
    }
  }
  const runs: DiffRun[] = []
  const push = (type: DiffRun['type']): void => {
    const last = runs.at(-1)
    if (last && last.type === type) last.count++
    else runs.push({ type, count: 1 })
  }
  let i = 0
  let j = 0
  while (i < n || j < m) {
    const here = best[i * (m + 1) + j] as number
    if (i < n && j < m && a[i] === b[j] && here === (weight[i] as number) + (best[(i + 1) * (m + 1) + j + 1] as number)) {
      push('same')
      i++
      j++
    } else if (i < n && (j === m || here === best[(i + 1) * (m + 1) + j])) {
      push('deleted')
      i++
    } else {
      push('inserted')
      j++
    }
  }
  return runs
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
  let deleted = ''
  let inserted = ''
  for (let index = runStart; index < merged.length; index++) {
    const item = merged[index] as WordPart
    if (item.type === 'deleted') deleted += item.text
    else if (item.type === 'inserted') inserted += item.text
  }
  if (part.type === 'deleted') deleted += part.text
  else if (part.type === 'inserted') inserted += part.text
  merged.length = runStart
  if (deleted) merged.push({ type: 'deleted', text: deleted })
  if (inserted) merged.push({ type: 'inserted', text: inserted })
}
