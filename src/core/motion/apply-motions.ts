import type { VFileMessage } from 'vfile-message'
import { problem } from '../problem.js'
import { appliedMotions, recordApplied } from '../protocol/applied-motions.js'
import { checkProtocol } from '../protocol/check-protocol.js'
import { clauseWithDescendants } from '../protocol/clause-extent.js'
import { findCrossReferences } from '../protocol/cross-references.js'
import { bomLength } from '../protocol/parse-front-matter.js'
import { createParseCache, type ParseCache } from '../parse-cache.js'
import type { Clause, Protocol } from '../protocol/types.js'
import { writeProtocol, type ProtocolParts } from '../protocol/write-protocol.js'
import { newClauses, type NewClause } from './new-clauses.js'
import { numberKey, splitClauseNumber } from '../protocol/clause-number.js'
import { planOperation, type Planned, type PlannedEdit, type PlannedStructure } from './operations/index.js'
import { planWordEdit, type WordEdit } from './plan-word-edit.js'
import { numberOffset } from './visible-text.js'
import { renumber } from './renumber.js'
import { type Resolved, resolveClause, resolveClauses } from './resolve-clause.js'
import { citablePlaces } from '../protocol/clause-paths.js'
import type { ClauseRef, Instruction, Motion } from './types.js'

/** A motion to apply: the parsed motion, its file's text (an amendment may change it) and a name for messages. */
export interface MotionInput {
  motion: Motion
  text: string
  name: string
}

/** How motions are applied: see {@link applyMotions}. */
export interface ApplyOptions {
  version?: string
  numbersFrom?: string
  /** The texts the command has parsed: each text here (the protocol, the motions as amended, the text made) is parsed once. */
  parsed?: ParseCache | undefined
}

/** A problem with one motion file. */
export interface MotionProblem {
  name: string
  message: VFileMessage
}

/**
 * The result of applying motions: the new protocol text, the motions as applied, the clause IDs they
 * moved (so that a report says which clause moved, not only that two changed places) and the words their
 * operations changed (so that the appendix marks each operation as its own runs); or every reason it cannot
 * be made.
 */
export type ApplyResult = { text: string; motions: Motion[]; moved: string[]; changedWords: ChangedWords[] } | { problems: MotionProblem[] }

/** Words of a clause an operation left out (offsets in the clause's source in the base text) and the words it put in their place. */
export interface ChangedWords {
  id: string
  start: number
  end: number
  text: string
}


/**
 * Apply motions, all or nothing, to a protocol's text. Every motion is read
 * against the same base text: numbers are as they stand there, quoted words
 * must occur exactly once in their scope, and no two operations may touch
 * the same words. Amendments to a motion (`amends:`) change its words first.
 * The new text keeps the file's conventions: a byte order mark at its start,
 * and CRLF line ends throughout when the file's first line ends so.
 *
 * @param protocolText the protocol as it stands (the motions' base)
 * @param inputs the motions, in the order given
 * @param options.version the version label of `protocolText`, when it is a recorded version: a motion drafted
 *   against it (`base:`) applies; one drafted against another version is refused
 * @param options.numbersFrom the text the motions were drafted against, when it is not `protocolText` (a marshalled
 *   amendment applied after others were carried): clauses are named by their numbers and words there, then found
 *   by clause ID in `protocolText`, so a renumbering by an earlier motion never sends one to another clause
 * @param options.parsed the command's parsed texts, shared with what else it reads (a new cache when not given)
 * @returns the new text, or every problem found (nothing is applied then)
 */
export function applyMotions(protocolText: string, inputs: MotionInput[], options: ApplyOptions = {}): ApplyResult {
  const parsed = options.parsed ?? createParseCache()
  const apply = (): ApplyResult => {
    const file = fileConventions(protocolText)
    const result = applyToText(file.text, inputs, options, parsed)
    return 'text' in result ? { ...result, text: file.restore(result.text) } : result
  }
  return options.parsed ? parsed.applied(protocolText, appliedKey(inputs, options), apply) : apply()
}

