import { alignByContent, alignById, type Alignment } from '../../diff/align-units.js'
import { readDiffDocument, unitText, type DiffUnit } from '../../diff/diff-document.js'
import { anchor, ANCHOR } from '../../protocol/clause-id.js'
import { clauseWithDescendants } from '../../protocol/clause-extent.js'
import { parseProtocol } from '../../protocol/parse-protocol.js'
import type { Clause, Protocol } from '../../protocol/types.js'
import { applyMotions } from '../apply-motions.js'
import { parseMotion } from '../parse-motion.js'
import { visibleText } from '../visible-text.js'
import { asMarkdown, readersCopy, sameWords, wordsOf } from './transplant.js'
import { citeClause, subsectionOf, type Citation } from './cite-clause.js'
import { writeMotion, type DraftedInstruction, type MotionStyle } from './motion-styles.js'
import { wordChanges } from './word-changes.js'

export type { MotionStyle } from './motion-styles.js'
export { MOTION_STYLES } from './motion-styles.js'

/** Who moves the drafted motion and where it is kept. */
export interface DraftMeta {
  /** The motion's ID: its file name without `.md`. */
  id: string
  title: string
  mover: string
  seconder?: string
  /** The protocol's slug. */
  protocol: string
  /** The version of the protocol the motion is drafted against (`base:`), when the old text is a recorded version. */
  base?: string
  /** Where and when it was tabled (`tabled:`), when known (a Word redline's revision dates). */
  tabled?: { body?: string; meeting?: string; date?: string }
  /** Notes kept with the motion as a comment (a document's comments). */
  notes?: string[]
}

/** A drafted motion: the motion file's text, and how many instructions it has. */
export interface DraftedMotion {
  text: string
  instructions: number
  /** What a reader of the new text should know: the clauses keeling renumbers that it left with their old numbers. */
  notes?: string[]
}

/** Why no motion could be drafted: one sentence each, saying where. */
export interface DraftProblem {
  reason: string
  /** `same`: the two texts read the same, so there is nothing to draft. */
  code?: 'same'
  /** Where in the document given the problem is, when it is at a place there. */
  line?: number
  column?: number
  /** The clause of the new text the problem is about, when there is one. */
  clause?: string
}

/** The changes of one change set a clerk would group as one instruction. */
type Step = { kind: 'same'; before: Clause; after: Clause } | { kind: 'inserted'; after: Clause } | { kind: 'deleted'; before: Clause } | { kind: 'moved'; before: Clause; after: Clause }

/**
 * Draft the motion that turns one text of a protocol into another — an
 * amendment "in context": the words changed in each clause as phrases
 * ("leave out “calling or attending” and insert “requesting”"), each quote
 * just long enough to be found once in its clause, clauses left out, put in
 * or moved whole, clauses cited by their numbers in the old text and the
 * renumbering left to keeling. The motion is then applied to the old text
 * and kept only if it gives the new text exactly, as a reader has it
 * (clause by clause, word for word, number for number), with every clause
 * of the old text that stays keeping its ID (one replaced whole takes a new
 * one, as keeling gives it). A clause the new text left with its old number
 * where keeling renumbers it is not a difference; it is named in `notes`.
 *
 * @param oldText the protocol as it stands (a keeling protocol: every clause with an ID)
 * @param newText the text it should read: the protocol file edited (new paragraphs need no ID anchor), another
 *   keeling protocol of the same text, or a reader's copy with no front matter or anchors (matched to the old
 *   clauses by its words)
 * @returns the motion file's text, or why none gives the new text
 */
