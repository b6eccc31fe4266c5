import { lastHash, RECORD_FORMAT, sha256, standingDecision, type Version, versionsOf } from '../../core/history/history.js'
import { applyMotions } from '../../core/motion/apply-motions.js'
import { withoutHead } from '../../core/history/head.js'
import { readDate } from '../../core/dates.js'
import { isFile } from '../../store/files.js'
import { readHistory } from '../../store/history-file.js'
import { displayPath, isSlug, protocolPath } from '../../store/layout.js'
import { readProtocolFile } from '../../store/read-protocol-file.js'
import { writeRecords } from '../../store/records.js'
import { formatMessage } from '../format-message.js'
import { withProtocolLock } from '../protocol-lock.js'
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UserError, type Io } from '../io.js'
import { readRecordedMotionInput } from '../read-inputs.js'
import { dateProblems, reportMigration } from './decide.js'

export interface AdoptOptions {
  version: string
  date: string
  by: string
}

/**
 * `keeling adopt SLUG --version LABEL --date D --by BODY MOTION.md…`: apply
 * carried motions to the last version (all or nothing, as `apply`) and
 * record the new version with its hash. With no motions and no versions
 * yet, record the protocol as it stands as its first version.
 */
export async function runAdopt(slug: string, paths: string[], options: AdoptOptions, io: Io): Promise<number> {
  const refuse = (reasons: string[]): number => {
    for (const reason of reasons) io.stderr(`keeling adopt: ${reason}\n`)
    io.stderr('keeling adopt: refused; nothing was written\n')
    return EXIT_PROBLEMS
  }
  const early = [
    ...(isSlug(options.version) ? [] : [`--version "${options.version}" is not a label; use lowercase letters, digits and hyphens, e.g. council-2017-04-04`]),
    ...dateProblems('--date', options.date),
    ...(options.by.trim() === '' ? ['--by is empty; name the body that adopted the version, e.g. --by "Council"'] : [])
  ]
  if (early.length > 0) return refuse(early)
  // Recorded as YYYY-MM-DD however it was written.
  const date = readDate(options.date) ?? options.date
  const file = protocolPath(io.cwd, slug)
  if (!isSlug(slug) || !(await isFile(file))) throw new UserError(`no protocol "${slug}" (${displayPath(io.cwd, file)})`, EXIT_USAGE)
  const inputs = await Promise.all(
    paths.map((path) =>
      readRecordedMotionInput(io, path)
    )
  )
  return withProtocolLock(io, slug, `keeling adopt ${slug} --version ${options.version}`, async () => {
    // Read inside the lock: what another writer just wrote is what this adopt builds on.
    const { text: current } = await readProtocolFile(io.cwd, slug)
    const { history } = await readHistory(io.cwd, slug)
    const versions = versionsOf(history)
    const last = versions.at(-1)
    const reasons: string[] = []
    if (versions.some((version) => version.label === options.version)) reasons.push(`version ${options.version} already exists; choose another label`)
    if (last && date < last.date) reasons.push(`--date ${date} is before the last version, ${last.label} of ${last.date}`)
    if (!last && inputs.length > 0) {
      reasons.push(`${slug} has no versions yet: first record the text the motions change, with no motions: keeling adopt ${slug} --version LABEL --date D --by BODY`)
    }
    if (last && inputs.length === 0) reasons.push('give the motions adopted in this version (MOTION.md…)')
    if (last && sha256(withoutHead(current)) !== last.sha256) {
      reasons.push(`${displayPath(io.cwd, file)} is not the text of version ${last.label}; run \`keeling verify ${slug}\` to see what differs`)
    }
    for (const input of inputs) {
      if (input.motion.protocol !== slug) reasons.push(`${input.name} changes protocol "${input.motion.protocol}", not "${slug}"`)
      const decision = standingDecision(history, input.motion.id)
      if (!decision) reasons.push(`${input.name} has no decision recorded; record the meeting's decision first: keeling decide ${input.name} --body B --date D --outcome carried`)
      else if (decision.outcome !== 'carried') reasons.push(`${input.name} was ${decision.outcome} by ${decision.body} on ${decision.date}; only carried motions are adopted`)
      else if (decision.motionSha256 !== sha256(input.text)) reasons.push(`${input.name} was changed after ${decision.body} decided on it (${decision.date}); the text adopted must be the text carried`)
      if (versions.some((version) => version.motions.some((motion) => motion.id === input.motion.id))) reasons.push(`${input.name} is already adopted`)
    }
    if (reasons.length > 0) return refuse(reasons)
    let text = current
    if (inputs.length > 0) {
      const result = applyMotions(current, inputs, { version: last?.label ?? '' })
      if ('problems' in result) {
        for (const { name, message } of result.problems) io.stderr(`${formatMessage(name, message)}\n`)
        return refuse([`the motions do not apply to version ${last?.label ?? ''}`])
      }
      text = result.text
    }
    const version: Version = {
      record: 'version',
      label: options.version,
      date,
      by: options.by,
      from: last?.label ?? '',
      motions: inputs.map((input) => ({ id: input.motion.id, sha256: sha256(input.text) })),
      sha256: sha256(withoutHead(text)),
      previous: lastHash(history),
      format: RECORD_FORMAT
    }
    // One change to three files — the version's text, the history and the protocol — all written, or none.
    const written = await writeRecords(io.cwd, slug, `adopt ${slug} --version ${options.version}`, {
      records: [version],
      protocol: text,
      versions: [{ label: options.version, text: withoutHead(text) }]
    })
    reportMigration(io, slug, written)
    const motions = inputs.length > 0 ? ` with ${inputs.map((input) => input.motion.id).join(', ')}` : ' as it stands'
    io.stderr(`adopted ${slug}@${options.version} (${date}, ${options.by})${motions}; sha256 ${version.sha256.slice(0, 12)}\n`)
    return EXIT_OK
  })
}

