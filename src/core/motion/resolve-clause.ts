import { numberKey, unitPrefix } from '../protocol/clause-number.js'
import { clauseOpening, normalizeWords } from '../protocol/clause-opening.js'
import { clauseWithDescendants } from '../protocol/clause-extent.js'
import type { Clause, Protocol } from '../protocol/types.js'
import { type CitablePlace, citablePlaces, ownSteps } from '../protocol/clause-paths.js'
import { romanValue, sameStep } from '../protocol/number-steps.js'
import { lineAt } from './line-numbers.js'
import type { ClauseRef } from './types.js'
import { countNewlines } from '../text-lines.js'

/**
 * The clause a motion names — and, for an item inside it (`3(f)`), where the
 * item lies in the clause's source — or why it names none (one clear
 * sentence with what exists nearby).
 */
export type Resolved = { clause: Clause; item?: CitablePlace['item'] } | { reason: string; code: 'unknown-clause' | 'ambiguous-clause' }

/**
 * Find the clause a motion means: a number as it stands in the base text
 * (or a clause ID), or, for "the paragraph beginning …", the one clause
 * whose words open that way.
 */
export function resolveClause(protocol: Protocol, ref: ClauseRef): Resolved {
  if (ref.by === 'path') return withTitle(protocol, ref, resolvePath(protocol, ref))
  if (ref.by === 'range') {
    const all = resolveClauses(protocol, ref)
    if ('reason' in all) return all
    const [only] = all.clauses
    return all.clauses.length === 1 && only ? { clause: only } : { reason: `${ref.text} names ${all.clauses.length} paragraphs; name one`, code: 'ambiguous-clause' }
  }
  if (ref.by === 'definition') return resolveDefinition(protocol, ref)
  if (ref.by === 'heading') return resolveHeading(protocol, ref)
  if (ref.by === 'opening') {
    const wanted = normalizeWords(ref.value)
    const found = protocol.all.filter((clause) => normalizeWords(clauseOpening(clause)).startsWith(wanted))
    const [only] = found
    if (found.length === 1 && only) return { clause: only }
    if (found.length === 0) return { reason: `No paragraph begins “${ref.value}”`, code: 'unknown-clause' }
    return { reason: `${found.length} paragraphs begin “${ref.value}” (${found.map(label).join(', ')}); quote more of the opening words`, code: 'ambiguous-clause' }
  }
  const key = numberKey(ref.value)
  const byNumber = protocol.all.filter((clause) => clause.number !== '' && numberKey(clause.number) === key)
  const byId = protocol.all.filter((clause) => clause.id === ref.value)
  const found = byNumber.length > 0 ? byNumber : byId
  const [only] = found
  if (found.length === 1 && only) return { clause: only }
  if (found.length > 1) {
    return { reason: `${found.length} clauses are numbered ${ref.value} (${found.map(label).join(', ')}); name one by its clause ID`, code: 'ambiguous-clause' }
  }
  return { reason: `There is no paragraph ${ref.value}${nearbyNumbers(protocol, key)}`, code: 'unknown-clause' }
}

/**
 * Every clause a reference names: the one it names, or for a range
 * ("paragraphs 10.5 to 10.7") each clause from the first to the last at the
 * first's level, in the order of the text.
 */
export function resolveClauses(
  protocol: Protocol,
  ref: ClauseRef
): { clauses: Clause[]; items?: { start: number; end: number; label: string } } | { reason: string; code: 'unknown-clause' | 'ambiguous-clause' } {
  if (ref.by !== 'range') {
    const one = resolveClause(protocol, ref)
    return 'reason' in one ? one : { clauses: [one.clause] }
  }
  const from = resolveClause(protocol, ref.from)
  if ('reason' in from) return from
  const to = resolveClause(protocol, ref.to)
  if ('reason' in to) return to
  const first = protocol.all.indexOf(from.clause)
  const last = protocol.all.indexOf(to.clause)
  if (from.item && to.item && from.clause === to.clause && from.item.start <= to.item.start) {
    return { clauses: [from.clause], items: { start: from.item.start, end: to.item.end, label: from.item.label } }
  }
  if (from.item || to.item || last < first) return { reason: `${ref.text} is not a range of paragraphs in the order of the text`, code: 'unknown-clause' }
  const level = from.clause.parent
  const clauses = protocol.all.slice(first, last + 1).filter((clause) => clause.parent === level || clause === to.clause)
  return { clauses }
}