/**
 * What a result depends on besides the text: each motion (its ID, file, folder and words), the version when a
 * motion names the one it was drafted against, and the text numbers are read from when it is another.
 */
function appliedKey(inputs: MotionInput[], options: ApplyOptions): string {
  const based = inputs.some((input) => input.motion.base !== '')
  return [based ? (options.version ?? '') : '', options.numbersFrom ?? '', ...inputs.map((input) => `${input.motion.id}\u0000${input.motion.protocol}\u0000${input.name}\u0000${input.text}`)].join('\u0001')
}

/**
 * A protocol's text as motions are applied to it, without a byte order mark and with LF line ends (new text
 * and the joins between clauses are LF), and how to give the result the file's own: the byte order mark back,
 * and CRLF throughout when the file's first line ends with CRLF. Lines and columns are as in the file.
 */
function fileConventions(text: string): { text: string; restore: (result: string) => string } {
  const bom = text.slice(0, bomLength(text))
  const body = text.slice(bom.length)
  const firstEnd = body.indexOf('\n')
  if (firstEnd <= 0 || body[firstEnd - 1] !== '\r') return { text: body, restore: (result) => bom + result }
  return { text: body.replace(/\r\n/g, '\n'), restore: (result) => bom + result.replace(/\n/g, '\r\n') }
}

function applyToText(protocolText: string, inputs: MotionInput[], options: ApplyOptions, parse: ParseCache): ApplyResult {
  const problems: MotionProblem[] = inputs.flatMap((input) =>
    input.motion.messages.filter((message) => message.fatal).map((message) => ({ name: input.name, message }))
  )
  const base = parse.protocol(protocolText)
  const drafted = options.numbersFrom === undefined ? null : parse.protocol(fileConventions(options.numbersFrom).text)
  const done = new Set(appliedMotions(base))
  for (const input of inputs) {
    if (input.motion.base !== '' && input.motion.base !== options.version) {
      // Numbers are read against the base version: read against another text, they could hit the wrong paragraph.
      const reason = options.version
        ? `Motion was drafted against version \`${input.motion.base}\`, but the text it would change is version \`${options.version}\`; redraft it against \`${options.version}\` (its numbers may have moved)`
        : `Motion was drafted against version \`${input.motion.base}\`, which is not the text it would change (no recorded version is); remove \`base:\` to read its numbers against the current text`
      problems.push({ name: input.name, message: problem(reason, { line: 1, column: 1 }, 'unknown-base') })
    }
    if (!done.has(input.motion.id)) continue
    const reason = `Motion ${input.motion.id} is already applied to this protocol (its front matter lists it under \`applied:\`); a motion applies once`
    problems.push({ name: input.name, message: problem(reason, { line: 1, column: 1 }, 'already-applied') })
  }
  const amended = applyAmendments(inputs, parse)
  if ('problems' in amended) return { problems: [...problems, ...amended.problems] }
  const edits: PlannedEdit[] = []
  const structures: PlannedStructure[] = []
  for (const input of amended.inputs) {
    for (const instruction of input.motion.instructions) {
      const planned = plan(base, input, instruction, drafted)
      if ('message' in planned) {
        problems.push(planned)
        continue
      }
      for (const item of planned) {
        if ('clauseId' in item) edits.push(item)
        else structures.push(item)
      }
    }
  }
  problems.push(...findConflicts(base, edits, structures))
  if (problems.length > 0) return { problems }
  const text = build(base, edits, structures, parse)
  const result = parse.protocol(text)
  const dangling = danglingReferences(base, result, structures)
  if (dangling.length > 0) return { problems: dangling }
  const errors = checkProtocol(result).filter((message) => message.fatal && message.ruleId !== 'slug-mismatch')
  if (errors.length > 0) {
    const [first] = amended.inputs
    // Problems the protocol had before any motion are the protocol's to fix, not the motion's: say where they are.
    // Places in a reason ("first used at 663:19") move with the text a motion changes: the problem is the same one.
    const key = (message: VFileMessage): string => `${message.ruleId} ${message.reason.replace(/\b\d+:\d+\b/g, '')}`
    const before = checkProtocol(base).filter((message) => message.fatal && message.ruleId !== 'slug-mismatch')
    const known = new Set(before.map(key))
    const inherited = errors.every((error) => known.has(key(error)))
    const reason = inherited
      ? `The protocol has ${before.length === 1 ? 'a problem' : 'problems'} before any motion (${before.map((message) => `line ${message.line}:${message.column}: ${message.reason}`).join('; ')}); fix the protocol first (keeling check lists ${before.length === 1 ? 'it' : 'them'}); nothing was applied`
      : `The result would not pass check (${errors.map((error) => error.reason).join('; ')}); nothing was applied`
    return { problems: [{ name: first?.name ?? '', message: problem(reason, { line: 1, column: 1 }, inherited ? 'invalid-protocol' : 'invalid-result') }] }
  }
  const moved = structures.filter((structure) => structure.operation.type === 'move-clause').map((structure) => structure.target)
  const changedWords = edits.map((edit) => ({ id: edit.clauseId, start: edit.start, end: edit.end, text: edit.text }))
  return { text: recordApplied(text, inputs.map((input) => input.motion.id)), motions: amended.inputs.map((input) => input.motion), moved, changedWords }
}

