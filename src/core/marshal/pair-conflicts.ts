import { buildChangeSet, type ClauseDiff, clauseWords } from '../diff/change-set.js'
import { nameOf, phrases } from '../diff/describe-changes.js'
import { readDiffDocument, unitText } from '../diff/diff-document.js'
import type { ApplyResult, MotionInput, MotionProblem } from '../motion/apply-motions.js'
import type { Instruction } from '../motion/types.js'
import type { Meeting } from './meeting.js'
import type { Conflict, MarshalledMotion, Relation } from './types.js'

type Applied = Extract<ApplyResult, { text: string }>

/**
 * How every pair of amendments on the list bear on each other. Whether
 * carrying one stops the other is found, not guessed: the first is applied
 * to the text, then the second to the result, as the meeting would take
 * them (its clauses named as in the text it was drafted against).
 */
export function findPairConflicts(meeting: Meeting, motions: MarshalledMotion[]): Conflict[] {
  const alone = new Map<string, Applied | null>()
  const applyAlone = (input: MotionInput): Applied | null => {
    if (!alone.has(input.motion.id)) {
      const result = meeting.apply(meeting.base, [input])
      alone.set(input.motion.id, 'text' in result ? result : null)
    }
    return alone.get(input.motion.id) ?? null
  }
  const conflicts: Conflict[] = []
  for (const [i, a] of motions.entries()) {
    for (const b of motions.slice(i + 1)) {
      const inputA = meeting.byId.get(a.id)
      const inputB = meeting.byId.get(b.id)
      if (!inputA || !inputB) continue
      conflicts.push(relate(meeting, a, b, inputA, inputB, applyAlone, motions))
    }
  }
  return conflicts
}

function relate(
  meeting: Meeting,
  a: MarshalledMotion,
  b: MarshalledMotion,
  inputA: MotionInput,
  inputB: MotionInput,
  applyAlone: (input: MotionInput) => Applied | null,
  motions: MarshalledMotion[]
): Conflict {
  const pair = (relation: Relation, sentences: string[], stops: { aStopsB?: boolean; bStopsA?: boolean } = {}): Conflict => ({
    a: a.number,
    b: b.number,
    relation,
    aStopsB: stops.aStopsB ?? false,
    bStopsA: stops.bStopsA ?? false,
    sentences
  })
  if (a.problems.length > 0 || b.problems.length > 0) return pair('independent', [])
  if (meeting.chain(inputB).includes(inputA)) return pair('amends', amendsSentences(a, b, motions))
  if (a.depth === 0 && b.depth === 0) return relateToText(meeting, a, b, inputA, inputB, applyAlone, pair)
  if (a.parent !== 0 && a.parent === b.parent) {
    const parent = meeting.parentOf(inputA)
    if (!parent) return pair('independent', [])
    const first = meeting.amend(parent, [inputA, inputB])
    const second = meeting.amend(parent, [inputB, inputA])
    const aStopsB = 'problems' in first
    const bStopsA = 'problems' in second
    if (aStopsB || bStopsA) {
      const sentences = [
        ...(aStopsB && 'problems' in first ? [stopSentence(a.number, b.number, inputB, first.problems)] : []),
        ...(bStopsA && 'problems' in second ? [stopSentence(b.number, a.number, inputA, second.problems)] : [])
      ]
      return pair('pre-empts', sentences, { aStopsB, bStopsA })
    }
    if ('input' in first && 'input' in second && first.input.text !== second.input.text) {
      return pair('changes-meaning', [`Amendment ${parentNumber(a)} reads differently with the order in which amendments ${a.number} and ${b.number} are carried.`])
    }
    return pair('same-clause', [`Amendments ${a.number} and ${b.number} both amend amendment ${parentNumber(a)}, in different words: either or both may be carried.`])
  }
  // An amendment to one motion and another motion (or an amendment to it): they meet only through the motions they amend.
  return pair('independent', [])
}

function parentNumber(motion: MarshalledMotion): number {
  return motion.parent
}

