import type { MotionInput } from '../motion/apply-motions.js'
import { Meeting } from './meeting.js'
import { stopReasons } from './pair-conflicts.js'
import type { Marshal } from './types.js'

/** What the meeting decides, by motion ID; every other amendment is left undecided. */
export interface Outcome {
  carried: string[]
  lost: string[]
}

/** The text a meeting's decisions would make, and what became of every amendment on the list. */
export interface SimulatedOutcome {
  /** The protocol as it would read, as `keeling apply` would write it (the motions listed under `applied:`). */
  text: string
  /** Each application in the order of voting: an amendment to the text with the amendments to it carried, as `keeling apply` takes them. */
  applications: string[][]
  carried: number[]
  lost: number[]
  /** Amendments that can no longer be moved, with why: pre-empted by one carried, or amending one decided. */
  fallen: Array<{ number: number; id: string; reason: string }>
  /** Amendments not decided that can still be moved. */
  pending: number[]
}

export type Simulation = SimulatedOutcome | { problems: string[] }

/**
 * Simulate the meeting: the amendments put in the order of voting, each
 * carried one applied (an amendment to the text, with the amendments to it
 * carried, as `keeling apply` applies them together) to the text the ones
 * before left, its clauses named as in the text it was drafted against.
 * An amendment that cannot be moved at its turn falls; one carried that
 * cannot be moved is refused, saying why.
 *
 * @param baseText the text the amendments were drafted against (the marshalled list's)
 * @param inputs the amendments
 * @param marshal their marshalled list ({@link marshalMotions})
 * @param outcome the IDs carried and lost
 * @param options.version the label of `baseText` when it is a recorded version
 */
export function simulateOutcome(baseText: string, inputs: MotionInput[], marshal: Marshal, outcome: Outcome, options: { version?: string } = {}): Simulation {
  return outcomeSimulator(baseText, inputs, marshal, options)(outcome)
}

/**
 * {@link simulateOutcome} for many outcomes of one meeting: the function returned simulates each, and the
 * applications they have in common (the same motions on the same text) are made once.
 *
 * @param baseText the text the amendments were drafted against (the marshalled list's)
 * @param inputs the amendments
 * @param marshal their marshalled list ({@link marshalMotions})
 * @param options.version the label of `baseText` when it is a recorded version
 */
export function outcomeSimulator(baseText: string, inputs: MotionInput[], marshal: Marshal, options: { version?: string } = {}): (outcome: Outcome) => Simulation {
  const meeting = new Meeting(baseText, inputs, options.version)
  return (outcome) => simulate(meeting, baseText, marshal, outcome)
}

function simulate(meeting: Meeting, baseText: string, marshal: Marshal, outcome: Outcome): Simulation {
  const numberOf = new Map(marshal.motions.map((motion) => [motion.id, motion.number]))
  const problems = [...outcome.carried, ...outcome.lost].filter((id) => !numberOf.has(id)).map((id) => `${id} is not on the marshalled list`)
  const both = outcome.carried.filter((id) => outcome.lost.includes(id))
  problems.push(...both.map((id) => `amendment ${numberOf.get(id) ?? id} is given as both carried and lost`))
  if (problems.length > 0) return { problems }
  const carried = new Set(outcome.carried)
  const lost = new Set(outcome.lost)
  const current = new Map<string, MotionInput>()
  const carriedUnder = new Map<string, MotionInput[]>()
  const decided = new Map<string, 'carried' | 'lost' | 'fallen'>()
  const result: SimulatedOutcome = { text: baseText, applications: [], carried: [], lost: [], fallen: [], pending: [] }
  const now = (input: MotionInput): MotionInput => current.get(input.motion.id) ?? input
  const rootOf = (input: MotionInput): MotionInput => meeting.chain(input)[0] ?? input
  /** Whether the amendment can be moved now; if not, the sentence saying why. */
  const stopped = (input: MotionInput): string | null => {
    const parent = meeting.parentOf(input)
    if (parent) {
      const state = decided.get(parent.motion.id)
      if (state) return `amendment ${numberOf.get(parent.motion.id)}, which it amends, has been ${state === 'fallen' ? 'found to fall' : state}`
      const amended = meeting.amend(now(parent), [now(input)])
      return 'problems' in amended ? stopReasons(input, amended.problems) : null
    }
    const applied = meeting.apply(result.text, [input, ...(carriedUnder.get(input.motion.id) ?? [])])
    return 'problems' in applied ? stopReasons(input, applied.problems) : null
  }
  for (const step of marshal.voting) {
    const input = meeting.byId.get(step.id)
    if (!input) continue
    const reason = stopped(input)
    if (reason !== null) {
      if (carried.has(step.id)) return { problems: [`amendment ${step.number} (${step.id}) cannot be carried: at its turn ${reason}`] }
      decided.set(step.id, 'fallen')
      result.fallen.push({ number: step.number, id: step.id, reason })
      continue
    }
    if (lost.has(step.id)) {
      decided.set(step.id, 'lost')
      result.lost.push(step.number)
      continue
    }
    if (!carried.has(step.id)) continue
    decided.set(step.id, 'carried')
    result.carried.push(step.number)
    const parent = meeting.parentOf(input)
    if (parent) {
      const amended = meeting.amend(now(parent), [now(input)])
      if ('input' in amended) current.set(parent.motion.id, amended.input)
      const root = rootOf(input)
      carriedUnder.set(root.motion.id, [...(carriedUnder.get(root.motion.id) ?? []), input])
      continue
    }
    const together = [input, ...(carriedUnder.get(input.motion.id) ?? [])]
    const applied = meeting.apply(result.text, together)
    if ('problems' in applied) return { problems: [`amendment ${step.number} (${step.id}) cannot be carried: ${applied.problems.map((found) => found.message.reason).join('; ')}`] }
    result.text = applied.text
    result.applications.push(together.map((one) => one.motion.id))
  }
  // What is left undecided may have fallen since its turn: a later amendment carried took its words.
  for (const step of marshal.voting) {
    const input = meeting.byId.get(step.id)
    if (!input || decided.has(step.id)) continue
    const reason = stopped(input)
    if (reason === null) result.pending.push(step.number)
    else result.fallen.push({ number: step.number, id: step.id, reason })
  }
  result.fallen.sort((a, b) => a.number - b.number)
  result.pending.sort((a, b) => a - b)
  return result
}
