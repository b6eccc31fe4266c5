import { type DiffDocument, type DiffUnit, unitText } from './diff-document.js'
import { alignByContent, alignById, type Alignment } from './align-units.js'
import { cleanupSemantic, diffWords, type WordPart } from './diff-words.js'

/** Who brought a change about: filled from motions and decisions; empty for a plain diff. */
export interface Attribution {
  motion: string
  title?: string
  mover?: string
  seconder?: string
  body?: string
  date?: string
  outcome?: string
  /** "for 20, against 3, abstain 1", as recorded. */
  votes?: string
  /** The version that adopted the change. */
  version?: string
}

/**
 * What happened to one clause. Entries come in reading order: the new
 * text's clauses in order, each clause left out (or moved away) where it
 * stood in the old text.
 *
 * - `unchanged`, `changed`: on both sides, in the same place.
 * - `inserted`: only in the new text; `deleted`: only in the old.
 * - `moved`: same clause ID, new place (its words may have changed too);
 *   `moved-away` marks the place it left.
 */
export interface ClauseDiff {
  type: 'unchanged' | 'changed' | 'inserted' | 'deleted' | 'moved' | 'moved-away'
  /** The clause ID, or '' for blocks of texts without IDs. */
  id: string
  before: DiffUnit | null
  after: DiffUnit | null
  /** Whether the clause's number changed (3.7 → 3.9). */
  renumbered: boolean
  /** Who made the change; empty for a plain diff. */
  attribution: Attribution[]
  /**
   * What a motion's operations did to the old words, when known: the stretch of `before.body` each left out and
   * the words it put in. Each is marked as its own runs, and words no operation touched stay kept.
   */
  operations?: ClauseOperation[]
}

/** One operation on a clause's words: the old words from `start` to `end` (offsets in its body) gave way to `text`. */
export interface ClauseOperation {
  start: number
  end: number
  text: string
}

/** The aligned difference between two texts of a protocol: what every renderer takes. */
export interface ChangeSet {
  before: { label: string; title: string; lead: string }
  after: { label: string; title: string; lead: string }
  /** How clauses were matched: by clause ID, or by content for texts without IDs. */
  alignedBy: 'id' | 'content'
  clauses: ClauseDiff[]
}

/** How many clauses each kind of change touched. */
export interface ChangeSummary {
  changed: number
  inserted: number
  deleted: number
  moved: number
  renumbered: number
}

/**
 * Compare two texts clause by clause. Clauses are matched by ID when both
 * texts are keeling protocols, else by content (headings and paragraphs);
 * only the words of changed clauses are compared, and only when asked
 * ({@link clauseWords}).
 *
 * @param options.moved the clause IDs motions moved, so that a clause that changed places with another is
 *   said to be the one the motion moved
 * @param options.changedWords the words motions' operations changed (offsets in each clause's source in the
 *   old text): each operation is marked as its own runs
 */
export function buildChangeSet(
  before: DiffDocument,
  after: DiffDocument,
  labels: { before: string; after: string },
  options: { moved?: Iterable<string>; changedWords?: Iterable<{ id: string; start: number; end: number; text: string }> } = {}
): ChangeSet {
  const byId = before.keyed && after.keyed && uniqueIds(before) && uniqueIds(after)
  const ranges = new Map<string, Array<{ start: number; end: number; text: string }>>()
  for (const range of options.changedWords ?? []) ranges.set(range.id, [...(ranges.get(range.id) ?? []), range])
  const alignment: Alignment = byId ? alignById(before.units, after.units, new Set(options.moved ?? [])) : alignByContent(before.units, after.units)
  const clauses = alignment.map(({ type, before: old, after: now }): ClauseDiff => {
    const renumbered = type !== 'inserted' && type !== 'deleted' && old !== null && now !== null && old.number !== now.number
    const kind: ClauseDiff['type'] = type !== 'same' ? type : old && now && unitText(old) === unitText(now) ? 'unchanged' : 'changed'
    const operations = old?.bodyAt === undefined ? undefined : bodyRanges(ranges.get(old.id), old.bodyAt)
    return { type: kind, id: now?.id || old?.id || '', before: old, after: now, renumbered, attribution: [], ...(operations ? { operations } : {}) }
  })
  return {
    before: { label: labels.before, title: before.title, lead: before.lead },
    after: { label: labels.after, title: after.title, lead: after.lead },
    alignedBy: byId ? 'id' : 'content',
    clauses
  }
}

/** Source offsets of a clause's changed words as offsets in its body, in order; none when they fall outside it. */
function bodyRanges(ranges: Array<{ start: number; end: number; text: string }> | undefined, bodyAt: number): ClauseOperation[] | undefined {
  if (!ranges || ranges.some((range) => range.start < bodyAt)) return undefined
  return ranges.map((range) => ({ start: range.start - bodyAt, end: range.end - bodyAt, text: range.text })).sort((a, b) => a.start - b.start)
}

/**
 * A clause's words changed as its operations say, when they give its new words exactly: the words between
 * operations kept, each operation's old and new words compared on their own (and joined where a word or two
 * apart). Undefined when the operations do not give the new words (another change came with them).
 */