export function draftMotion(oldText: string, newText: string, meta: DraftMeta, style: MotionStyle = 'uk-council'): DraftedMotion | { problems: DraftProblem[] } {
  const oldProtocol = parseProtocol(oldText)
  if (oldProtocol.all.length === 0 || oldProtocol.all.some((clause) => clause.id === '')) {
    return { problems: [{ reason: 'the old text is not a keeling protocol (every clause with an ID anchor); import it first with `keeling import`' }] }
  }
  if (readerSource(oldText.slice(oldProtocol.frontMatter.raw.length)).trim() === readerSource(newText.slice(parseProtocol(newText).frontMatter.raw.length)).trim()) {
    return { problems: [{ reason: 'the two texts read the same: there is nothing to move', code: 'same' }] }
  }
  const given = parseProtocol(newText)
  const keeling = given.frontMatter.raw !== '' && given.all.some((clause) => clause.id !== '')
  const copy = keeling ? newText : withoutTitle(newText, oldProtocol)
  const anchored = anchorNewClauses(keeling ? newText : adoptStructure(copy, oldProtocol), oldProtocol)
  const newProtocol = parseProtocol(anchored)
  if (!readDiffDocument(anchored).keyed) {
    return { problems: [{ reason: 'the new text is not a keeling protocol (front matter, every clause with an ID anchor or a number); import it first with `keeling import`' }] }
  }
  const steps = stepsOf(oldText, anchored, oldProtocol, newProtocol)
  const drafted = draftSteps(steps, oldProtocol, newProtocol)
  if ('problems' in drafted) return drafted
  if (drafted.length === 0) return { problems: [{ reason: 'the two texts read the same: there is nothing to move', code: 'same' }] }
  const text = writeMotion(drafted, meta, style)
  const replaced = new Set(drafted.flatMap((instruction) => (instruction.type === 'replace-clause' ? [instruction.clause.id] : [])))
  const renumbered: Renumbered[] = []
  const problems = verify(oldText, anchored, text, meta, replaced, keeling ? undefined : copy, renumbered)
  if (problems.length > 0) return { problems }
  const notes = renumbered.length > 0 ? [`keeling renumbers ${renumbered.length === 1 ? 'a clause' : `${renumbered.length} clauses`} the new text left with ${renumbered.length === 1 ? 'its' : 'their'} old number${renumbered.length === 1 ? '' : 's'}: ${renumbered.slice(0, 6).map((item) => `${item.from} as ${item.to}`).join(', ')}${renumbered.length > 6 ? ', …' : ''}`] : []
  return { text, instructions: drafted.length, ...(notes.length > 0 ? { notes } : {}) }
}

/**
 * The new text with an ID anchor on each clause that has none, so that it aligns with the old text clause by
 * clause: a heading written without one, and a paragraph opening with a number like the old text's (after a
 * blank line, outside a list) that would otherwise be read as part of the clause above it.
 */
