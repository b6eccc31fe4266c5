import { numberSteps, type PathStep, romanValue } from './number-steps.js'
import { numberKey } from './clause-number.js'
import type { Clause, Protocol } from './types.js'

/**
 * A place a motion can cite: a clause, or a lettered or numbered item
 * inside one (`(f)` of paragraph 3, `(iv)` under `(b)`), with its full
 * number as a path of steps: 3.9 → 3, 9; `(f)` of 3 → 3, f.
 */
export interface CitablePlace {
  clause: Clause
  path: PathStep[]
  /** For an item inside the clause: where it lies in `clause.source` ([start, end)) and its label as written. */
  item?: { start: number; end: number; label: string; startsOnly?: boolean }
}

/** An item numbered in full inside its clause ("4.3.b the payment …" in 4.3), as some rules number their sub-items. */
const FULL_MARK = /^[ \t]*(?:[-*+][ \t]+)?(\d+(?:\.\d+)*\.[a-z0-9]{1,4}(?:\.[a-z0-9]{1,4})*)\.?[ \t]+/i

const ITEM_MARK = /^([ \t]*)(?:[-*+][ \t]+)?(?:\(([a-z]{1,2}|[ivxlc]+|\d{1,3})\)|([a-z]{1,2}|[ivxlc]+|\d{1,3})[.)])[ \t]+/i

/** The steps of a clause's own number ("3.9" → 3, 9; "(iv)" → iv), or [] when it has none. */
export function ownSteps(clause: Clause): PathStep[] {
  if (clause.number === '') return []
  return numberSteps(numberKey(clause.number)) ?? []
}

/**
 * Every place of a protocol a motion can cite, in document order: each
 * clause with its full path (a number of several steps is whole, `3.9`; a
 * single step is read under the heading it is in: `a.` under `3.` is 3, a),
 * and each lettered, roman or numbered item inside a clause's text.
 */
export function citablePlaces(protocol: Protocol): CitablePlace[] {
  const full = new Map<Clause, PathStep[]>()
  const places: CitablePlace[] = []
  for (const clause of protocol.all) {
    const own = ownSteps(clause)
    const parent = clause.parent ? (full.get(clause.parent) ?? []) : []
    // An unnumbered paragraph is cited by its opening words, not a number; items inside it are under its heading's.
    const path = own.length === 0 ? [] : own.length >= 2 || parent.length === 0 ? own : [...parent, ...own]
    full.set(clause, path.length > 0 ? path : parent)
    if (path.length > 0) places.push({ clause, path })
    const base = path.length > 0 ? path : parent
    if (base.length > 0) places.push(...itemsOf(clause, base))
  }
  return places
}

type Style = 'letter' | 'roman' | 'number'

interface OpenItem {
  indent: number
  style: Style
  label: string
  place: CitablePlace
}

/** The items inside a clause's text: lines that open with `(a)`, `a.`, `(iv)`, `ii)`, `(2)`, nested by style. */
function itemsOf(clause: Clause, path: PathStep[]): CitablePlace[] {
  const source = clause.source
  const found: CitablePlace[] = []
  const open: OpenItem[] = []
  let offset = source.indexOf('\n') + 1
  if (offset === 0) return []
  // The labels in order, to tell a letter from a numeral by what follows it: "(i)" then "(j)" are letters.
  const labels = [...source.slice(offset).matchAll(new RegExp(ITEM_MARK.source, 'gim'))].map((found) => (found[2] ?? found[3] ?? '').toLowerCase())
  let seen = 0
  while (offset < source.length) {
    let end = source.indexOf('\n', offset)
    if (end === -1) end = source.length
    const line = source.slice(offset, end)
    const full = FULL_MARK.exec(line)
    const steps = full ? numberSteps(full[1] ?? '') : null
    if (full && steps && steps.length > path.length && path.every((step, at) => step === steps[at])) {
      for (const item of open.splice(0)) if (item.place.item) item.place.item.end = trimEnd(source, offset)
      const place: CitablePlace = { clause, path: steps, item: { start: offset, end: source.length, label: (full[1] ?? '').trim() } }
      open.push({ indent: -1, style: 'number', label: full[1] ?? '', place })
      found.push(place)
      offset = end + 1
      continue
    }
    const match = ITEM_MARK.exec(line)
    if (match) {
      const label = (match[2] ?? match[3] ?? '').toLowerCase()
      const indent = (match[1] ?? '').replace(/\t/g, '    ').length
      const following = labels[++seen] ?? ''
      const nextLetter = label.length === 1 && following === String.fromCharCode(label.charCodeAt(0) + 1)
      const style = nextLetter && /^[ivx]$/.test(label) && !open.some((item) => item.style === 'roman') ? 'letter' : styleOf(label, open)
      // Close the items this one follows or leaves: the same style at this indent or deeper, and anything inside them.
      const at = open.findIndex((item) => item.style === style && item.indent >= indent - 1)
      const closing = at >= 0 ? open.splice(at) : open.filter((item) => item.indent > indent).length > 0 ? open.splice(open.findIndex((item) => item.indent > indent)) : []
      for (const item of closing) if (item.place.item) item.place.item.end = trimEnd(source, offset)
      const parentPath = open.at(-1)?.place.path ?? path
      const place: CitablePlace = { clause, path: [...parentPath, label], item: { start: offset, end: source.length, label: match[0].trim() } }
      open.push({ indent, style, label, place })
      found.push(place)
    }
    offset = end + 1
  }
  return found
}

/** Where an item's text ends: before the line break (and blank lines) in front of `offset`. */
function trimEnd(source: string, offset: number): number {
  return source.slice(0, offset).replace(/\s+$/, '').length
}

/**
 * Whether an item's label is a letter, a roman numeral or a number. `i`
 * after `h` is a letter; `i`, `ii` under a lettered item are roman.
 */
function styleOf(label: string, open: OpenItem[]): Style {
  if (/^\d+$/.test(label)) return 'number'
  if (romanValue(label) === null) return 'letter'
  const letters = [...open].reverse().find((item) => item.style === 'letter')
  // The next letter of an open lettered list: h → i, u → v, w → x.
  if (letters && label.length === 1 && letters.label.length === 1 && label.charCodeAt(0) === letters.label.charCodeAt(0) + 1) return 'letter'
  if (open.some((item) => item.style === 'roman')) return 'roman'
  return label === 'i' || label.length > 1 || letters ? 'roman' : 'letter'
}