/**
 * "Standing Order 8 (Code of Conduct)": the words in brackets must be the heading of the clause cited, or of a
 * heading it is in; a motion that names one standing order by number and another by title is refused, naming both.
 */
function withTitle(protocol: Protocol, ref: Extract<ClauseRef, { by: 'path' }>, resolved: Resolved): Resolved {
  if (!ref.title || 'reason' in resolved) return resolved
  const wanted = normalizeWords(ref.title)
  const titles: string[] = []
  for (let clause: Clause | null = resolved.clause; clause; clause = clause.parent) if (clause.kind === 'heading') titles.push(clause.title)
  if (titles.some((title) => normalizeWords(title).includes(wanted) || (title !== '' && wanted.includes(normalizeWords(title))))) return resolved
  const headed = protocol.all.filter((clause) => clause.kind === 'heading' && normalizeWords(clause.title).includes(wanted))
  const own = titles[0] === undefined ? 'has no heading' : resolved.clause.kind === 'heading' ? `is headed “${titles[0]}”` : `is under the heading “${titles[0]}”`
  const place = (clause: Clause): string => `${clause.number.replace(/[.:]$/, '') || clause.id} at line ${clause.position.start.line}`
  const elsewhere = headed.length > 0 ? `; “${ref.title}” is ${headed.map(place).join(', ')}` : ''
  return { reason: `${ref.text} ${own}, not “${ref.title}”${elsewhere}: say which is meant`, code: 'unknown-clause' }
}

/**
 * "The section headed “Officers”": the one heading whose words (after its number, if it has one) are the quoted
 * ones, in any case and with straight or curly quotes.
 */
function resolveHeading(protocol: Protocol, ref: Extract<ClauseRef, { by: 'heading' }>): Resolved {
  const wanted = normalizeWords(ref.title)
  const found = protocol.all.filter((clause) => clause.kind === 'heading' && normalizeWords(clause.title) === wanted)
  const [only] = found
  if (found.length === 1 && only) return { clause: only }
  if (found.length > 1) return { reason: `${found.length} headings read “${ref.title}” (${found.map(label).join(', ')}); name the section by its number or clause ID`, code: 'ambiguous-clause' }
  const near = protocol.all.filter((clause) => clause.kind === 'heading' && normalizeWords(clause.title).includes(wanted)).map((clause) => `“${clause.title}”`)
  return { reason: `There is no heading “${ref.title}”${near.length > 0 ? `; headings with those words: ${near.slice(0, 3).join(', ')}` : ''}`, code: 'unknown-clause' }
}

/**
 * "The definition of “consumers”": the one paragraph, in the clause named (with what is under it) or in the whole
 * text, that opens with the term in quotes — a clause of its own, or a paragraph inside one.
 */
function resolveDefinition(protocol: Protocol, ref: Extract<ClauseRef, { by: 'definition' }>): Resolved {
  const within = ref.in ? resolveClause(protocol, ref.in) : null
  if (within && 'reason' in within) return within
  const clauses = within ? clauseWithDescendants(within.clause) : protocol.all
  const found = clauses.flatMap((clause) => definitionsIn(clause, ref.term).map((item) => ({ clause, item })))
  const [only] = found
  const where = ref.in && within ? ` in ${within.clause.number || within.clause.id}` : ''
  if (found.length === 0) return { reason: `There is no definition of “${ref.term}”${where}: no paragraph opens with it in quotes`, code: 'unknown-clause' }
  if (found.length > 1 || !only) return { reason: `${found.length} paragraphs define “${ref.term}”${where} (${found.map((one) => label(one.clause)).join(', ')}); name the clause`, code: 'ambiguous-clause' }
  const whole = only.item.start === 0 && only.item.end >= only.clause.source.trimEnd().length
  if (whole) return { clause: only.clause }
  // A definition that opens a clause with more after it is not an item of it: its number and anchor are the clause's.
  if (only.item.start === 0) return { reason: `the definition of “${ref.term}” opens ${label(only.clause)}, which goes on after it; cite the clause`, code: 'unknown-clause' }
  return { clause: only.clause, item: only.item }
}