function anchorNewClauses(text: string, old: Protocol): string {
  const fresh = freshIds(old, 'new-clause')
  const numbers = new Set(old.all.map((clause) => numberShape(clause.number)).filter(Boolean))
  // A numbered line the old text has as it stands, inside a clause ("a) …" under 1.2), stays where it is.
  const oldLines = new Set(old.all.flatMap((clause) => clause.source.split('\n').slice(1).map((line) => line.trim())))
  // Whether the old text has further plain paragraphs inside its clauses; if not, a new plain paragraph is a clause.
  const continues = old.all.some((clause) => clause.source.split(/\n[ \t]*\n/).slice(1).some((block) => PLAIN_PARAGRAPH.test(block)))
  const lines = text.split('\n')
  let blank = true
  let inFence = false
  let afterHeading = false
  let inFront = lines[0]?.replace(/^\uFEFF/, '') === '---'
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? ''
    if (inFront) {
      if (index > 0 && line === '---') inFront = false
      continue
    }
    if (/^(?:```|~~~)/.test(line)) inFence = !inFence
    if (!inFence && blank && !ANCHOR.test(line)) {
      const heading = /^(#{1,6}[ \t]+)(?!<a id=)/.exec(line)
      const number = /^((?:\d+[A-Z]?(?:\.\d+[A-Z]?)*\.?|\(\w{1,4}\)|\w{1,4}[.)]))[ \t]+\S/.exec(line)
      const known = oldLines.has(line.trim())
      if (heading) lines[index] = heading[1] + anchor(fresh()) + line.slice(heading[1]?.length ?? 0)
      else if (number && numbers.has(numberShape(number[1] ?? '')) && !known) lines[index] = anchor(fresh()) + line
      // A paragraph straight under a heading, or anywhere in a text whose clauses are one paragraph each, is a clause of its own.
      else if (!known && PLAIN_PARAGRAPH.test(line) && (afterHeading || !continues)) lines[index] = anchor(fresh()) + line
    }
    if (line.trim() !== '') afterHeading = /^#{1,6}[ \t]/.test(line)
    blank = line.trim() === ''
  }
  return lines.join('\n')
}

/**
 * A reader's copy without the protocol's title on top, where it was printed with one (keeling show --format
 * text): the title is the front matter's, not a clause.
 */
function withoutTitle(text: string, old: Protocol): string {
  const title = typeof old.frontMatter.data['title'] === 'string' ? (old.frontMatter.data['title'] as string).trim() : ''
  const body = text.replace(/^\uFEFF/, '').replace(/^\s+/, '')
  const end = body.search(/\n[ \t]*\n|$/)
  const first = body.slice(0, end).replace(/^#{1,6}[ \t]+/, '').trim()
  const isClause = old.all.some((clause) => wordsOf(readerSource(clause.source).split(/\n[ \t]*\n/)[0] ?? '') === wordsOf(first))
  return title !== '' && first === title && !isClause ? body.slice(end) : text
}

/**
 * A plain text (a reader's copy: no front matter, no anchors) given the old text's clauses: its blocks are
 * aligned with the old clauses' blocks by content, and each block that opens an old clause takes that clause's
 * anchor; a new block that opens with a number or is a heading is a new clause, any other belongs to the
 * clause before it. The old front matter goes on top.
 */
function adoptStructure(text: string, old: Protocol): string {
  const oldBlocks: Array<{ unit: DiffUnit; clause: Clause; text: string }> = []
  const continuing = new Set<DiffUnit>()
  for (const clause of old.all) {
    // An anchor on a line of its own (above a list) leaves no block: the clause opens with the block below it.
    const blocks = readerSource(clause.source)
      .split(/\n[ \t]*\n/)
      .filter((block) => block.trim() !== '')
    blocks.forEach((block, index) => {
      const unit = blockUnit(block)
      if (index > 0) continuing.add(unit)
      oldBlocks.push({ unit, clause, text: block })
    })
  }
  const opensClause = (block: string): boolean => /^#{1,6}[ \t]/.test(block) || /^(?:\d+[A-Z]?(?:\.\d+[A-Z]?)*\.?|\(\w{1,4}\)|\w{1,4}[.)])[ \t]+\S/.test(block)
  const body = text.replace(/^\uFEFF/, '').replace(/^\s+/, '').replace(/\s+$/, '')
  const newBlocks = body === '' ? [] : body.split(/\n(?:[ \t]*\n)+/).map((block) => block.replace(/^\n+|\n+$/g, '')).filter((block) => block.trim() !== '')
  const units = newBlocks.map(blockUnit)
  const clauseOf = new Map<DiffUnit, Clause>(oldBlocks.map(({ unit, clause }) => [unit, clause]))
  const oldText = new Map<DiffUnit, string>(oldBlocks.map(({ unit, text }) => [unit, text]))
  const matched = new Map<DiffUnit, Clause>()
  // A block whose words are the old block's, though laid out otherwise (a table printed as columns, bullets as •), is the old block as it stands.
  const same = new Map<DiffUnit, string>()
  // Between blocks matched by content, as many blocks left out as put in are the same blocks edited, in order.
  let gone: DiffUnit[] = []
  let come: DiffUnit[] = []
  const closeGap = (): void => {
    if (gone.length === come.length) come.forEach((unit, index) => matched.set(unit, clauseOf.get(gone[index] as DiffUnit) as Clause))
    gone = []
    come = []
  }
  for (const pair of alignByContent(oldBlocks.map(({ unit }) => unit), units)) {
    const clause = pair.before ? clauseOf.get(pair.before) : undefined
    if (pair.type === 'deleted' && pair.before) gone.push(pair.before)
    else if (pair.type === 'inserted' && pair.after) come.push(pair.after)
    else if (pair.type !== 'moved-away') closeGap()
    // A numbered paragraph is a clause of its own, not the further paragraph of another it is like.
    const renumbered = pair.after && pair.before && continuing.has(pair.before) && opensClause(pair.after.body) && !opensClause(pair.before.body)
    if (pair.after && clause && (pair.type === 'same' || pair.type === 'moved') && !renumbered) {
      matched.set(pair.after, clause)
      if (pair.before && pair.after.body === pair.before.body) same.set(pair.after, oldText.get(pair.before) ?? '')
    }
  }
  closeGap()
  const anchored = new Set<string>()
  const blocksOf = new Map<string, number>()
  for (const { clause } of oldBlocks) blocksOf.set(clause.id, (blocksOf.get(clause.id) ?? 0) + 1)
  let previous: { id: string; kind: string } | undefined
  const fresh = freshIds(old, 'new-block')
  const out = newBlocks.map((given, index) => {
    const unit = units[index] as DiffUnit
    const block = same.get(unit) || asMarkdown(given)
    const clause = matched.get(unit)
    const opens = opensClause(block)
    if (clause && !anchored.has(clause.id) && (opens || clause.source.startsWith('<a id=') || clause.kind === 'heading')) {
      anchored.add(clause.id)
      previous = clause
      // An anchor the old text has on a line of its own (above a list, say) stays on a line of its own.
      const own = /^<a id="[^"]*"><\/a>(\s*\n)/.exec(clause.source)?.[1] ?? ''
      // A heading a plain-text copy printed without its `#`s takes them back.
      const marks = /^#{1,6}[ \t]+/.exec(clause.source)?.[0]
      const written = marks && !/^#{1,6}[ \t]/.test(block) ? marks + block : block
      return withAnchor(written, clause.id).replace(/^(<a id="[^"]*"><\/a>)/, `$1${own}`)
    }
    // A block of a clause already begun goes on with it, whatever it opens with ("a. limited private photocopying …").
    if (clause && anchored.has(clause.id) && clause.id === previous?.id) {
      previous = clause
      return block
    }
    // A new block: a clause of its own when it opens like one, comes first or follows a heading, else part of
    // the clause above it when that clause runs to more than one block (as it did in the old text).
    const own = opens || index === 0 || !previous || previous.kind === 'heading' || (blocksOf.get(previous.id) ?? 1) < 2
    if (!own) return block
    const id = fresh()
    previous = { id, kind: /^#{1,6}[ \t]/.test(block) ? 'heading' : 'paragraph' }
    return withAnchor(block, id)
  })
  return `${old.frontMatter.raw}\n${out.join('\n\n')}\n`
}

/** A block with a clause's anchor (after a heading's `#`s). */
function withAnchor(block: string, id: string): string {
  const heading = /^#{1,6}[ \t]+/.exec(block)
  return heading ? heading[0] + anchor(id) + block.slice(heading[0].length) : anchor(id) + block
}

/** A block as aligned by its words: headings' `#`s, bullets, table pipes and line breaks are layout (a plain-text copy prints them otherwise). */
function blockUnit(text: string): DiffUnit {
  return { id: '', kind: 'paragraph', number: '', head: '', gap: '', body: wordsOf(text), trailing: '', line: 0 }
}

/** A clause's source as a reader's copy has it: no anchors, links as their words. */
function readerSource(source: string): string {
  return source.replace(/<a id="[^"]*"><\/a>/g, '').replace(/\[([^\]\n]*)\]\(#[^)\s]*\)/g, '$1')
}

/** IDs for clauses the new text has and the old has not (`new-clause-1`, …), none an ID the old text uses. Only for aligning: keeling gives the clauses their own IDs when the motion is applied. */
function freshIds(old: Protocol, stem: string): () => string {
  const taken = new Set(old.all.map((clause) => clause.id))
  let count = 0
  return () => {
    let id = ''
    do id = `${stem}-${++count}`
    while (taken.has(id))
    return id
  }
}

/** A paragraph of words: not a list item, table row, block quote, indented block, heading, anchor or HTML. */
const PLAIN_PARAGRAPH = /^(?![ \t]|[-*+][ \t]|\d+[.)][ \t]|\||>|#|<)\S/

/** What kind of number a clause has: "3.5" and "4.12" are alike, "(a)" and "(c)", "a." and "b.". */
function numberShape(number: string): string {
  return number.replace(/\d+/g, '9').replace(/\b[ivxlc]+\b/g, 'i').replace(/\b[a-z]\b/g, 'a').replace(/\b[A-Z]\b/g, 'A')
}

/** The old and new clauses paired in the new text's reading order: by ID when the texts share them, else by content. */
function stepsOf(oldText: string, newText: string, oldProtocol: Protocol, newProtocol: Protocol): Step[] {
  const before = readDiffDocument(oldText)
  const after = readDiffDocument(newText)
  const oldIds = new Set(oldProtocol.all.map((clause) => clause.id))
  const shared = after.units.filter((unit) => oldIds.has(unit.id)).length
  const alignment: Alignment = shared > 0 ? alignById(before.units, after.units) : alignByContent(before.units, after.units)
  const oldById = new Map(oldProtocol.all.map((clause) => [clause.id, clause]))
  const newAt = new Map(newProtocol.all.map((clause, index) => [clause.id, index]))
  const newOf = (unit: DiffUnit | null): Clause | undefined => {
    if (!unit) return undefined
    const index = unit.id ? newAt.get(unit.id) : undefined
    return index === undefined ? undefined : newProtocol.all[index]
  }
  const steps: Step[] = []
  for (const pair of alignment) {
    const old = pair.before ? oldById.get(pair.before.id) : undefined
    const now = newOf(pair.after)
    if (pair.type === 'same' && old && now) steps.push({ kind: 'same', before: old, after: now })
    else if (pair.type === 'moved' && old && now) steps.push({ kind: 'moved', before: old, after: now })
    else if (pair.type === 'inserted' && now) steps.push({ kind: 'inserted', after: now })
    else if (pair.type === 'deleted' && old) steps.push({ kind: 'deleted', before: old })
  }
  return retitled(steps)
}

/**
 * The steps with each heading the new text words otherwise (so that it aligned with no heading of the old text:
 * a copy's heading retyped without its anchor, or reworded past likeness) read as that heading retitled, not as
 * a section left out and a new heading put in — which would leave out with it the clauses the new text keeps
 * under it. Within each run of clauses left out and put in, the old headings are paired in order with the new
 * ones when there are as many of each, level for level, and a section among them keeps a clause (or has none);
 * sections left out whole with all their clauses, and new clauses under the new headings, stay sections left
 * out and new ones put in.
 */
function retitled(steps: Step[]): Step[] {
  const result: Step[] = []
  for (let start = 0; start < steps.length; ) {
    let end = start
    while (end < steps.length && (steps[end]?.kind === 'deleted' || steps[end]?.kind === 'inserted')) end++
    if (end === start) {
      result.push(steps[start++] as Step)
      continue
    }
    const run = steps.slice(start, end)
    const gone = run.flatMap((step) => (step.kind === 'deleted' && step.before.kind === 'heading' ? [step.before] : []))
    const come = run.flatMap((step) => (step.kind === 'inserted' && step.after.kind === 'heading' ? [step.after] : []))
    const deleted = new Set(run.flatMap((step) => (step.kind === 'deleted' ? [step.before.id] : [])))
    // Whether leaving the section out would take with it a clause the new text keeps (or it has none to take).
    const keepsSome = (heading: Clause): boolean => heading.children.length === 0 || clauseWithDescendants(heading).slice(1).some((clause) => !deleted.has(clause.id))
    const paired = gone.length > 0 && gone.length === come.length && gone.every((heading, index) => heading.level === come[index]?.level) && gone.some(keepsSome)
    if (!paired) {
      result.push(...run)
      start = end
      continue
    }
    const retitle = new Map(come.map((heading, index) => [heading.id, gone[index] as Clause]))
    for (const step of run) {
      if (step.kind === 'deleted' && step.before.kind === 'heading') continue
      const before = step.kind === 'inserted' ? retitle.get(step.after.id) : undefined
      result.push(before && step.kind === 'inserted' ? { kind: 'same', before, after: step.after } : step)
    }
    start = end
  }
  return result
}

/** Each step said as an instruction, in the order of the text. */
function draftSteps(steps: Step[], oldProtocol: Protocol, newProtocol: Protocol): DraftedInstruction[] | { problems: DraftProblem[] } {
  const drafted: DraftedInstruction[] = []
  const problems: DraftProblem[] = []
  // A citation for an instruction that names a clause whole (leave out, insert after, move): a number or an ID.
  const cite = (clause: Clause): Citation | undefined => {
    const citation = citeClause(oldProtocol, clause)
    if (!citation?.text) problems.push({ reason: `no citation names ${clause.number ? `paragraph ${clause.number}` : `the clause ${clause.id}`} alone in the old text`, clause: clause.id })
    return citation?.text ? citation : undefined
  }
  // Changes to a clause's words may name it by its opening words too.
  const citeWords = (clause: Clause): Citation | undefined => {
    const citation = citeClause(oldProtocol, clause)
    if (!citation) problems.push({ reason: `no citation names ${clause.number ? `paragraph ${clause.number}` : `the clause ${clause.id}`} alone in the old text`, clause: clause.id })
    return citation
  }
  // Clauses left out with a section: its heading's instruction leaves them out too.
  const goneWith = new Set<string>()
  const movedIds = new Set(steps.flatMap((step) => (step.kind === 'moved' ? [step.before.id] : [])))
  // A cross-reference whose words are the number its target takes is keeling's renumbering to make, not the motion's.
  const oldNumber = new Map(oldProtocol.all.map((clause) => [clause.id, clause.number.replace(/[.:]$/, '')]))
  const newNumber = new Map(newProtocol.all.map((clause) => [clause.id, clause.number.replace(/[.:]$/, '')]))
  const relabel = (clause: Clause): Clause => {
    if (!clause.source.includes('](#')) return clause
    const source = clause.source.replace(/\[([^\]\n]*)\]\(#([^)\s]+)\)/g, (link, text: string, id: string) => {
      const was = oldNumber.get(id)
      const is = newNumber.get(id)
      return was && is && was !== is && text.startsWith(is) ? `[${was}${text.slice(is.length)}](#${id})` : link
    })
    return source === clause.source ? clause : { ...clause, source }
  }
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]
    if (!step) continue
    if (step.kind === 'same') {
      const said = sayChanged(step.before, relabel(step.after), oldProtocol, citeWords)
      if (said) drafted.push(said)
      continue
    }
    if (step.kind === 'moved') {
      // A clause moved with its section goes with it: only the section is moved.
      if (ancestors(step.before).some((parent) => movedIds.has(parent.id))) {
        const words = sayChanged(step.before, relabel(step.after), oldProtocol, citeWords)
        if (words) drafted.push(words)
        continue
      }
      // A section moves beside a section of its level: before the next one kept in place, or after the one before it.
      const level = step.before.kind === 'heading' ? step.before.level : 0
      const sibling = (candidate: Step | undefined): candidate is Extract<Step, { kind: 'same' }> => candidate?.kind === 'same' && (level === 0 || (candidate.before.kind === 'heading' && candidate.before.level <= level))
      const following = level > 0 ? steps.slice(index + 1).find(sibling) : undefined
      const anchorStep = following ? undefined : level > 0 ? steps.slice(0, index).reverse().find(sibling) : previousKept(steps, index)
      const nextStep = following ?? (anchorStep ? undefined : nextKept(steps, index))
      const clause = cite(step.before)
      const other = anchorStep ? cite(anchorStep.before) : nextStep ? cite(nextStep.before) : undefined
      if (clause && other) drafted.push({ type: 'move', clause, to: other, where: anchorStep ? 'after' : 'before' })
      else if (clause) problems.push({ reason: `cannot say where ${clause.text} moves to: no clause of the old text stays beside it`, clause: step.before.id })
      const words = sayChanged(step.before, relabel(step.after), oldProtocol, citeWords)
      if (words) drafted.push(words)
      continue
    }
    if (step.kind === 'deleted') {
      if (goneWith.has(step.before.id)) continue
      const run: Clause[] = [step.before]
      for (const inner of clauseWithDescendants(step.before).slice(1)) goneWith.add(inner.id)
      // A clause left out and new ones put in its place: one replacement.
      const next = steps[index + 1]
      if (next?.kind === 'inserted' && step.before.kind === 'paragraph' && next.after.kind === 'paragraph') {
        const texts: string[] = []
        let at = index + 1
        for (let following = steps[at]; following?.kind === 'inserted' && following.after.kind === 'paragraph'; following = steps[++at]) texts.push(newClauseText(following.after))
        const clause = cite(step.before)
        if (clause) drafted.push({ type: 'replace-clause', clause, texts })
        index = at - 1
        continue
      }
      const clause = cite(run[0] as Clause)
      if (clause) drafted.push({ type: 'delete-clause', clause })
      continue
    }
    // New clauses: every one in a row goes in with one instruction.
    const texts: string[] = []
    let at = index
    for (let following = steps[at]; following?.kind === 'inserted'; following = steps[++at]) texts.push(newClauseText(following.after))
    const place = placeOf(steps, index, at, oldProtocol, cite)
    if (place) drafted.push({ type: 'insert-clauses', ...place, texts })
    else problems.push({ reason: 'cannot say where the new clauses go: no clause of the old text stays beside them', clause: step.after.id })
    index = at - 1
  }
  return problems.length > 0 ? { problems } : drafted
}