function plan(base: Protocol, input: MotionInput, instruction: Instruction, drafted: Protocol | null): Planned[] | MotionProblem {
  const fail = (reason: string, code: string): MotionProblem => ({
    name: input.name,
    message: problem(`Instruction ${instruction.index}: ${reason}`, { line: instruction.line, column: instruction.column }, code)
  })
  return planOperation(instruction.operation, {
    base,
    input,
    instruction,
    fail,
    resolve: (ref) => (drafted ? resolveAsDrafted(drafted, base, ref) : resolveClause(base, ref)),
    resolveAll: (ref) => (drafted ? resolveAllAsDrafted(drafted, base, ref) : resolveClauses(base, ref))
  })
}

/**
 * A clause named as in the text a motion was drafted against, found by its clause ID in the text it is applied
 * to; an item inside it (`3(f)`) by its place among the clause's items. A clause no longer there is refused as
 * unknown, naming the number it had.
 */
function resolveAsDrafted(drafted: Protocol, current: Protocol, ref: ClauseRef): Resolved {
  const found = resolveClause(drafted, ref)
  if ('reason' in found) return found
  const clause = current.all.find((candidate) => candidate.id === found.clause.id)
  if (!clause) return { reason: `${describeClause(found.clause)} is no longer in the text (an earlier motion left it out or replaced it)`, code: 'unknown-clause' }
  if (!found.item) return { clause }
  const item = found.item
  const at = citablePlaces(drafted).filter((place) => place.clause === found.clause && place.item).findIndex((place) => place.item?.start === item.start)
  const now = citablePlaces(current).filter((place) => place.clause === clause && place.item)[at]
  if (!now?.item || now.item.label !== item.label) return { reason: `item ${item.label} of ${describeClause(found.clause)} is no longer in the text`, code: 'unknown-clause' }
  return { clause, item: now.item }
}

function resolveAllAsDrafted(drafted: Protocol, current: Protocol, ref: ClauseRef): ReturnType<typeof resolveClauses> {
  if (ref.by !== 'range') {
    const one = resolveAsDrafted(drafted, current, ref)
    return 'reason' in one ? one : { clauses: [one.clause] }
  }
  const found = resolveClauses(drafted, ref)
  if ('reason' in found) return found
  if (found.items) {
    const one = resolveAsDrafted(drafted, current, ref.from)
    const last = resolveAsDrafted(drafted, current, ref.to)
    if ('reason' in one) return one
    if ('reason' in last) return last
    return { clauses: [one.clause], items: { start: one.item?.start ?? 0, end: last.item?.end ?? 0, label: one.item?.label ?? '' } }
  }
  const clauses: Clause[] = []
  for (const clause of found.clauses) {
    const now = current.all.find((candidate) => candidate.id === clause.id)
    if (!now) return { reason: `${describeClause(clause)} is no longer in the text (an earlier motion left it out or replaced it)`, code: 'unknown-clause' }
    clauses.push(now)
  }
  return { clauses }
}