function wordsByOperation(before: string, after: string, operations: ClauseOperation[]): WordPart[] | undefined {
  let rebuilt = ''
  let at = 0
  for (const operation of operations) {
    if (operation.start < at) return undefined
    rebuilt += before.slice(at, operation.start) + operation.text
    at = operation.end
  }
  if (rebuilt + before.slice(at) !== after) return undefined
  const parts: WordPart[] = []
  at = 0
  for (const operation of operations) {
    if (operation.start > at) parts.push({ type: 'same', text: before.slice(at, operation.start) })
    parts.push(...cleanupSemantic(diffWords(before.slice(operation.start, operation.end), operation.text)))
    at = operation.end
  }
  if (at < before.length) parts.push({ type: 'same', text: before.slice(at) })
  return joinSame(parts)
}

function joinSame(parts: WordPart[]): WordPart[] {
  const joined: WordPart[] = []
  for (const part of parts) {
    const last = joined.at(-1)
    if (part.text === '') continue
    if (last && last.type === 'same' && part.type === 'same') last.text += part.text
    else joined.push({ ...part })
  }
  return joined
}

function uniqueIds(document: DiffDocument): boolean {
  return new Set(document.units.map((unit) => unit.id)).size === document.units.length
}

const wordCache = new WeakMap<ClauseDiff, WordPart[]>()

/**
 * The word-level difference of a clause's words (not its number), merged
 * into phrases. For an inserted clause every word is inserted; for a
 * deleted one, every word struck.
 */
export function clauseWords(clause: ClauseDiff): WordPart[] {
  const cached = wordCache.get(clause)
  if (cached) return cached
  const before = clause.before && clause.type !== 'inserted' && clause.type !== 'moved' ? clause.before.body : ''
  const after = clause.after && clause.type !== 'deleted' && clause.type !== 'moved-away' ? clause.after.body : ''
  let parts: WordPart[]
  if (clause.type === 'moved' && clause.before) parts = diffWords(clause.before.body, after)
  else if (before === after) parts = before ? [{ type: 'same', text: before }] : []
  else parts = diffWords(before, after)
  // Words no operation touched stay kept; within an operation (or in a plain diff) a word or two between changes joins them.
  const byOperation = clause.operations && clause.before && before !== after ? wordsByOperation(clause.before.body, after, clause.operations) : undefined
  parts = byOperation ?? cleanupSemantic(parts)
  wordCache.set(clause, parts)
  return parts
}

/** Counts of changed, inserted, left-out, moved and renumbered clauses. */
export function summarizeChanges(changeSet: ChangeSet): ChangeSummary {
  const summary: ChangeSummary = { changed: 0, inserted: 0, deleted: 0, moved: 0, renumbered: 0 }
  for (const clause of changeSet.clauses) {
    if (clause.type === 'changed') summary.changed++
    else if (clause.type === 'inserted') summary.inserted++
    else if (clause.type === 'deleted') summary.deleted++
    else if (clause.type === 'moved') summary.moved++
    if (clause.renumbered && clause.type !== 'moved-away') summary.renumbered++
  }
  return summary
}

/** Whether the two texts differ in anything a reader would see. */
export function hasChanges(changeSet: ChangeSet): boolean {
  return changeSet.clauses.some((clause) => clause.type !== 'unchanged')
}

/** The summary in words: "2 clauses changed, 1 clause inserted, 1 clause renumbered", or "no change". */
export function describeSummary(summary: ChangeSummary): string {
  const parts = [
    [summary.changed, 'changed'],
    [summary.inserted, 'inserted'],
    [summary.deleted, 'left out'],
    [summary.moved, 'moved'],
    [summary.renumbered, 'renumbered']
  ] as const
  const said = parts.filter(([count]) => count > 0).map(([count, word]) => `${count} clause${count === 1 ? '' : 's'} ${word}`)
  return said.length > 0 ? said.join(', ') : 'no change'
}

/**
 * The new text, from the change set alone, every change accepted: the
 * words of each changed clause are put together from its word diff, so
 * this checks the diff as well as the alignment.
 */
export function acceptAll(changeSet: ChangeSet): string {
  let text = changeSet.after.lead
  for (const clause of changeSet.clauses) {
    const unit = clause.after
    if (!unit || clause.type === 'deleted' || clause.type === 'moved-away') continue
    text += unit.head + unit.number + unit.gap + sideOf(clause, 'inserted') + unit.trailing
  }
  return text
}

/** The old text, from the change set alone: every change rejected. */
export function rejectAll(changeSet: ChangeSet): string {
  let text = changeSet.before.lead
  for (const clause of changeSet.clauses) {
    const unit = clause.before
    if (!unit || clause.type === 'inserted' || clause.type === 'moved') continue
    text += unit.head + unit.number + unit.gap + (clause.type === 'moved-away' ? unit.body : sideOf(clause, 'deleted')) + unit.trailing
  }
  return text
}

/** A clause's words on one side: the kept words with the inserted (or the struck) ones. */
function sideOf(clause: ClauseDiff, keep: 'inserted' | 'deleted'): string {
  let text = ''
  for (const part of clauseWords(clause)) if (part.type === 'same' || part.type === keep) text += part.text
  return text
}
