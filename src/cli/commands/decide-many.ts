import { readDate } from '../../core/dates.js'
import { type Decision, lastHash, type Outcome, RECORD_FORMAT, recordHash, sha256 } from '../../core/history/history.js'
import { marshalMotions } from '../../core/marshal/marshal-motions.js'
import { simulateOutcome } from '../../core/marshal/simulate-outcome.js'
import type { VotingOrder } from '../../core/marshal/types.js'
import { historyPath, readHistory } from '../../store/history-file.js'
import { displayPath } from '../../store/layout.js'
import { readRecordedMotion } from '../../store/read-motion-file.js'
import { createParseCache } from '../../core/parse-cache.js'
import { writeRecords } from '../../store/records.js'
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UserError, type Io } from '../io.js'
import { meetingMotions } from '../meeting-motions.js'
import { motionBase } from '../motion-base.js'
import { withProtocolLock } from '../protocol-lock.js'
import { readList } from './marshal.js'
import { dateProblems, describeDecision, reportMigration } from './decide.js'

/** The outcomes a meeting can give several amendments in one call, each an option taking a list. */
export const LIST_OUTCOMES = ['carried', 'lost', 'withdrawn', 'deferred'] as const

export interface DecideManyOptions {
  body: string
  date: string
  carried?: string
  lost?: string
  withdrawn?: string
  deferred?: string
  /** `N=FOR/AGAINST[/ABSTAIN]`, one per amendment voted on. */
  votes: string[]
  meeting?: string
  note?: string
  order: VotingOrder
}

/**
 * `keeling decide SLUG --carried 1,3 --lost 2 --withdrawn 4 --body B --date D`:
 * what a meeting decided on several amendments, numbered as `keeling marshal
 * SLUG` numbers them, recorded in the order of voting — all of them or none.
 * An outcome that cannot happen (an amendment carried after another took its
 * words) is refused before anything is written.
 */
export async function runDecideMany(slug: string, names: string[], options: DecideManyOptions, io: Io): Promise<number> {
  const refusals = [
    ...dateProblems('--date', options.date),
    ...(options.body.trim() === '' ? ['--body is empty; name the body that decided, e.g. --body "Council"'] : []),
    ...options.votes.flatMap((vote) => (/^[^=\s]+=\d+\/\d+(?:\/\d+)?$/.test(vote.trim()) ? [] : [`--votes "${vote}" is not a vote; write the amendment, then for/against[/abstain], e.g. --votes 3=12/4/1`]))
  ]
  if (refusals.length > 0) {
    for (const refusal of refusals) io.stderr(`keeling decide: ${refusal}\n`)
    return EXIT_PROBLEMS
  }
  const written = await withProtocolLock(io, slug, `keeling decide ${slug}`, async () => {
    const parse = createParseCache()
    const inputs = await meetingMotions(io, 'decide', slug, names, parse)
    if (inputs.length === 0) throw new UserError(`no amendments to ${slug} are tabled and undecided (amendments/${slug}/); name the motions`, EXIT_PROBLEMS)
    // Decisions name motions by their file in amendments/SLUG/: the same check as a single decision.
    for (const input of inputs) await readRecordedMotion(io.cwd, input.path, parse)
    const base = await motionBase(io.cwd, slug, inputs, parse)
    const marshal = marshalMotions(base.text, inputs, { order: options.order, ...(base.version !== undefined ? { version: base.version } : {}) })
    const outcomes = new Map<string, Outcome>()
    for (const outcome of LIST_OUTCOMES) {
      for (const id of readList(marshal, `--${outcome}`, options[outcome])) {
        const earlier = outcomes.get(id)
        if (earlier) throw new UserError(`amendment ${id} is given as both ${earlier} and ${outcome}; give it one outcome`, EXIT_USAGE)
        outcomes.set(id, outcome)
      }
    }
    if (outcomes.size === 0) throw new UserError(`give the outcomes: --carried, --lost, --withdrawn or --deferred with the amendments' numbers on the marshalled list (keeling marshal ${slug})`, EXIT_USAGE)
    const votes = new Map<string, { for: string; against: string; abstain: string }>()
    for (const vote of options.votes) {
      const [who = '', counts = ''] = vote.trim().split('=')
      const [id] = readList(marshal, '--votes', who)
      if (!id || !outcomes.has(id)) throw new UserError(`--votes ${vote}: amendment ${who} is not decided in this call; give its outcome too`, EXIT_USAGE)
      const [inFavour = '', against = '', abstain = ''] = counts.split('/')
      votes.set(id, { for: inFavour, against, abstain })
    }
    const carried = [...outcomes].filter(([, outcome]) => outcome === 'carried').map(([id]) => id)
    const lost = [...outcomes].filter(([, outcome]) => outcome === 'lost').map(([id]) => id)
    const simulated = simulateOutcome(base.text, inputs, marshal, { carried, lost }, base.version !== undefined ? { version: base.version } : {})
    if ('problems' in simulated) throw new UserError(`${simulated.problems.join('; ')}; nothing was recorded`, EXIT_PROBLEMS)
    const { history } = await readHistory(io.cwd, slug)
    const records: Decision[] = []
    let previous = lastHash(history)
    for (const step of marshal.voting) {
      const outcome = outcomes.get(step.id)
      const input = inputs.find((candidate) => candidate.motion.id === step.id)
      if (!outcome || !input) continue
      const vote = votes.get(step.id)
      const record: Decision = {
        record: 'decision',
        motion: step.id,
        motionSha256: sha256(input.text),
        outcome,
        body: options.body,
        meeting: options.meeting ?? '',
        date: readDate(options.date) ?? options.date,
        for: vote?.for ?? '',
        against: vote?.against ?? '',
        abstain: vote?.abstain ?? '',
        mover: input.motion.mover,
        seconder: input.motion.seconder,
        note: options.note ?? '',
        previous,
        format: RECORD_FORMAT
      }
      records.push(record)
      previous = recordHash(record)
    }
    const result = await writeRecords(io.cwd, slug, `decide ${slug} ${records.map((record) => `${record.motion}=${record.outcome}`).join(' ')}`, { records })
    reportMigration(io, slug, result)
    return { records, fallen: simulated.fallen.filter((fallen) => !outcomes.has(fallen.id)) }
  })
  const target = displayPath(io.cwd, historyPath(io.cwd, slug))
  for (const record of written.records) io.stderr(`recorded in ${target}: ${describeDecision(record)}\n`)
  for (const fallen of written.fallen) io.stderr(`amendment ${fallen.number} (${fallen.id}) falls: ${fallen.reason}; not recorded (record it with --withdrawn if the minutes do)\n`)
  return EXIT_OK
}
