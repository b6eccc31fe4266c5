import { type Attribution, buildChangeSet, type ChangeSet } from '../diff/change-set.js'
import { readDiffDocument } from '../diff/diff-document.js'
import { applyMotions, type MotionInput } from '../motion/apply-motions.js'
import type { Decision } from './history.js'
import type { ReplayStep } from './replay.js'

/**
 * Who made each change: for each motion adopted in the steps, the clauses
 * it changed (the motion applied alone, with any amendments to it, to the
 * text it was adopted into), attributed with its mover, the body that
 * decided it, the date, the outcome and the votes.
 *
 * @returns clause ID → the motions that changed it, oldest first
 */
export function attributeClauses(steps: ReplayStep[], decision: (motion: string) => Decision | undefined): Map<string, Attribution[]> {
  const byClause = new Map<string, Attribution[]>()
  for (const step of steps) {
    for (const input of step.motions) {
      if (input.motion.amends !== '') continue
      const amendments = step.motions.filter((other) => other.motion.amends === input.motion.id)
      const alone = applyMotions(step.before, [input, ...amendments])
      if ('problems' in alone) continue
      const effect = buildChangeSet(readDiffDocument(step.before), readDiffDocument(alone.text), { before: '', after: '' })
      const attribution = attributionOf(input, decision(input.motion.id), step.version.label)
      for (const clause of effect.clauses) {
        if (clause.type === 'unchanged' || clause.id === '') continue
        const list = byClause.get(clause.id) ?? []
        list.push(attribution)
        byClause.set(clause.id, list)
      }
    }
  }
  return byClause
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