function describeClause(clause: Clause): string {
  return clause.number ? `${clause.kind === 'heading' ? 'section' : 'paragraph'} ${clause.number}` : `the paragraph beginning “${clause.title.split(/\s+/).slice(0, 4).join(' ')}”`
}

/** Two operations on the same words, or on a clause another operation removes, are refused naming both. */
function findConflicts(base: Protocol, edits: PlannedEdit[], structures: PlannedStructure[]): MotionProblem[] {
  const problems: MotionProblem[] = []
  const describe = (input: MotionInput, instruction: Instruction): string =>
    `instruction ${instruction.index} of motion ${input.motion.id}`
  const report = (input: MotionInput, instruction: Instruction, reason: string, code: string): void => {
    problems.push({ name: input.name, message: problem(`Instruction ${instruction.index}: ${reason}`, { line: instruction.line, column: instruction.column }, code) })
  }
  // Edits of one clause, in the order they were planned: only those can overlap (n log n, not n² over all edits).
  const byClause = new Map<string, PlannedEdit[]>()
  for (const edit of edits) byClause.set(edit.clauseId, [...(byClause.get(edit.clauseId) ?? []), edit])
  edits.forEach((edit) => {
    const same = byClause.get(edit.clauseId) ?? []
    for (const other of same.slice(0, same.indexOf(edit))) {
      if (!overlaps(edit, other)) continue
      if (other.input === edit.input) {
        const which = (instruction: Instruction): string =>
          other.instruction.index === edit.instruction.index ? `operation ${instruction.part}` : `instruction ${instruction.index}`
        report(edit.input, edit.instruction, `${which(edit.instruction)} changes words that ${which(other.instruction)} also changes; make them one operation`, 'overlapping-operations')
      } else {
        report(edit.input, edit.instruction, `its words were already changed by ${describe(other.input, other.instruction)}; the two motions compete — apply one, or amend it`, 'competing-motions')
      }
    }
  })
  const removed = new Map<string, PlannedStructure>()
  for (const structure of structures) {
    if (structure.operation.type === 'insert-clauses' || structure.operation.type === 'renumber-clause') continue
    const clause = base.all.find((candidate) => candidate.id === structure.target)
    for (const inner of clause ? clauseWithDescendants(clause) : []) {
      const earlier = removed.get(inner.id)
      if (earlier) {
        report(structure.input, structure.instruction, `clause ${inner.number || inner.id} is already left out, replaced or moved by ${describe(earlier.input, earlier.instruction)}`, 'competing-motions')
      }
      removed.set(inner.id, structure)
    }
  }
  for (const edit of edits) {
    const structure = removed.get(edit.clauseId)
    if (structure && structure.operation.type !== 'move-clause') {
      report(edit.input, edit.instruction, `changes words of a clause that ${describe(structure.input, structure.instruction)} leaves out or replaces`, 'competing-motions')
    }
  }
  return problems
}

/** A clause left out while another still links to it: refused on the instruction that left it out. */
function danglingReferences(base: Protocol, result: Protocol, structures: PlannedStructure[]): MotionProblem[] {
  const ids = new Set(result.all.map((clause) => clause.id))
  const problems: MotionProblem[] = []
  for (const clause of result.all) {
    for (const reference of findCrossReferences(clause)) {
      if (ids.has(reference.id)) continue
      const target = base.all.find((candidate) => candidate.id === reference.id)
      const cause = structures.find((structure) => {
        const removed = base.all.find((candidate) => candidate.id === structure.target)
        return removed !== undefined && clauseWithDescendants(removed).some((inner) => inner.id === reference.id)
      })
      if (!cause || !target) continue
      const referring = base.all.find((candidate) => candidate.id === clause.id) ?? clause
      const reason = `Instruction ${cause.instruction.index}: leaves out ${target.number || target.id}, which ${referring.number || referring.id} still refers to; change that reference in the same motion`
      problems.push({ name: cause.input.name, message: problem(reason, { line: cause.instruction.line, column: cause.instruction.column }, 'broken-reference') })
    }
  }
  return problems
}

