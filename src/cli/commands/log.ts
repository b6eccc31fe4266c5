import { attributeClauses, clausesTargeted } from '../../core/history/attribute.js'
import { type HistoryRecord, newestFirst, standingDecision } from '../../core/history/history.js'
import { createParseCache } from '../../core/parse-cache.js'
import { readHistory, readMotionsById, replayProject } from '../../store/history-file.js'
import { readProtocolFile } from '../../store/read-protocol-file.js'
import { EXIT_OK, EXIT_USAGE, UserError, type Io } from '../io.js'
import { describeDecision } from './decide.js'
import { warnUnreadable } from '../unreadable-history.js'
import { selectClause } from '../select-clause.js'

/**
 * `keeling log SLUG [CLAUSE]`: the decisions and versions, newest first,
 * with votes; for a clause, only the motions that changed it (or, never
 * adopted, would have: a lost motion that targeted it) and the versions
 * that adopted them.
 */
export async function runLog(slug: string, selector: string | undefined, options: { json?: boolean }, io: Io): Promise<number> {
  const { history } = await readHistory(io.cwd, slug)
  warnUnreadable(io, slug, history)
  if (history.records.length === 0) throw new UserError(`${slug} has no history (history/${slug}.yml); record decisions with keeling decide`, EXIT_USAGE)
  let records: HistoryRecord[] = history.records
  if (selector !== undefined) {
    // Each text read once: the replay, each motion's effect and each lost motion's target read the same versions.
    const parse = createParseCache()
    const file = await readProtocolFile(io.cwd, slug)
    const found = selectClause(parse.protocol(file.text), selector)
    if (!('found' in found)) throw new UserError(`no clause "${selector}" in ${slug}`, EXIT_USAGE)
    const replay = await replayProject(io.cwd, slug, history, parse, { drift: false })
    const touched = attributeClauses(replay.steps, (motion) => standingDecision(history, motion), parse).get(found.found.id) ?? []
    const motions = new Set(touched.map((who) => who.motion))
    // A motion never adopted (lost, withdrawn) still targeted the clause: read against the text it was moved on.
    const adopted = new Set(records.flatMap((record) => (record.record === 'version' ? record.motions.map((motion) => motion.id) : [])))
    const undone = records.flatMap((record) => (record.record === 'decision' && !adopted.has(record.motion) ? [record] : []))
    const files = await readMotionsById(io.cwd, slug, undone.map((record) => record.motion), parse)
    for (const record of undone) {
      const input = files.get(record.motion)
      if (input && clausesTargeted(replay.steps, input, record.date, parse).has(found.found.id)) motions.add(record.motion)
    }
    records = records.filter((record) => (record.record === 'decision' ? motions.has(record.motion) : record.motions.some((motion) => motions.has(motion.id)) || record.from === ''))
  }
  const newest = newestFirst(records)
  if (options.json) {
    io.stdout(`${JSON.stringify(newest, null, 2)}\n`)
    return EXIT_OK
  }
  const lines = newest.map((record) => {
    if (record.record === 'decision') {
      const who = [record.mover ? `moved by ${record.mover}` : '', record.seconder ? `seconded by ${record.seconder}` : ''].filter(Boolean).join(', ')
      return `${record.date}  decision  ${describeDecision(record)}${who ? `; ${who}` : ''}${record.note ? `; ${record.note}` : ''}`
    }
    const motions = record.motions.length > 0 ? `: ${record.motions.map((motion) => motion.id).join(', ')}` : ' (first text)'
    return `${record.date}  version   ${record.label} adopted by ${record.by}${motions}  sha256 ${record.sha256.slice(0, 12)}`
  })
  io.stdout(`${lines.join('\n')}\n`)
  return EXIT_OK
}
