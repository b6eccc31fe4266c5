import { type ClauseDiff, clauseWords } from '../diff/change-set.js'
import { describeClause, nameOf } from '../diff/describe-changes.js'
import type { DiffUnit } from '../diff/diff-document.js'
import type { MotionInput } from '../motion/apply-motions.js'
import { parseFrontMatter } from '../protocol/parse-front-matter.js'
import { parseProtocol } from '../protocol/parse-protocol.js'
import { findPairConflicts } from './pair-conflicts.js'
import { Meeting, problemLines, sentenceOf } from './meeting.js'
import { orderOfVoting, votingRule } from './order-of-voting.js'
import type { Marshal, MarshalledMotion, VotingOrder } from './types.js'

/** Where an amendment falls in the text: the clause's place in the base text, then the offset of its words. */
type Position = [number, number]

interface Placed {
  input: MotionInput
  position: Position
  motion: Omit<MarshalledMotion, 'number' | 'parent'>
  children: Placed[]
}

/**
 * The marshalled list of the amendments before a meeting: each once, in the
 * order of the clauses and words it touches in the text they were drafted
 * against, an amendment to an amendment directly after the one it amends;
 * each with what it does in the committee report's words; every pair's
 * conflict, found by applying one after the other; and the order of voting.
 *
 * @param baseText the text the amendments were drafted against
 * @param inputs the amendments (motions to the text and amendments to them, `amends:`)
 * @param options.order the order of voting: `text` (the list's order) or `tabled` (the order they were tabled)
 * @param options.version the label of `baseText` when it is a recorded version
 */
