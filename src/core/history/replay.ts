import { applyMotions, type MotionInput } from '../motion/apply-motions.js'
import { type History, sha256, type Version, versionsOf } from './history.js'

/** One step of a replay: a version's text, and the text and motions it was made from. */
export interface ReplayStep {
  version: Version
  /** The motions adopted in this version (none for the first). */
  motions: MotionInput[]
  before: string
  after: string
}

/** The texts of every version, replayed from the first; or where replaying fails. */
export type Replay =
  | { texts: Map<string, string>; steps: ReplayStep[] }
  | { failure: { version: string; reason: string }; texts: Map<string, string>; steps: ReplayStep[] }

/**
 * Rebuild every version's text: the first from its recorded text, each
 * later one by applying its motions to the version before, as `adopt` did. Each motion file must be the one adopted (same SHA-256),
 * and each result must have the recorded hash.
 *
 * @param rootText the first version's text as recorded
 * @param motion the motion file with an ID, or undefined when there is none
 */
export function replayHistory(history: History, rootText: string | undefined, motion: (id: string) => MotionInput | undefined): Replay {
  const texts = new Map<string, string>()
  const steps: ReplayStep[] = []
  const fail = (version: string, reason: string): Replay => ({ failure: { version, reason }, texts, steps })
  let previous: string | undefined
  let previousLabel = ''
  for (const version of versionsOf(history)) {
    if (previous === undefined) {
      if (rootText === undefined) return fail(version.label, `the text of version ${version.label} is missing (history/…/${version.label}.md)`)
      if (sha256(rootText) !== version.sha256) return fail(version.label, `the recorded text of version ${version.label} was changed since it was adopted (its SHA-256 differs)`)
      texts.set(version.label, rootText)
      steps.push({ version, motions: [], before: '', after: rootText })
      previous = rootText
      previousLabel = version.label
      continue
    }
    const inputs: MotionInput[] = []
    for (const { id, sha256: expected } of version.motions) {
      const input = motion(id)
      if (!input) return fail(version.label, `motion ${id}, adopted in version ${version.label}, has no file (amendments/…/${id}.md)`)
      if (sha256(input.text) !== expected) return fail(version.label, `motion ${id} was changed since version ${version.label} adopted it (its file's SHA-256 differs)`)
      inputs.push(input)
    }
    // As adopted: all the version's motions at once, each read against the version before.
    const result = applyMotions(previous, inputs, { version: previousLabel })
    if ('problems' in result) return fail(version.label, `the motions of version ${version.label} no longer apply to the version before: ${result.problems[0]?.message.reason ?? ''}`)
    const text = result.text
    steps.push({ version, motions: inputs, before: previous, after: text })
    if (sha256(text) !== version.sha256) return fail(version.label, `replaying version ${version.label} does not give the text it recorded`)
    texts.set(version.label, text)
    previous = text
    previousLabel = version.label
  }
  return { texts, steps }
}
