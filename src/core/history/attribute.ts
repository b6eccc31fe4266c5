import { type Attribution, buildChangeSet, type ChangeSet, type ClauseDiff } from '../diff/change-set.js'
import { readDiffDocument } from '../diff/diff-document.js'
import { applyMotions, type MotionInput } from '../motion/apply-motions.js'
import type { Decision } from './history.js'
import type { ReplayStep } from './replay.js'

/** What one motion did on its own: the clauses it touched, applied with its amendments to the text it was adopted into. */
export interface MotionEffect {
  step: ReplayStep
  input: MotionInput
  /** Clause ID → how the motion changed it (a moved clause by where it now stands). */
  clauses: Map<string, ClauseDiff>
}

/**
 * Each motion adopted in the steps (amendments with the motion they amend),
 * applied alone to the text it was adopted into: the clauses it changed.
 * Motions that cannot be applied alone (they lean on another of the same
 * step) are left out.
 */
export function motionEffects(steps: ReplayStep[]): MotionEffect[] {
  const effects: MotionEffect[] = []
  for (const step of steps) {
    for (const input of step.motions) {
      if (input.motion.amends !== '') continue
      const amendments = step.motions.filter((other) => other.motion.amends === input.motion.id)
      const alone = applyMotions(step.before, [input, ...amendments])
      if ('problems' in alone) continue
      const changeSet = buildChangeSet(readDiffDocument(step.before), readDiffDocument(alone.text), { before: '', after: '' })
      const touched = changeSet.clauses.filter((clause) => clause.type !== 'unchanged' && clause.type !== 'moved-away' && clause.id !== '')
      effects.push({ step, input, clauses: new Map(touched.map((clause) => [clause.id, clause])) })
    }
  }
  return effects
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

/** `attributionsOf` the motions adopted in the steps. */
export function attributeClauses(steps: ReplayStep[], decision: (motion: string) => Decision | undefined): Map<string, Attribution[]> {
  return attributionsOf(motionEffects(steps), decision)
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
