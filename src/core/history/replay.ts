import { type ApplyResult, applyMotions, type MotionInput } from '../motion/apply-motions.js'
import { createParseCache, type ParseCache } from '../parse-cache.js'
import { type History, sha256, type Version, versionsOf } from './history.js'

/** One step of a replay: a version's text, and the text and motions it was made from. */
export interface ReplayStep {
  version: Version
  /** The motions adopted in this version (none for the first). */
  motions: MotionInput[]
  before: string
  after: string
}

/**
 * Where this keeling applies a version's recorded motions differently from
 * the keeling that adopted them: the stored text stays the version; the
 * replayed text (or why the motions no longer apply) is for the reader.
 */
export interface Drift {
  version: string
  /** The version's text as stored. */
  stored: string
  /** The text this keeling gives by applying the motions to the version before, when they apply. */
  replayed?: string
  /** Why the motions do not apply, when they do not. */
  reason?: string
}

/** The texts of every version, the drift found replaying them; or the first record found altered. */
export type Replay =
  | { texts: Map<string, string>; steps: ReplayStep[]; drift: Drift[] }
  | { failure: { version: string; reason: string }; texts: Map<string, string>; steps: ReplayStep[]; drift: Drift[] }

/**
 * Every version's text, and a check of each against its motions. A version's
 * text is the one stored when it was adopted (`history/SLUG/LABEL.md`, which
 * must have the recorded SHA-256); replaying its motions on the version
 * before is a check, and a difference is drift, not a failure. A history
 * made before every text was stored has only its first: the later ones are
 * then rebuilt by replaying, as the keeling that adopted them did, and must
 * give the recorded hash. Each motion file must be the one adopted (same
 * SHA-256): a changed or missing motion, or an altered stored text, is a
 * record altered.
 *
 * @param stored a version's stored text by label, or undefined when none is stored
 * @param motion the motion file with an ID, or undefined when there is none
 * @param names the files a version's text and a motion are kept in, for messages
 * @param parse the command's parsed texts (a new cache when not given): each version's text and each text made on the way is parsed once
 * @param check.drift false to take a stored text as it is, without applying its motions to see whether this keeling
 *   gives the same (only `keeling verify` reports drift; a paper or a report reads the stored texts)
 */
export function replayHistory(
  history: History,
  stored: (label: string) => string | undefined,
  motion: (id: string) => MotionInput | undefined,
  names: { text(label: string): string; motion(id: string): string } = { text: (label) => `history/…/${label}.md`, motion: (id) => `amendments/…/${id}.md` },
  parse: ParseCache = createParseCache(),
  check: { drift?: boolean } = {}
): Replay {
  const texts = new Map<string, string>()
  const steps: ReplayStep[] = []
  const drift: Drift[] = []
  const fail = (version: string, reason: string): Replay => ({ failure: { version, reason }, texts, steps, drift })
  let previous: string | undefined
  let previousLabel = ''
  for (const version of versionsOf(history)) {
    const kept = stored(version.label)
    if (kept !== undefined && sha256(kept) !== version.sha256) {
      return fail(version.label, `the stored text of version ${version.label} was changed since it was adopted (its SHA-256 differs from the record)`)
    }
    if (previous === undefined) {
      if (kept === undefined) return fail(version.label, `the text of version ${version.label} is missing (${names.text(version.label)})`)
      texts.set(version.label, kept)
      steps.push({ version, motions: [], before: '', after: kept })
      previous = kept
      previousLabel = version.label
      continue
    }
    const inputs: MotionInput[] = []
    for (const { id, sha256: expected } of version.motions) {
      const input = motion(id)
      if (!input) return fail(version.label, `motion ${id}, adopted in version ${version.label}, has no file (${names.motion(id)})`)
      if (sha256(input.text) !== expected) return fail(version.label, `motion ${id} was changed since version ${version.label} adopted it (its file's SHA-256 differs)`)
      inputs.push(input)
    }
    // As adopted: all the version's motions at once, each read against the version before. A stored text is the
    // version; applying its motions to it again only looks for drift, when that is asked for.
    const before = previous
    const apply = (): ApplyResult => applyMotions(before, inputs, { version: previousLabel, parsed: parse })
    let text: string
    if (kept !== undefined) {
      text = kept
      if (check.drift !== false) {
        const result = apply()
        if ('problems' in result) drift.push({ version: version.label, stored: kept, reason: result.problems[0]?.message.reason ?? '' })
        else if (result.text !== kept) drift.push({ version: version.label, stored: kept, replayed: result.text })
      }
    } else {
      const result = apply()
      if ('problems' in result) return fail(version.label, `the motions of version ${version.label} no longer apply to the version before: ${result.problems[0]?.message.reason ?? ''}`)
      if (sha256(result.text) !== version.sha256) return fail(version.label, `replaying version ${version.label} does not give the text it recorded`)
      text = result.text
    }
    steps.push({ version, motions: inputs, before: previous, after: text })
    texts.set(version.label, text)
    previous = text
    previousLabel = version.label
  }
  return { texts, steps, drift }
}