/** The paragraphs of a clause's source that open with a term in quotes (after the anchor, number or list mark), as items. */
function definitionsIn(clause: Clause, term: string): Array<{ start: number; end: number; label: string }> {
  const wanted = normalizeWords(term)
  const found: Array<{ start: number; end: number; label: string }> = []
  const source = clause.source
  for (const paragraph of source.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]+)*/g)) {
    const opening = /^(?:#+\s+)?(?:<a id="[^"]*"><\/a>)?\s*(?:[-*+]\s+)?(?:\([a-z0-9]{1,6}\)\s*)?[“"‘']([^”"’']+)[”"’']/i.exec(paragraph[0])
    if (!opening || normalizeWords(opening[1] ?? '') !== wanted) continue
    const start = paragraph.index ?? 0
    found.push({ start, end: start + paragraph[0].length, label: `“${term}”` })
  }
  return found
}

/** The clauses whose words an operation scoped to `clause` may touch: a heading's whole section. */
export function scopeClauses(clause: Clause, headingOnly: boolean): Clause[] {
  if (clause.kind !== 'heading' || headingOnly) return [clause]
  return clauseWithDescendants(clause)
}

function nearbyNumbers(protocol: Protocol, key: string): string {
  const numbered = protocol.all.filter((clause) => clause.number !== '')
  const section = key.includes('.') ? key.slice(0, key.lastIndexOf('.') + 1) : ''
  let near = section ? numbered.filter((clause) => numberKey(clause.number).startsWith(section)) : []
  if (near.length === 0) {
    const value = Number.parseFloat(key)
    near = [...numbered]
      .sort((a, b) => Math.abs(Number.parseFloat(numberKey(a.number)) - value) - Math.abs(Number.parseFloat(numberKey(b.number)) - value))
      .slice(0, 4)
  }
  return near.length > 0 ? `; the nearest are ${near.map((clause) => clause.number).join(', ')}` : ''
}

function label(clause: Clause): string {
  return `${clause.number || clause.id} at line ${clause.position.start.line}`
}

/** A protocol's citable places, and the same indexed by the last step of their path (in each way it can be written). */
interface PlaceIndex {
  places: CitablePlace[]
  byLast: Map<string, CitablePlace[]>
  order: Map<CitablePlace, number>
}

const placesCache = new WeakMap<Protocol, PlaceIndex>()

/** The forms a step is found under: as written, and as a number (4 and IV are one step). */
function stepKeys(step: string): string[] {
  const keys = [step]
  if (/^\d+$/.test(step)) keys.push(`#${Number(step)}`)
  const roman = romanValue(step)
  if (roman !== null) keys.push(`#${roman}`)
  return keys
}

function indexOf(protocol: Protocol): PlaceIndex {
  let index = placesCache.get(protocol)
  if (!index) {
    const places = citablePlaces(protocol)
    const byLast = new Map<string, CitablePlace[]>()
    for (const place of places) {
      for (const key of stepKeys(place.path.at(-1) ?? '')) {
        const same = byLast.get(key)
        if (same) same.push(place)
        else byLast.set(key, [place])
      }
    }
    index = { places, byLast, order: new Map(places.map((place, at) => [place, at])) }
    placesCache.set(protocol, index)
  }
  return index
}

/** The places whose last step could be the last step of `path` (a citation is matched only against these). */
function candidates(index: PlaceIndex, path: string[]): CitablePlace[] {
  const found = new Set<CitablePlace>()
  for (const key of stepKeys(path.at(-1) ?? '')) for (const place of index.byLast.get(key) ?? []) found.add(place)
  return [...found].sort((a, b) => (index.order.get(a) ?? 0) - (index.order.get(b) ?? 0))
}

function samePath(a: string[], b: string[], loneNumerals = false): boolean {
  return a.length === b.length && a.every((step, index) => sameStep(step, b[index] ?? '', loneNumerals))
}

function endsWith(path: string[], tail: string[]): boolean {
  return tail.length <= path.length && samePath(path.slice(path.length - tail.length), tail)
}

/**
 * A citation as the body wrote it: the place whose full path is the one
 * cited (under the enclosing citation, if the instruction has one), else the
 * one place whose path ends so (`paragraph (f)` when only one (f) exists).
 * Nothing is guessed: two candidates are ambiguous.
 */