function amendsSentences(a: MarshalledMotion, b: MarshalledMotion, motions: MarshalledMotion[]): string[] {
  if (b.parent === a.number) {
    return [`Amendment ${b.number} amends amendment ${a.number}: it is put to the vote first, and if it is carried, amendment ${a.number} is put as amended; if amendment ${a.number} is then lost, neither changes the text.`]
  }
  const through = motions.find((motion) => motion.number === b.parent)
  return [`Amendment ${b.number} amends amendment ${through?.number ?? b.parent}, which amends amendment ${a.number}: it is put to the vote before both.`]
}

function relateToText(
  meeting: Meeting,
  a: MarshalledMotion,
  b: MarshalledMotion,
  inputA: MotionInput,
  inputB: MotionInput,
  applyAlone: (input: MotionInput) => Applied | null,
  pair: (relation: Relation, sentences: string[], stops?: { aStopsB?: boolean; bStopsA?: boolean }) => Conflict
): Conflict {
  const aloneA = applyAlone(inputA)
  const aloneB = applyAlone(inputB)
  if (!aloneA || !aloneB) return pair('independent', [])
  const aThenB = meeting.apply(aloneA.text, [inputB])
  const bThenA = meeting.apply(aloneB.text, [inputA])
  const aStopsB = 'problems' in aThenB
  const bStopsA = 'problems' in bThenA
  if (aStopsB || bStopsA) {
    const sentences = [
      ...('problems' in aThenB ? [stopSentence(a.number, b.number, inputB, aThenB.problems)] : []),
      ...('problems' in bThenA ? [stopSentence(b.number, a.number, inputA, bThenA.problems)] : [])
    ]
    return pair('pre-empts', sentences, { aStopsB, bStopsA })
  }
  const sameText = readerText(aThenB.text) === readerText(bThenA.text)
  const meaningA = changeSignature(meeting.changes(meeting.base, aloneA).clauses)
  const meaningB = changeSignature(meeting.changes(meeting.base, aloneB).clauses)
  const bAfterA = changeSignature(meeting.changes(aloneA.text, aThenB).clauses)
  const aAfterB = changeSignature(meeting.changes(aloneB.text, bThenA).clauses)
  if (!sameText || bAfterA !== meaningB || aAfterB !== meaningA) {
    const sentences: string[] = []
    if (bAfterA !== meaningB) sentences.push(`If amendment ${a.number} is carried, amendment ${b.number} can still be moved, but it changes other words than it does on its own: ${meeting.says(aloneA.text, aThenB).map((said) => `${said.place ? `${said.place.replace(/^In /, 'in ')}, it ` : 'it '}${said.action}`).join('; ')}.`)
    if (aAfterB !== meaningA) sentences.push(`If amendment ${b.number} is carried, amendment ${a.number} can still be moved, but it changes other words than it does on its own: ${meeting.says(aloneB.text, bThenA).map((said) => `${said.place ? `${said.place.replace(/^In /, 'in ')}, it ` : 'it '}${said.action}`).join('; ')}.`)
    if (!sameText) sentences.push(orderSentence(a.number, b.number, aThenB, bThenA))
    return pair('changes-meaning', sentences)
  }
  const shared = sharedClauses(a, b)
  if (overlappingWords(aloneA, aloneB)) {
    return pair('same-words', [`Amendments ${a.number} and ${b.number} change the same words of ${shared[0] ?? 'the text'}; each can still be moved after the other, and the text is the same whichever is carried first.`])
  }
  if (shared.length > 0) return pair('same-clause', [`Amendments ${a.number} and ${b.number} both change ${shared.join(' and ')}, in different words: either or both may be carried.`])
  return pair('independent', [])
}

