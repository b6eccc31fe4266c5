import { type Attribution, buildChangeSet, type ChangeSet, type ClauseDiff } from '../diff/change-set.js'
import { readDiffDocument } from '../diff/diff-document.js'
import { type ApplyOptions, type ApplyResult, applyMotions, type ChangedWords, type MotionInput } from '../motion/apply-motions.js'
import type { ParseCache } from '../parse-cache.js'
import type { Decision } from './history.js'
import type { ReplayStep } from './replay.js'

/** What one motion did on its own: the clauses it touched, applied with its amendments to the text it was adopted into. */
export interface MotionEffect {
  step: ReplayStep
  input: MotionInput
  /** Clause ID → how the motion changed it (a moved clause by where it now stands). */
  clauses: Map<string, ClauseDiff>
  /** The clause IDs the motion moved. */
  moved: string[]
  /** The words its operations changed, in the text it was adopted into. */
  changedWords: ChangedWords[]
  /** Every clause of the text, in reading order, as the motion alone changed it (where a moved clause now stands). */
  order: ClauseDiff[]
}

/**
 * How {@link motionEffects} applies a motion and compares the texts: directly, or through a caller that keeps
 * what it has worked out (the paper shares its applications and change sets between its sections).
 */
export interface EffectWork {
  apply(text: string, inputs: MotionInput[], options: ApplyOptions): ApplyResult
  changesOf(text: string, result: Extract<ApplyResult, { text: string }>): ChangeSet
}

/**
 * Each motion adopted in the steps (amendments with the motion they amend),
 * applied alone to the text it was adopted into: the clauses it changed.
 * Motions that cannot be applied alone (they lean on another of the same
 * step) are left out.
 *
 * @param parse the command's parsed texts, when it has them (the replay read the same texts)
 * @param work how to apply and compare (directly, unless given)
 */
export function motionEffects(steps: ReplayStep[], parse?: ParseCache, work: EffectWork = directWork(parse)): MotionEffect[] {
  const effects: MotionEffect[] = []
  for (const step of steps) {
    for (const input of step.motions) {
      if (input.motion.amends !== '') continue
      const amendments = step.motions.filter((other) => other.motion.amends === input.motion.id)
      const alone = work.apply(step.before, [input, ...amendments], { version: step.version.from })
      if ('problems' in alone) continue
      const changeSet = work.changesOf(step.before, alone)
      const touched = changeSet.clauses.filter((clause) => clause.type !== 'unchanged' && clause.type !== 'moved-away' && clause.id !== '')
      effects.push({ step, input, clauses: new Map(touched.map((clause) => [clause.id, clause])), moved: alone.moved, changedWords: alone.changedWords, order: changeSet.clauses })
    }
  }
  return effects
}

/** Applying and comparing directly, each text parsed through `parse` when given. */
function directWork(parse: ParseCache | undefined): EffectWork {
  return {
    apply: (text, inputs, options) => applyMotions(text, inputs, { ...options, parsed: parse }),
    changesOf: (text, result) =>
      buildChangeSet(readDiffDocument(text, parse), readDiffDocument(result.text, parse), { before: '', after: '' }, { moved: result.moved, changedWords: result.changedWords })
  }
}

/**
 * Who made each change: for each motion's effect, the clauses it changed,
 * attributed with its mover, the body that decided it, the date, the
 * outcome and the votes.
 *
 * @returns clause ID → the motions that changed it, oldest first
 */
export function attributionsOf(effects: MotionEffect[], decision: (motion: string) => Decision | undefined): Map<string, Attribution[]> {
  const byClause = new Map<string, Attribution[]>()
  for (const { step, input, clauses } of effects) {
    const attribution = attributionOf(input, decision(input.motion.id), step.version.label)
    for (const id of clauses.keys()) byClause.set(id, [...(byClause.get(id) ?? []), attribution])
  }
  return byClause
}

/**
 * The clauses a motion that was never adopted (lost, withdrawn, still tabled) would have changed: applied
 * alone to the version it was drafted against (`base:`), else to the last version adopted on or before
 * `date` (the meeting that decided it), else to the first.
 *
 * @param parse the command's parsed texts, when it has them
 * @returns the clause IDs it changes there; none when it does not apply to that text
 */
export function clausesTargeted(steps: ReplayStep[], input: MotionInput, date: string, parse?: ParseCache): Set<string> {
  const base = steps.find((step) => step.version.label === input.motion.base) ?? steps.filter((step) => step.version.date <= date).at(-1) ?? steps[0]
  if (!base) return new Set()
  const alone = applyMotions(base.after, [input], { version: base.version.label, parsed: parse })
  if ('problems' in alone) return new Set()
  const changeSet = buildChangeSet(readDiffDocument(base.after, parse), readDiffDocument(alone.text, parse), { before: '', after: '' }, { moved: alone.moved })
  return new Set(changeSet.clauses.filter((clause) => clause.type !== 'unchanged' && clause.id !== '').map((clause) => clause.id))
}

/**
 * What the change set between the texts before and after the effects' steps is told the motions did: the
 * clauses they moved, and — when the steps are one, so that their offsets are in the old text — the words
 * their operations changed.
 */
export function motionHints(effects: MotionEffect[]): { moved: Set<string>; changedWords?: ChangedWords[] } {
  const steps = new Set(effects.map((effect) => effect.step))
  return { moved: movedClauses(effects), ...(steps.size === 1 ? { changedWords: effects.flatMap((effect) => effect.changedWords) } : {}) }
}

/** The clause IDs the motions of the effects moved. */
export function movedClauses(effects: MotionEffect[]): Set<string> {
  return new Set(effects.flatMap((effect) => effect.moved))
}

/** `attributionsOf` the motions adopted in the steps; `parse`, the command's parsed texts when it has them. */
export function attributeClauses(steps: ReplayStep[], decision: (motion: string) => Decision | undefined, parse?: ParseCache): Map<string, Attribution[]> {
  return attributionsOf(motionEffects(steps, parse), decision)
}

/** Attach to each changed clause of a change set the motions that changed it. */
export function attachAttributions(changeSet: ChangeSet, byClause: Map<string, Attribution[]>): ChangeSet {
  for (const clause of changeSet.clauses) {
    if (clause.type === 'unchanged') continue
    clause.attribution.push(...(byClause.get(clause.id) ?? []))
  }
  return changeSet
}

function attributionOf(input: MotionInput, decision: Decision | undefined, version: string): Attribution {
  const votes = decision
    ? [decision.for ? `for ${decision.for}` : '', decision.against ? `against ${decision.against}` : '', decision.abstain ? `abstain ${decision.abstain}` : '']
        .filter(Boolean)
        .join(', ')
    : ''
  return {
    motion: input.motion.id,
    title: input.motion.title,
    mover: decision?.mover || input.motion.mover,
    ...((decision?.seconder || input.motion.seconder) ? { seconder: decision?.seconder || input.motion.seconder } : {}),
    ...(decision ? { body: decision.body, date: decision.date, outcome: decision.outcome } : {}),
    ...(votes ? { votes } : {}),
    version
  }
}