function resolvePath(protocol: Protocol, ref: Extract<ClauseRef, { by: 'path' }>): Resolved {
  // "Line 12, leave out …": a line of the text as printed with its lines numbered.
  if (/^lines?$/i.test(ref.unit) && ref.path.length === 1 && /^\d+$/.test(ref.path[0] ?? '')) return lineAt(protocol, Number(ref.path[0]))
  const index = indexOf(protocol)
  const places = index.places
  // "Standing Order 1" is not "PART 1": a clause numbered with another unit word is not a candidate.
  const near = bracketedFirst(
    candidates(index, ref.path).filter((place) => place.item || !otherUnit(place.clause.number, ref.unit)),
    ref
  )
  // Under an enclosing citation ("In paragraph (2), omit sub-paragraph (k)") a clause is looked for there only:
  // a (k) of another paragraph is never the one meant.
  const attempts = ref.within && ref.within.length > 0 ? [[...ref.within, ...ref.path]] : [ref.path]
  const byUnit = withinUnit(index, ref)
  if (byUnit) return byUnit
  for (const path of attempts) {
    const exact = near.filter((place) => samePath(place.path, path))
    const clauses = exact.filter((place) => !place.item)
    const chosen = ofCitedUnit(clauses.length > 0 ? clauses : exact, ref.unit)
    if (chosen.length === 1 && chosen[0]) return { clause: chosen[0].clause, ...(chosen[0].item ? { item: chosen[0].item } : {}) }
    if (chosen.length > 1) return ambiguousPlaces(ref.text, chosen)
  }
  // The one place whose path ends so — under the enclosing citation first: "(b)" of "paragraph (5)" before any "(b)".
  for (const path of attempts) {
    const tails = near.filter((place) => endsWith(place.path, path))
    const clauses = tails.filter((place) => !place.item)
    const chosen = clauses.length > 0 ? clauses : tails
    const [only] = chosen
    if (chosen.length === 1 && only) return { clause: only.clause, ...(only.item ? { item: only.item } : {}) }
    if (chosen.length > 1) return ambiguousPlaces(ref.text, chosen)
  }
  const inside = insideOuter(index, ref.path)
  if (inside) return inside
  // Last, a lone i, v or x as the numeral it also is: "5.2.i" for an item typed "1." under 5.2 (shown as "i." by GitHub).
  for (const path of attempts) {
    const exact = near.filter((place) => samePath(place.path, path, true))
    const [only] = exact
    if (exact.length === 1 && only) return { clause: only.clause, ...(only.item ? { item: only.item } : {}) }
  }
  return { reason: `There is no ${ref.text}${nearbyPlaces(places, ref)}`, code: 'unknown-clause' }
}

/**
 * "Item 5.7 of Section 1": a compound number that is whole in itself (5.7), cited inside an outer place (Section 1)
 * whose number it does not repeat — the one place under that outer place whose path ends with it.
 */
function insideOuter(index: PlaceIndex, path: string[]): Resolved | null {
  for (let split = 1; split <= path.length - 2; split++) {
    const outer = path.slice(0, split)
    const inner = path.slice(split)
    const heads = index.places.filter((place) => !place.item && endsWith(place.path, outer))
    const found = new Set<CitablePlace>()
    for (const head of heads) {
      const under = new Set(clauseWithDescendants(head.clause))
      for (const place of candidates(index, inner)) if (place.clause !== head.clause && under.has(place.clause) && endsWith(place.path, inner)) found.add(place)
    }
    const [only] = found
    if (found.size === 1 && only) return { clause: only.clause, ...(only.item ? { item: only.item } : {}) }
  }
  return null
}

/**
 * The place whose number is written as cited comes first: a bare "(7)" names a place numbered "(7)" — a
 * subsection — before one numbered "7" (a section); "2.1" the clause numbered 2.1 before item 1 under 2.
 */
