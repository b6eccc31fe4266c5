import { buildChangeSet, type ChangeSet } from '../diff/change-set.js'
import { type ChangeSentence, describeClauses } from '../diff/describe-changes.js'
import { readDiffDocument } from '../diff/diff-document.js'
import { type ApplyResult, amendMotionTexts, applyMotions, type MotionInput, type MotionProblem } from '../motion/apply-motions.js'
import { inner, remembered } from '../remembered.js'

/**
 * The amendments before a meeting and the text they were drafted against: how to apply one on its own, or
 * after others were carried (its clauses named as in the text it was drafted against, found by clause ID).
 */
export class Meeting {
  readonly byId: Map<string, MotionInput>
  /** Results of {@link Meeting.apply}, by the text they were applied to, then the motions (each object's number). */
  private readonly applied = new Map<string, Map<string, ApplyResult>>()
  /** Results of {@link Meeting.amend}, by the motions (each object's number). */
  private readonly amended = new Map<string, { input: MotionInput } | { problems: MotionProblem[] }>()
  private readonly numbers = new WeakMap<MotionInput, number>()
  private numbered = 0

  /**
   * @param base the text the amendments were drafted against
   * @param inputs the amendments (motions and amendments to them)
   * @param version the label of `base` when it is a recorded version (a motion's `base:` may name it)
   */
  constructor(
    readonly base: string,
    readonly inputs: MotionInput[],
    readonly version: string | undefined
  ) {
    this.byId = new Map(inputs.map((input) => [input.motion.id, input]))
  }

  /** The motion an amendment amends, when it is before the meeting. */
  parentOf(input: MotionInput): MotionInput | undefined {
    return input.motion.amends ? this.byId.get(input.motion.amends) : undefined
  }

  /** The motion, with the motions it amends above it: [root, …, input]. */
  chain(input: MotionInput): MotionInput[] {
    const chain = [input]
    let parent = this.parentOf(input)
    while (parent && !chain.includes(parent)) {
      chain.unshift(parent)
      parent = this.parentOf(parent)
    }
    return chain
  }

  /**
   * Apply motions (a motion with the amendments to it carried) to a text: the base itself, or the base as others left it.
   * Applying is pure, so the result of the same motions on the same text is kept: a simulation asks whether an
   * amendment can be moved, then carries it, the same application twice.
   */
  apply(text: string, inputs: MotionInput[]): ApplyResult {
    const options = { ...(this.version !== undefined ? { version: this.version } : {}), ...(text === this.base ? {} : { numbersFrom: this.base }) }
    return remembered(inner(this.applied, text), inputs.map((input) => this.numberOf(input)).join(' '), () => applyMotions(text, inputs, options))
  }

  /** A number for each motion object this meeting has applied, the same object always the same number. */
  private numberOf(input: MotionInput): number {
    const known = this.numbers.get(input)
    if (known !== undefined) return known
    this.numbered++
    this.numbers.set(input, this.numbered)
    return this.numbered
  }

  /** The change a result makes to a text, clause by clause. */
  changes(before: string, result: Extract<ApplyResult, { text: string }>): ChangeSet {
    return buildChangeSet(readDiffDocument(before), readDiffDocument(result.text), { before: '', after: '' }, { moved: result.moved, changedWords: result.changedWords })
  }

  /** What a result does to a text, in the report's sentences. */
  says(before: string, result: Extract<ApplyResult, { text: string }>): ChangeSentence[] {
    return describeClauses(this.changes(before, result).clauses)
  }

  /** A motion as amended by amendments to it (each amending the motion as the ones before left it), or why not. */
  amend(target: MotionInput, amendments: MotionInput[]): { input: MotionInput } | { problems: MotionProblem[] } {
    const key = [target, ...amendments].map((input) => this.numberOf(input)).join(' ')
    return remembered(this.amended, key, () => {
      // The motions the target itself amends go with it (its own instructions name them), unchanged by this.
      const above = this.chain(this.byId.get(target.motion.id) ?? target).slice(0, -1)
      const amended = amendMotionTexts([...above, target, ...amendments])
      return 'problems' in amended ? amended : { input: amended.byId.get(target.motion.id) ?? target }
    })
  }
}

/** A report sentence as the marshalled list says it: "In paragraph 7.2, it adds the phrase “…”." */
export function sentenceOf(said: ChangeSentence, subject = 'it'): string {
  const text = said.place ? `${said.place}, ${subject} ${said.action}` : `${subject.charAt(0).toUpperCase()}${subject.slice(1)} ${said.action}`
  return /[.!?]”?$/.test(text) ? text : `${text}.`
}

/** A motion's problems as one line each, without the file's line and column (the list names the amendment). */
export function problemLines(problems: MotionProblem[]): string[] {
  return problems.map((found) => found.message.reason)
}
