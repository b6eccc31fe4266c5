import { missingDay, readDate } from '../../core/dates.js'
import { type Decision, lastHash, RECORD_FORMAT, type Outcome, OUTCOMES, sha256 } from '../../core/history/history.js'
import { basename, dirname } from 'node:path'
import { historyPath, readHistory } from '../../store/history-file.js'
import { displayPath } from '../../store/layout.js'
import { readRecordedMotion } from '../../store/read-motion-file.js'
import { createParseCache } from '../../core/parse-cache.js'
import { type RecordsWritten, writeRecords } from '../../store/records.js'
import { formatMessage } from '../format-message.js'
import { withProtocolLock } from '../protocol-lock.js'
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UserError, type Io } from '../io.js'
import { readRecordedMotionInput } from '../read-inputs.js'

export interface DecideOptions {
  body: string
  date: string
  outcome: string
  for?: string
  against?: string
  abstain?: string
  meeting?: string
  mover?: string
  seconder?: string
  note?: string
}

/**
 * `keeling decide MOTION.md --body B --date D --outcome O`: record what a
 * body did with a motion, appended to the protocol's history. The motion
 * file's hash is kept with the decision: the words the meeting voted on.
 */
export async function runDecide(path: string, options: DecideOptions, io: Io): Promise<number> {
  const refusals = [
    ...dateProblems('--date', options.date),
    ...(readOutcome(options.outcome) ? [] : [`--outcome "${options.outcome}" is not an outcome; use one of ${OUTCOMES.join(', ')} (or as minutes say it: passed, agreed, fell, defeated …)`]),
    ...(['for', 'against', 'abstain'] as const).flatMap((key) => {
      const value = options[key]
      return value === undefined || /^\d+$/.test(value) ? [] : [`--${key} "${value}" is not a number of votes; give a whole number, 0 or more`]
    }),
    ...(options.body.trim() === '' ? ['--body is empty; name the body that decided, e.g. --body "Council"'] : [])
  ]
  if (refusals.length > 0) {
    for (const refusal of refusals) io.stderr(`keeling decide: ${refusal}\n`)
    return EXIT_PROBLEMS
  }
  // Read again under the lock to see a change meanwhile: the same words are not parsed again.
  const parse = createParseCache()
  const input = await readRecordedMotionInput(io, path, parse)
  const errors = input.motion.messages.filter((message) => message.fatal)
  if (errors.length > 0) {
    for (const message of errors) io.stderr(`${formatMessage(input.name, message)}\n`)
    io.stderr(`keeling decide: ${input.name} is not a valid motion; fix it before recording a decision on it\n`)
    return EXIT_PROBLEMS
  }
  const slug = basename(dirname(input.path))
  if (input.motion.protocol !== slug) {
    io.stderr(`keeling decide: ${input.name} says \`protocol: ${input.motion.protocol}\` but is in amendments/${slug}/; a motion's folder is the protocol it changes: fix one or the other\n`)
    return EXIT_PROBLEMS
  }
  const target = historyPath(io.cwd, slug)
  const decision = await withProtocolLock(io, slug, `keeling decide ${input.name}`, async () => {
    // The words decided on are the file as it is now, read under the lock: a motion new --force meanwhile is seen.
    const current = await readRecordedMotion(io.cwd, path, parse)
    if (current.text !== input.text) throw new UserError(`${input.name} changed while the decision was being recorded; check it and run the command again`, EXIT_USAGE)
    const { history } = await readHistory(io.cwd, slug)
    const record: Decision = {
      record: 'decision',
      motion: input.motion.id,
      motionSha256: sha256(input.text),
      outcome: readOutcome(options.outcome) as Outcome,
      body: options.body,
      meeting: options.meeting ?? '',
      date: readDate(options.date) ?? options.date,
      for: options.for ?? '',
      against: options.against ?? '',
      abstain: options.abstain ?? '',
      mover: options.mover ?? input.motion.mover,
      seconder: options.seconder ?? input.motion.seconder,
      note: options.note ?? '',
      previous: lastHash(history),
      format: RECORD_FORMAT
    }
    const written = await writeRecords(io.cwd, slug, `decide ${input.name}`, { records: [record] })
    reportMigration(io, slug, written)
    return record
  })
  io.stderr(`recorded in ${displayPath(io.cwd, target)}: ${describeDecision(decision)}\n`)
  return EXIT_OK
}

/** Say that a write also brought an earlier keeling's history up to date. */
export function reportMigration(io: Io, slug: string, written: RecordsWritten): void {
  if (written.migrated.length === 0) return
  io.stderr(`brought ${slug}'s history up to date: stored the texts of ${written.migrated.join(', ')} (history/${slug}/) and anchored its head in protocols/${slug}.md\n`)
}

/** "cwg-1 carried by Council on 2017-04-04 (for 20, against 3, abstain 1)". */
export function describeDecision(decision: Decision): string {
  const votes = [
    decision.for ? `for ${decision.for}` : '',
    decision.against ? `against ${decision.against}` : '',
    decision.abstain ? `abstain ${decision.abstain}` : ''
  ].filter(Boolean)
  const meeting = decision.meeting ? ` at ${decision.meeting}` : ''
  return `${decision.motion} ${decision.outcome} by ${decision.body}${meeting} on ${decision.date}${votes.length > 0 ? ` (${votes.join(', ')})` : ''}`
}

/** Why a date is not a real date, if it is not (YYYY-MM-DD, or as minutes write it: 12 March 2025). */
export function dateProblems(option: string, date: string): string[] {
  if (readDate(date)) return []
  const missing = missingDay(date)
  if (missing) return [`${option} "${date}" is no day: ${missing}`]
  return [`${option} "${date}" is not a date; write it as YYYY-MM-DD (2017-04-25) or as minutes do (25 April 2017); 05/06/2017 reads two ways`]
}

/**
 * The outcomes as minutes word them, each recorded as keeling's one word:
 * passed, agreed, approved, adopted → carried; fell, defeated, rejected,
 * not carried → lost.
 */
const OUTCOME_WORDS: Record<string, Outcome> = {
  carried: 'carried', passed: 'carried', agreed: 'carried', approved: 'carried', adopted: 'carried', 'carried unanimously': 'carried', resolved: 'carried',
  lost: 'lost', fell: 'lost', failed: 'lost', defeated: 'lost', rejected: 'lost', 'not carried': 'lost', 'not agreed': 'lost', negatived: 'lost',
  withdrawn: 'withdrawn', deferred: 'deferred', postponed: 'deferred', adjourned: 'deferred', referred: 'referred', 'referred back': 'referred', superseded: 'superseded'
}

/** An outcome as written, in keeling's word, or undefined when it is none. */
export function readOutcome(word: string): Outcome | undefined {
  return OUTCOME_WORDS[word.trim().toLowerCase().replace(/\s+/g, ' ')]
}