function bracketedFirst(places: CitablePlace[], ref: Extract<ClauseRef, { by: 'path' }>): CitablePlace[] {
  // "clause 2.1": the clause numbered 2.1 before item 1 under section 2.
  const dotted = /(?:^|\s)(\d+(?:\.\d+)+)\.?$/.exec(ref.text.trim())
  // Only when the cited path could also be an item's (more than one place): the common case costs nothing.
  if (dotted && places.length > 1) {
    const written = dotted[1] ?? ''
    // "2.1", "2.1.", "Section 2.1": the number as the clause itself writes it (a plain string test, not numberKey: this runs per place).
    const own = places.filter((place) => !place.item && place.path.length === ref.path.length && place.clause.number.replace(/\.$/, '').split(/\s/).at(-1) === written)
    if (own.length > 0) return own
  }
  if (ref.path.length !== 1 || !/^\(\w+\)$/.test(ref.text.trim())) return places
  const written = (place: CitablePlace): string => place.item?.label ?? place.clause.number
  const bracketed = places.filter((place) => /^\s*\(\w+\)/.test(written(place)))
  return bracketed.length > 0 ? bracketed : places
}

function ambiguousPlaces(text: string, places: CitablePlace[]): Resolved {
  const names = places.slice(0, 6).map((place) => `${describePath(place.path)} at line ${place.clause.position.start.line + (place.item ? lineOffset(place.clause.source, place.item.start) : 0)}`)
  return { reason: `${places.length} places could be ${text} (${names.join(', ')}); cite it in full, e.g. ${describePath(places[0]?.path ?? [])}`, code: 'ambiguous-clause' }
}

function lineOffset(source: string, offset: number): number {
  return countNewlines(source.slice(0, offset))
}

/** A path as a reader cites it: 3.9, 3(f), 12.6.1(iv). */
export function describePath(path: string[]): string {
  let text = ''
  for (const step of path) {
    if (text === '') text = step
    else if (/^\d+$/.test(step) && /\d$/.test(text)) text += `.${step}`
    else text += `(${step})`
  }
  return text
}

/** Where a step stands in its sequence: 12 for "12", 5 for "e", 4 for "iv" (22 for "v" among letters); NaN for anything else. */
function stepValue(step: string, lettered: boolean): number {
  if (/^\d+(?:\.\d+)?$/.test(step)) return Number.parseFloat(step)
  if (/^[a-z]$/i.test(step) && (lettered || !/^[ivxlc]$/i.test(step))) return step.toLowerCase().charCodeAt(0) - 96
  return romanValue(step) ?? Number.NaN
}