/** A clause kept in its place, said as the changes of its words; or, when they cannot be said as words, replaced whole. */
function sayChanged(before: Clause, after: Clause, oldProtocol: Protocol, cite: (clause: Clause) => Citation | undefined): DraftedInstruction | undefined {
  const oldWords = visibleText(before).text
  // A clause the old text has unnumbered whose new words open as a number would ("SECTION 21" → "21 SECTION"):
  // those are its words, which keeling leaves as they are, not a number it gives.
  const newWords = visibleText(before.number === '' && after.number !== '' ? { ...after, number: '' } : after).text
  const sameSource = readerSource(before.source) === readerSource(after.source)
  if (sameSource || (oldWords === newWords && markedAlike(before, after))) return undefined
  // An unnumbered paragraph in a numbered sub-section is cited as the sub-section, when its changes are found once there.
  const section = subsectionOf(oldProtocol, before)
  const inSection = section && before.parent ? wordChanges(before, newWords, clauseWithDescendants(before.parent)) : undefined
  if (section && inSection && inSection.length > 0 && !overwhelmed(oldWords, inSection.length)) return { type: 'words', clause: section, heading: false, changes: inSection }
  const changes = oldWords === newWords ? undefined : wordChanges(before, newWords)
  const clause = cite(before)
  if (!clause) return undefined
  if (changes && changes.length > 0 && !overwhelmed(oldWords, changes.length) && !(before.kind === 'heading' && changes.length > 1)) {
    return { type: 'words', clause, heading: before.kind === 'heading', changes }
  }
  // A heading's words are its title: given whole when more than one change is in it.
  if (before.kind === 'heading' && !oldWords.includes('\n') && !newWords.includes('\n')) return { type: 'words', clause, heading: true, changes: [{ operation: { type: 'replace-words', scope: { type: 'document' }, words: oldWords.trim(), insert: newWords.trim() }, start: 0, end: oldWords.length }] }
  if (!clause.text || before.kind === 'heading') return undefined
  return { type: 'replace-clause', clause, texts: [newClauseText(after)] }
}