/** "If amendments 3 and 4 are both carried, the text depends on which is carried first: in paragraph 5.2, “…” (3 first) or “…” (4 first)." */
function orderSentence(a: number, b: number, aThenB: Applied, bThenA: Applied): string {
  const between = buildChangeSet(readDiffDocument(aThenB.text), readDiffDocument(bThenA.text), { before: '', after: '' })
  const tidy = (text: string): string => text.replace(/\s+/g, ' ').trim()
  const places = between.clauses
    .filter((clause) => clause.type === 'changed' && clause.before)
    .flatMap((clause) =>
      phrases(clauseWords(clause)).map((phrase) => {
        const context = (words: string): string => tidy(`${phrase.preceding} ${words} ${phrase.following}`)
        return `in ${clause.before ? nameOf(clause.before) : clause.id}, “${context(phrase.before)}” (${a} first) or “${context(phrase.after)}” (${b} first)`
      })
    )
  return `If amendments ${a} and ${b} are both carried, the text depends on which is carried first${places.length > 0 ? `: ${places.join('; ')}` : ''}.`
}

/** The names of the clauses both amendments touch (a new clause is no one else's). */
function sharedClauses(a: MarshalledMotion, b: MarshalledMotion): string[] {
  const ids = new Set(b.clauses.map((clause) => clause.id))
  return a.clauses.filter((clause) => ids.has(clause.id) && !clause.name.startsWith('a new ')).map((clause) => clause.name)
}

function overlappingWords(a: Applied, b: Applied): boolean {
  return a.changedWords.some((x) =>
    b.changedWords.some((y) => x.id === y.id && (x.start === x.end && y.start === y.end ? x.start === y.start : x.start < y.end && y.start < x.end))
  )
}

/** A text as a reader has it, clause by clause: without front matter (the `applied:` list differs with the order). */
function readerText(text: string): string {
  return readDiffDocument(text).units.map(unitText).join('\n\n')
}

/**
 * What a change does, clause by clause, whatever the clauses are numbered: the clause ID, what happened to it,
 * and the words it left out and put in (a renumbering alone is no change of meaning).
 */
function changeSignature(clauses: ClauseDiff[]): string {
  return clauses
    .filter((clause) => clause.type !== 'unchanged' && clause.type !== 'moved-away')
    // A clause only renumbered (its words the same) is no change of meaning.
    .filter((clause) => clause.type !== 'changed' || clauseWords(clause).some((part) => part.type !== 'same'))
    .map((clause) => {
      if (clause.type === 'inserted') return `+ ${clause.after?.body ?? ''}`
      if (clause.type === 'deleted') return `- ${clause.id}`
      const words = clauseWords(clause.type === 'moved' ? { ...clause, type: 'changed' } : clause)
        .filter((part) => part.type !== 'same')
        .map((part) => `${part.type === 'deleted' ? '-' : '+'}${part.text}`)
        .join('|')
      return `${clause.type} ${clause.id} ${words}`
    })
    .join('\n')
}

/** "If amendment 3 is carried, amendment 5 cannot be moved: the words “calling or attending” will have been left out." */
export function stopSentence(first: number, second: number, stopped: MotionInput, problems: MotionProblem[]): string {
  return `If amendment ${first} is carried, amendment ${second} cannot be moved: ${stopReasons(stopped, problems)}.`
}

/** Why an amendment cannot be applied, as the marshalled list says it: "the words “…” will have been left out". */
export function stopReasons(stopped: MotionInput, problems: MotionProblem[]): string {
  const own = problems.filter((found) => found.name === stopped.name)
  return [...new Set((own.length > 0 ? own : problems).map((found) => why(stopped, found)))].join('; ')
}

function why(stopped: MotionInput, found: MotionProblem): string {
  const instruction = stopped.motion.instructions.find((candidate) => candidate.line === found.message.line && candidate.column === found.message.column)
  const words = instruction ? quotedWords(instruction) : ''
  const code = found.message.ruleId
  const reason = found.message.reason.replace(/^Instruction \d+: /, '')
  if (code === 'words-not-found' && words) return `the words “${words}” will have been left out`
  if (code === 'ambiguous-words' && words) return `the words “${words}” will occur more than once`
  const gone = /^(.+?) is no longer in the text/.exec(reason)
  if (gone?.[1]) return `${gone[1]} will have been left out`
  return reason.charAt(0).toLowerCase() + reason.slice(1).replace(/[.;]$/, '')
}

function quotedWords(instruction: Instruction): string {
  const operation = instruction.operation
  if ('words' in operation) return operation.words
  if (operation.type === 'delete-range') return operation.from
  return ''
}