/** The places nearest a citation that names none, in the body's own unit word: "the nearest are Section 5.3 and Section 5.5". */
function nearbyPlaces(places: CitablePlace[], ref: Extract<ClauseRef, { by: 'path' }>): string {
  const parent = ref.path.slice(0, -1)
  const under = parent.length > 0 ? places.filter((place) => place.path.length === ref.path.length && samePath(place.path.slice(0, -1), parent)) : []
  const candidates = (under.length > 0 ? under : places.filter((place) => place.path.length === ref.path.length && !place.item)).slice(0, 200)
  // Nearest first by the step's place in its sequence: 3(v) is nearest 3(u) and 3(t), not 3(a). A single letter is
  // counted as a letter among lettered steps (a, b, …) and as a roman number among roman ones.
  const lettered = candidates.some((place) => /^[a-z]$/i.test(place.path.at(-1) ?? '') && !/^[ivxlc]$/i.test(place.path.at(-1) ?? ''))
  const key = stepValue(ref.path.at(-1) ?? '', lettered)
  const distance = (place: CitablePlace): number => {
    const value = Math.abs(stepValue(place.path.at(-1) ?? '', lettered) - key)
    return Number.isNaN(value) ? Number.POSITIVE_INFINITY : value
  }
  const nearest = Number.isNaN(key) ? candidates.slice(0, 4) : [...candidates].sort((a, b) => distance(a) - distance(b)).slice(0, 4)
  if (nearest.length === 0) return ''
  // In the order of the text, by the body's own unit word as the motion wrote it: "Standing Orders 3 and 5".
  const names = [...new Set(places.filter((place) => nearest.includes(place)).map((place) => describePath(place.path)))]
  const written = /^\D*?(?=\s*[\d(]|\s*[ivxlc]+\b)/i.exec(ref.text)?.[0].trim() ?? ''
  const unit = written === '' ? '' : `${/s$/i.test(written) || names.length === 1 ? written : `${written}s`} `
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
  return `; the nearest ${names.length === 1 ? 'is' : 'are'} ${unit}${list}`
}

/** Whether a clause's number carries a unit word other than the one cited ("Part 1" when "Standing Order 1" is cited). */
/**
 * Of several places with the number cited, those whose unit word is the one
 * cited: "Part 1" is PART 1, not section 1 inside it; "2" is section 2, not
 * PART 2 or Division 2. When none is, all stay candidates.
 */
function ofCitedUnit(places: CitablePlace[], unit: string): CitablePlace[] {
  if (places.length < 2) return places
  const cited = unit.trim().toLowerCase().replace(/s$/, '')
  const same = places.filter((place) => !place.item && unitPrefix(place.clause.number).trim().toLowerCase().replace(/s$/, '') === cited)
  return same.length > 0 ? same : places
}

function otherUnit(number: string, unit: string): boolean {
  const own = unitPrefix(number).trim().toLowerCase()
  if (own === '' || unit === '') return false
  const base = (word: string): string => word.replace(/\s+/g, ' ').replace(/s$/, '').replace(/^(?:bylaw|byelaw)$/, 'by-law')
  const cited = base(unit)
  // Smaller units ("paragraph", "item", "sub-paragraph") cite inside anything.
  if (/^(?:paragraph|para|sub-paragraph|subparagraph|item|sub-item|point|provision)$/.test(cited)) return false
  return base(own) !== cited
}

/**
 * A clause numbered with the unit word cited — "Standing Order 1", "Regulation 5" — is found by that number
 * whatever it sits under (a Part, a Chapter): its number is its own. What follows in the citation ("(a)" of
 * "Standing Order 1(a)") is looked for under it.
 */
function withinUnit(index: PlaceIndex, ref: Extract<ClauseRef, { by: 'path' }>): Resolved | null {
  if (ref.unit === '' || (ref.within && ref.within.length > 0)) return null
  // "Article 7, Section 2" names two units: its path is whole (Article 7, then its Section 2), and "Section 7" is not its head.
  const unitWords = ref.text.match(/\b(?:articles?|sections?|parts?|chapters?|schedules?|rules?|standing orders?|by-?laws?|byelaws?|regulations?|appendix|annex|divisions?|titles?)\b/gi) ?? []
  if (new Set(unitWords.map((word) => word.toLowerCase().replace(/s$/, ''))).size > 1) return null
  const cited = ref.unit.replace(/\s+/g, ' ').replace(/s$/, '')
  if (/^(?:paragraph|para|sub-paragraph|subparagraph|item|sub-item|point|provision|clause)$/.test(cited)) return null
  const units = index.places.filter((place) => !place.item && unitPrefix(place.clause.number).trim().toLowerCase().replace(/\s+/g, ' ').replace(/s$/, '') === cited)
  let head: CitablePlace | undefined
  for (let length = ref.path.length; length >= 1; length--) {
    const heads = units.filter((place) => samePath(ownSteps(place.clause), ref.path.slice(0, length)))
    if (heads.length !== 1 || !heads[0]) continue
    head = heads[0]
    // "Part 1" is the part itself, whatever else is numbered 1 beside it.
    if (length === ref.path.length) return { clause: heads[0].clause }
    const full = [...heads[0].path, ...ref.path.slice(length)]
    const found = index.places.filter((place) => samePath(place.path, full) || (length < ref.path.length && place.path.length > full.length && startsWithPath(place.path, heads[0]?.path ?? []) && endsWith(place.path, ref.path.slice(length))))
    const clauses = found.filter((place) => !place.item)
    const chosen = clauses.length > 0 ? clauses : found
    const [only] = chosen
    if (only && chosen.length === 1) return { clause: only.clause, ...(only.item ? { item: only.item } : {}) }
    if (chosen.length > 1) return ambiguousPlaces(ref.text, chosen)
  }
  // The standing order is there, but not what the citation goes on to name in it: never a (j) of something else.
  if (head) return { reason: `There is no ${ref.text}: ${describePath(head.path)} has no ${describePath(ref.path.slice(ownSteps(head.clause).length))} under it`, code: 'unknown-clause' }
  return null
}

function startsWithPath(path: string[], prefix: string[]): boolean {
  return prefix.length <= path.length && prefix.every((step, index) => sameStep(step, path[index] ?? ''))
}