export function marshalMotions(baseText: string, inputs: MotionInput[], options: { order?: VotingOrder; version?: string } = {}): Marshal {
  const meeting = new Meeting(baseText, inputs, options.version)
  const order = options.order ?? 'text'
  const placed = new Map(inputs.map((input) => [input.motion.id, place(meeting, input)]))
  const roots: Placed[] = []
  for (const input of inputs) {
    const entry = placed.get(input.motion.id)
    const parent = meeting.parentOf(input)
    const parentEntry = parent && parent !== input ? placed.get(parent.motion.id) : undefined
    if (entry && parentEntry) parentEntry.children.push(entry)
    else if (entry) roots.push(entry)
  }
  const motions: MarshalledMotion[] = []
  const visit = (entry: Placed, parent: number): void => {
    const number = motions.length + 1
    motions.push({ ...entry.motion, number, parent })
    for (const child of sortPlaced(entry.children)) visit(child, number)
  }
  for (const root of sortPlaced(roots)) visit(root, 0)
  // An amendment's effect names the amendment it amends by its number on the list.
  const numberOf = new Map(motions.map((motion) => [motion.id, motion.number]))
  for (const motion of motions) {
    if (motion.parent === 0) continue
    motion.effect = motion.effect.map((sentence) => capitalise(sentence.replace(/\{\{(\S+?)\}\}/g, (_, id: string) => `amendment ${numberOf.get(id) ?? id}`)))
  }
  return {
    motions,
    conflicts: findPairConflicts(meeting, motions),
    voting: orderOfVoting(motions, order),
    order,
    rule: votingRule(order)
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function sortPlaced(entries: Placed[]): Placed[] {
  const tabled = (entry: Placed): string => `${entry.input.motion.tabled.date || '9999'} ${entry.input.motion.id}`
  return [...entries].sort((a, b) => a.position[0] - b.position[0] || a.position[1] - b.position[1] || tabled(a).localeCompare(tabled(b)))
}

/** An amendment placed in the text, with what it does; one that cannot be moved goes last, with why. */
function place(meeting: Meeting, input: MotionInput): Placed {
  const motion = input.motion
  const common = {
    id: motion.id,
    title: motion.title,
    mover: motion.mover,
    seconder: motion.seconder,
    tabled: motion.tabled,
    amends: motion.amends,
    depth: meeting.chain(input).length - 1,
    instructions: instructionsAsWritten(input.text)
  }
  const parent = meeting.parentOf(input)
  if (motion.amends && !parent) {
    const problems = [`it amends motion ${motion.amends}, which is not before the meeting; marshal them together (keeling marshal SLUG ${motion.amends} ${motion.id})`]
    return { input, position: [Infinity, Infinity], motion: { ...common, clauses: [], effect: [], problems }, children: [] }
  }
  const chain = meeting.chain(input)
  const result = meeting.apply(meeting.base, chain)
  if ('problems' in result) {
    return { input, position: [Infinity, Infinity], motion: { ...common, clauses: [], effect: [], problems: problemLines(result.problems.filter((found) => found.name === input.name).concat(result.problems.filter((found) => found.name !== input.name))) }, children: [] }
  }
  const changes = meeting.changes(meeting.base, result)
  // A clause only renumbered is not one the amendment touches (its effect says the renumbering).
  const touched = changes.clauses.filter(
    (clause) => clause.type !== 'unchanged' && clause.type !== 'moved-away' && (clause.type !== 'changed' || clauseWords(clause).some((part) => part.type !== 'same'))
  )
  if (!parent) {
    const clauses = touched.map((clause) => ({ id: clause.id, name: clauseName(clause) }))
    const effect = meeting.says(meeting.base, result).map((said) => sentenceOf(said))
    return { input, position: textPosition(meeting.base, changes.clauses, result.changedWords), motion: { ...common, clauses, effect, problems: [] }, children: [] }
  }
  // An amendment to a motion: what it does to the motion's words, then what the motion as amended does to the text.
  const amended = meeting.amend(parent, [...chain.slice(chain.indexOf(parent) + 1)])
  const parentAmended = 'input' in amended ? amended.input : parent
  const toWords = describeClause(motionWordsDiff(parent.text, parentAmended.text)).map((said) => sentenceOf({ ...said, place: `In {{${parent.motion.id}}}` }))
  // What the motion as amended does differently from the motion as it stands: the clauses where the two differ.
  const unamended = meeting.apply(meeting.base, chain.slice(0, -1))
  const own = new Set('text' in unamended ? meeting.says(meeting.base, unamended).map((said) => `${said.id} ${said.place} ${said.action}`) : [])
  const differing = meeting.says(meeting.base, result).filter((said) => !own.has(`${said.id} ${said.place} ${said.action}`))
  const ids = new Set(differing.map((said) => said.id))
  const clauses = touched.filter((clause) => ids.has(clause.id)).map((clause) => ({ id: clause.id, name: clauseName(clause) }))
  const asAmended = differing.map((said) => sentenceOf(said, `{{${parent.motion.id}}} as amended`))
  return { input, position: wordsPosition(parent.text, input), motion: { ...common, clauses, effect: [...toWords, ...asAmended], problems: [] }, children: [] }
}

/**
 * A motion's instructions as its file writes them, each with the new text quoted under it: the words the meeting
 * is asked to agree. Comments are left out; a body that is not a numbered list is one instruction.
 */
function instructionsAsWritten(text: string): string[] {
  const body = text.slice(parseFrontMatter(text).bodyStart).replace(/<!--[\s\S]*?-->/g, '')
  const blocks: string[] = []
  for (const line of body.split(/\r?\n/)) {
    if (/^ {0,3}\d+[.)][ \t]/.test(line) || blocks.length === 0) blocks.push(line)
    else blocks[blocks.length - 1] += `\n${line}`
  }
  return blocks.map((block) => block.replace(/\s+$/, '').replace(/^\s*\n/, '')).filter((block) => block.trim() !== '')
}

function clauseName(clause: ClauseDiff): string {
  if (clause.type === 'inserted' && clause.after) return `a new ${nameOf(clause.after)}`
  const unit = clause.before ?? clause.after
  return unit ? nameOf(unit) : clause.id
}

/**
 * Where an amendment falls in the text: the first clause it touches, by its place in the base text (a new
 * clause just after the clause it follows), then the offset of the first words it changes there.
 */
function textPosition(base: string, clauses: ClauseDiff[], changedWords: Array<{ id: string; start: number }>): Position {
  const index = new Map(parseProtocol(base).all.map((clause, at) => [clause.id, at]))
  let previous = -1
  for (const clause of clauses) {
    const at = clause.type === 'inserted' || clause.type === 'moved' ? undefined : index.get(clause.id)
    if (clause.type === 'unchanged') {
      previous = at ?? previous
      continue
    }
    if (at === undefined) return [previous + 0.5, 0]
    const starts = changedWords.filter((words) => words.id === clause.id).map((words) => words.start)
    return [at, starts.length > 0 ? Math.min(...starts) : 0]
  }
  return [Infinity, 0]
}

/** Where an amendment to a motion falls in that motion's words: at the first words it quotes. */
function wordsPosition(parentText: string, input: MotionInput): Position {
  for (const instruction of input.motion.instructions) {
    const operation = instruction.operation
    const words = 'words' in operation ? operation.words : 'from' in operation ? operation.from : ''
    const at = words ? parentText.indexOf(words) : -1
    if (at >= 0) return [at, 0]
  }
  return [Infinity, 0]
}

/** A motion's words before and after an amendment, as one changed paragraph, for the report's sentences. */
function motionWordsDiff(before: string, after: string): ClauseDiff {
  const unit = (text: string): DiffUnit => ({ id: 'motion', kind: 'paragraph', number: '', head: '', gap: '', body: text.slice(parseFrontMatter(text).bodyStart).trim(), trailing: '', line: 1 })
  return { type: 'changed', id: 'motion', before: unit(before), after: unit(after), renumbered: false, attribution: [] }
}