function overlaps(a: WordEdit, b: WordEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start
  return a.start < b.end && b.start < a.end
}

interface Item {
  id: string
  source: string
  kind: Clause['kind']
  level: number
}

/** Apply the planned word edits and clause operations, then renumber; written as every protocol is, by `writeProtocol`. */
function build(base: Protocol, edits: PlannedEdit[], structures: PlannedStructure[], parse: ParseCache): string {
  const sources = new Map(base.all.map((clause) => [clause.id, clause.source]))
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    const source = sources.get(edit.clauseId) ?? ''
    sources.set(edit.clauseId, source.slice(0, edit.start) + edit.text + source.slice(edit.end))
  }
  let items: Item[] = base.all.map((clause) => ({ id: clause.id, source: sources.get(clause.id) ?? clause.source, kind: clause.kind, level: clause.level }))
  const from = new Set<string>()
  const fixed = new Set<string>()
  const unnumbered = new Set<string>()
  const taken = new Set(base.all.map((clause) => clause.id))
  for (const structure of structures) {
    const counter = { value: 0 }
    const newId = (): string => {
      let id: string
      do id = `${structure.input.motion.id}-${++counter.value}`
      while (taken.has(id))
      taken.add(id)
      return id
    }
    items = applyStructure(items, structure, newId, { from, fixed, unnumbered }, parse)
  }
  const placed = parse.protocol(writeProtocol(withSources(base, items.map((item) => item.source))))
  const { sources: renumbered } = renumber(placed, from, fixed, unnumbered)
  return writeProtocol(withSources(placed, placed.all.map((clause) => renumbered.get(clause.id) ?? clause.source)))
}

/** A protocol's front matter and lead with these clauses, as apply writes them: a blank line between two, a newline after the last. */
function withSources(protocol: Protocol, sources: string[]): ProtocolParts {
  return { frontMatter: protocol.frontMatter, lead: protocol.lead, all: sources.map((source, index) => ({ source, trailing: index === sources.length - 1 ? '\n' : '\n\n' })) }
}