/** Whether two clauses differ only in their number and anchors (keeling renumbers; a motion says nothing of it). */
function markedAlike(before: Clause, after: Clause): boolean {
  const rest = (clause: Clause): string => {
    const source = readerSource(clause.source).replace(/^#{1,6}[ \t]+/, '')
    return clause.number !== '' && source.startsWith(clause.number) ? source.slice(clause.number.length) : source
  }
  return rest(before) === rest(after)
}

/** More changes than a clerk would list for a short clause: the clause is better replaced whole. */
function overwhelmed(words: string, changes: number): boolean {
  const count = words.split(/\s+/).filter(Boolean).length
  return changes > 3 && changes * 6 > count
}

/** A new clause as a motion quotes it: its source without its ID anchor (keeling gives it one). */
function newClauseText(clause: Clause): string {
  return clause.source.replace(/^(#{1,6}[ \t]+)?<a id="[^"]*"><\/a>/, '$1')
}

function previousKept(steps: Step[], index: number): Extract<Step, { kind: 'same' }> | undefined {
  for (let at = index - 1; at >= 0; at--) {
    const step = steps[at]
    if (step?.kind === 'same') return step
  }
  return undefined
}

function nextKept(steps: Step[], index: number): Extract<Step, { kind: 'same' }> | undefined {
  for (let at = index + 1; at < steps.length; at++) {
    const step = steps[at]
    if (step?.kind === 'same') return step
  }
  return undefined
}

/**
 * Where new clauses go, named by a clause of the old text that stays: after the clause before them; first under
 * a heading, before the clause that follows them in its section, or at the end of the section.
 */
function placeOf(
  steps: Step[],
  first: number,
  end: number,
  oldProtocol: Protocol,
  cite: (clause: Clause) => Citation | undefined
): { where: 'after' | 'before' | 'end-of-section' | 'end'; place?: Citation } | undefined {
  const previous = previousKept(steps, first)
  const next = nextKept(steps, end - 1)
  const firstNew = (steps[first] as Extract<Step, { kind: 'inserted' }>).after
  if (previous && previous.before.kind === 'paragraph') {
    // A new section after the last paragraph of one: after that section ("After section 12 insert …").
    if (firstNew.kind === 'heading') {
      let section: Clause | undefined
      for (let parent = previous.before.parent; parent && parent.level >= firstNew.level && clauseWithDescendants(parent).at(-1) === previous.before; parent = parent.parent) section = parent
      const place = section ? citeClause(oldProtocol, section) : undefined
      if (place?.text) return { where: 'after', place }
    }
    const place = cite(previous.before)
    return place ? { where: 'after', place } : undefined
  }
  if (previous && previous.before.kind === 'heading') {
    // After a heading: under it, unless the new clause is a heading of its level or above.
    const underIt = !(firstNew.kind === 'heading' && firstNew.level <= previous.after.level)
    if (!underIt) {
      const place = cite(previous.before)
      return place ? { where: 'after', place } : undefined
    }
    const inSection = next && isInside(next.after, previous.after)
    if (inSection && next) {
      const place = cite(next.before)
      return place ? { where: 'before', place } : undefined
    }
    const place = cite(previous.before)
    return place ? { where: 'end-of-section', place } : undefined
  }
  if (next) {
    const place = cite(next.before)
    return place ? { where: 'before', place } : undefined
  }
  return { where: 'end' }
}

function ancestors(clause: Clause): Clause[] {
  const found: Clause[] = []
  for (let parent = clause.parent; parent; parent = parent.parent) found.push(parent)
  return found
}

function isInside(clause: Clause, heading: Clause): boolean {
  for (let parent = clause.parent; parent; parent = parent.parent) if (parent.id === heading.id) return true
  return false
}

/**
 * Apply the drafted motion to the old text and compare the result with the new text, as a reader has them:
 * every clause's words and number, in order; and each clause of the old text that stays, with its ID.
 */
function verify(oldText: string, newText: string, motionText: string, meta: DraftMeta, replaced: ReadonlySet<string>, readersText?: string, renumbered: Renumbered[] = []): DraftProblem[] {
  const motion = parseMotion(motionText, meta.id, meta.protocol)
  const unread = motion.messages.filter((message) => message.fatal)
  if (unread.length > 0) return unread.map((message) => ({ reason: `keeling cannot read its own draft: ${message.reason} (line ${message.line ?? 0})` }))
  const applied = applyMotions(oldText, [{ motion, text: motionText, name: `${meta.id}.md` }], meta.base ? { version: meta.base } : {})
  if ('problems' in applied) return applied.problems.map((problem) => ({ reason: `the draft does not apply: ${problem.message.reason} (line ${problem.message.line ?? 0})` }))
  const problems = sameText(applied.text, newText, oldText, replaced, renumbered)
  // A reader's copy was given its clauses by keeling: the result must also read as the copy itself, word for word
  // (the clauses keeling renumbers read with the numbers the copy gave them).
  const parted = readersText !== undefined && problems.length === 0 ? sameWords(readersCopy(withNumbers(applied.text, renumbered)), readersText) : undefined
  return parted ? [{ reason: `the draft does not give the text given: ${parted}` }] : problems
}

/** A clause keeling renumbers where the new text kept its old number. */
interface Renumbered {
  id: string
  from: string
  to: string
}

/** The text with the clauses keeling renumbered given back the numbers the new text has. */
function withNumbers(text: string, renumbered: Renumbered[]): string {
  if (renumbered.length === 0) return text
  const protocol = parseProtocol(text)
  let result = ''
  let at = 0
  for (const { id, from, to } of renumbered) {
    const clause = protocol.all.find((candidate) => candidate.id === id)
    if (!clause) continue
    const start = clause.position.start.offset ?? 0
    const numberAt = text.indexOf(to, start)
    if (numberAt < at) continue
    result += text.slice(at, numberAt) + from
    at = numberAt + to.length
  }
  return result + text.slice(at)
}

/** Where a text made by applying a motion differs from the text it should be (none when they read the same). */
export function sameText(made: string, wanted: string, oldText: string, replaced: ReadonlySet<string> = new Set(), renumbered: Renumbered[] = []): DraftProblem[] {
  const got = readDiffDocument(made).units
  const want = readDiffDocument(wanted).units
  const oldUnits = readDiffDocument(oldText).units
  const oldIds = new Set(oldUnits.map((unit) => unit.id))
  const oldNumbers = new Map(oldUnits.map((unit) => [unit.id, unit.number]))
  for (let index = 0; index < Math.max(got.length, want.length); index++) {
    const a = got[index]
    const b = want[index]
    if (!a || !b) return [{ reason: `applying the draft gives ${got.length} clauses where the new text has ${want.length}` }]
    const gives = unitText(a)
    const has = unitText(b)
    // A clause the new text left with its old number, which keeling renumbers (3.5 after 3.4 is left out): said, not refused.
    if (gives !== has && a.id === b.id && a.number !== b.number && b.number === oldNumbers.get(b.id) && a.head + a.gap + a.body === b.head + b.gap + b.body) {
      renumbered.push({ id: b.id, from: b.number, to: a.number })
      continue
    }
    if (gives !== has) {
      let at = 0
      while (at < gives.length && gives[at] === has[at]) at++
      const from = Math.max(0, at - 30)
      return [{ reason: `applying the draft gives “${excerpt(gives.slice(from, at + 40))}” where the new text has “${excerpt(has.slice(from, at + 40))}” (line ${b.line} of the new text)`, clause: b.id }]
    }
    // A clause the motion leaves out and puts in again anew ("leave out paragraph 9.3 and insert: …") takes a new ID.
    if (oldIds.has(b.id) && a.id !== b.id && !replaced.has(b.id)) return [{ reason: `applying the draft gives clause ${a.id} where the new text keeps ${b.id} (line ${b.line})`, clause: b.id }]
  }
  return []
}

function excerpt(text: string): string {
  const flat = text.replace(/\n/g, '⏎').replace(/[ \t]+/g, ' ')
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat
}

/**
 * Whether a document's old text (its tracked changes all rejected) is the protocol's text, word for word as a
 * reader has it (headings' marks, spacing and line breaks aside); if not, where they first differ.
 */
export function differsFrom(protocolText: string, oldText: string): string | undefined {
  const words = (text: string): string[] =>
    text
      .replace(/<a id="[^"]*"><\/a>/g, '')
      .replace(/\[([^\]\n]*)\]\(#[^)\s]*\)/g, '$1')
      .replace(/^#{1,6}[ \t]+/gm, '')
      .replace(/^[ \t]*[-*+][ \t]+/gm, '')
      .split(/\s+/)
      .filter(Boolean)
  const document = readDiffDocument(protocolText)
  const expected = words(document.units.map((unit) => unitText(unit)).join('\n\n'))
  const given = words(readDiffDocument(oldText).keyed ? readDiffDocument(oldText).units.map((unit) => unitText(unit)).join('\n\n') : oldText)
  let at = 0
  while (at < expected.length && at < given.length && expected[at] === given[at]) at++
  if (at === expected.length && at === given.length) return undefined
  const show = (list: string[]): string => (at >= list.length ? 'nothing more' : `“${list.slice(Math.max(0, at - 4), at + 6).join(' ')}”`)
  return `after ${at} words the two part: the document reads ${show(given)} where the protocol has ${show(expected)}`
}