function applyStructure(
  items: Item[],
  structure: PlannedStructure,
  newId: () => string,
  marks: { from: Set<string>; fixed: Set<string>; unnumbered: Set<string> },
  parse: ParseCache
): Item[] {
  const operation = structure.operation
  const result = [...items]
  const toItems = (clauses: NewClause[]): Item[] =>
    clauses.map((clause) => {
      marks.from.add(clause.id)
      ;(clause.numbered ? marks.fixed : marks.unnumbered).add(clause.id)
      return { id: clause.id, source: clause.source, kind: clause.heading ? 'heading' : 'paragraph', level: clause.heading ? (/^#+/.exec(clause.source)?.[0].length ?? 2) : 0 }
    })
  const removeExtent = (id: string): { removed: Item[]; at: number } => {
    const at = result.findIndex((item) => item.id === id)
    const length = extentLength(result, at)
    const removed = result.splice(at, length)
    const next = result[at]
    if (next) marks.from.add(next.id)
    return { removed, at }
  }
  switch (operation.type) {
    case 'delete-clause':
      removeExtent(structure.target)
      return result
    case 'replace-clause': {
      const old = result.find((item) => item.id === structure.target)
      const { at } = removeExtent(structure.target)
      const added = toItems(newClauses(operation.clauses, newId))
      const [first] = added
      // An unnumbered clause replaced stays unnumbered (no number, and no space where one would be).
      if (first && old && marks.unnumbered.has(first.id) && numberOf(old, parse) !== '') {
        // "Leave out paragraph 2.1 and insert:" — the new text takes the old number unless it gives one.
        marks.unnumbered.delete(first.id)
        marks.fixed.add(first.id)
        first.source = first.source.replace(/^(#{1,6}[ \t]+)?(<a id="[^"]*"><\/a>)/, `$1$2${numberOf(old, parse)} `).replace(/ $/, '')
      }
      result.splice(at, 0, ...added)
      return result
    }
    case 'move-clause': {
      const { removed } = removeExtent(structure.target)
      const at = insertionIndex(result, structure.where ?? 'after', structure.place)
      result.splice(at, 0, ...removed)
      if (removed[0]) marks.from.add(removed[0].id)
      const next = result[at + removed.length]
      if (next) marks.from.add(next.id)
      return result
    }
    case 'insert-clauses': {
      const at = insertionIndex(result, structure.where ?? 'end', structure.place)
      const beside = structure.where === 'end' ? undefined : result.find((item) => item.id === structure.place)
      result.splice(at, 0, ...toItems(besideHeading(newClauses(operation.clauses, newId), beside, parse)))
      return result
    }
    case 'renumber-clause': {
      // "Renumber paragraph 9.2 as 9.1": the number given is kept, and the clauses after it follow from it.
      const item = result.find((candidate) => candidate.id === structure.target)
      if (!item) return result
      const at = numberOffset(item.source)
      const old = numberOf(item, parse)
      item.source = item.source.slice(0, at) + operation.number + item.source.slice(at + old.length)
      marks.fixed.add(item.id)
      marks.from.add(item.id)
      return result
    }
  }
}

/**
 * New clauses put beside a numbered heading ("Insert a new Standing Order after Standing Order 27: 28 REVIEW OF
 * STANDING ORDERS"): a line that reads as a heading of the same level — a number of the heading's shape (28 beside
 * 27, 4.2 beside 4.1), then a few words that end no sentence — is a heading of that level, and what follows it in
 * the quote is under it. Written as a paragraph after the section, it was read as the section's last paragraph
 * (and lettered as one: "c. 28 REVIEW …").
 */
function besideHeading(clauses: NewClause[], beside: Item | undefined, parse: ParseCache): NewClause[] {
  if (!beside || beside.kind !== 'heading') return clauses
  const level = numberLevel(numberOf(beside, parse))
  if (level === null) return clauses
  return clauses.map((clause) => {
    if (clause.heading) return clause
    const words = clause.source.replace(/^<a id="[^"]*"><\/a>/, '')
    const { number, rest } = splitClauseNumber(words, true)
    const headingLike = !words.includes('\n') && rest !== '' && rest.split(/\s+/).length <= 12 && !/[.,;:!?]$/.test(rest)
    if (!headingLike || numberLevel(number) !== level) return clause
    return { ...clause, heading: true, numbered: true, source: `${'#'.repeat(beside.level)} ${clause.source}` }
  })
}

/** How deep a number is, as a shape: "27", "28." and "Standing Order 28" one number, "4.1" two; null for a letter or none. */
function numberLevel(number: string): number | null {
  const steps = numberKey(number).split('.')
  return number !== '' && steps.every((step) => /^\d+[A-Z]?$/.test(step)) ? steps.length : null
}

/** How many items a clause spans: a heading takes the items under it. */
function extentLength(items: Item[], at: number): number {
  const item = items[at]
  if (!item || item.kind !== 'heading') return 1
  let end = at + 1
  while (end < items.length && !(items[end]?.kind === 'heading' && (items[end]?.level ?? 0) <= item.level)) end++
  return end - at
}

/** Where new or moved clauses go: before a clause, after it and all under it, or at the end of the text. */
function insertionIndex(items: Item[], where: 'after' | 'before' | 'end', id: string): number {
  const at = items.findIndex((item) => item.id === id)
  if (where === 'end' || at === -1) return items.length
  return where === 'before' ? at : at + extentLength(items, at)
}

function numberOf(item: Item, parse: ParseCache): string {
  return parse.protocol(item.source).all[0]?.number ?? ''
}

/**
 * Amendments (`amends: X`) change the words of motion X before it is
 * applied: "In motion cwg-1, leave out "requesting" and insert …".
 *
 * @returns the motions as amended, an amendment's own instructions taken out (one with none left is dropped), or
 *   every problem
 * @param parse the command's parsed texts (a new cache when not given)
 */
export function applyAmendments(inputs: MotionInput[], parse: ParseCache = createParseCache()): { inputs: MotionInput[] } | { problems: MotionProblem[] } {
  const amended = amendMotionTexts(inputs, parse)
  if ('problems' in amended) return amended
  const result: MotionInput[] = []
  for (const input of inputs) {
    const current = amended.byId.get(input.motion.id) ?? input
    const rest = current.motion.instructions.filter((instruction) => !('scope' in instruction.operation && instruction.operation.scope.type === 'motion'))
    if (rest.length > 0 || current.motion.instructions.length === 0) result.push({ ...current, motion: { ...current.motion, instructions: rest } })
  }
  return { inputs: result }
}

/**
 * Every motion's text as the amendments given with it leave it, each read again from its new words. An
 * amendment to an amendment changes that amendment's words first, so the deepest amendments go first, and
 * each amends with its words as amended.
 *
 * @param parse the command's parsed texts (a new cache when not given)
 */
export function amendMotionTexts(inputs: MotionInput[], parse: ParseCache = createParseCache()): { byId: Map<string, MotionInput> } | { problems: MotionProblem[] } {
  const byId = new Map(inputs.map((input) => [input.motion.id, input]))
  const problems: MotionProblem[] = []
  const depth = (input: MotionInput, seen = new Set<string>()): number => {
    const parent = byId.get(input.motion.amends)
    if (!parent || seen.has(input.motion.id)) return 0
    return 1 + depth(parent, new Set([...seen, input.motion.id]))
  }
  const deepestFirst = inputs.map((input, index) => ({ input, index, depth: depth(input) })).sort((a, b) => b.depth - a.depth || a.index - b.index)
  for (const { input: original } of deepestFirst) {
    const input = byId.get(original.motion.id) ?? original
    const own = input.motion.instructions.filter((instruction) => instruction.operation.type !== 'insert-clauses' && 'scope' in instruction.operation && instruction.operation.scope.type === 'motion')
    for (const instruction of own) {
      const scope = 'scope' in instruction.operation ? instruction.operation.scope : null
      const targetId = scope?.type === 'motion' ? scope.motion : ''
      const target = byId.get(targetId)
      if (!target) {
        const reason = `Instruction ${instruction.index}: it changes motion ${targetId}, which is not among the motions given; apply them together (keeling apply ${targetId}.md ${input.motion.id}.md)`
        problems.push({ name: input.name, message: problem(reason, { line: instruction.line, column: instruction.column }, 'unknown-motion') })
        continue
      }
      const edited = amendText(input, target, instruction, parse)
      if ('message' in edited) {
        problems.push({ name: input.name, message: edited.message })
        continue
      }
      const motion = parse.motion(edited.text, target.motion.id, target.motion.protocol)
      byId.set(targetId, { ...target, text: edited.text, motion })
    }
  }
  return problems.length > 0 ? { problems } : { byId }
}

function amendText(amendment: MotionInput, target: MotionInput, instruction: Instruction, parse: ParseCache): { text: string } | MotionProblem {
  const operation = instruction.operation
  if (!('scope' in operation) || operation.type === 'change-sentence') return { text: target.text }
  const bom = bomLength(target.text)
  const bodyStart = target.text.startsWith('---', bom) ? target.text.indexOf('\n---', bom + 3) + 4 : bom
  const pseudo = parse.protocol(`<a id="${target.motion.id}"></a>${target.text.slice(bodyStart)}`).all[0]
  if (!pseudo) return { text: target.text }
  const edits = planWordEdit(operation, [{ ...pseudo, number: '' }])
  if ('reason' in edits) {
    return { name: amendment.name, message: problem(`Instruction ${instruction.index}: ${edits.reason.replace(/clause [^\s;]+/, () => `motion ${target.motion.id}`)}`, { line: instruction.line, column: instruction.column }, edits.code) }
  }
  const offset = bodyStart - `<a id="${target.motion.id}"></a>`.length
  let text = target.text
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start + offset) + edit.text + text.slice(edit.end + offset)
  return { text }
}
