import type { Attribution } from '../../core/diff/change-set.js'
import { blame, type ClauseBlame } from '../../core/history/blame.js'
import { standingDecision, versionsOf } from '../../core/history/history.js'
import { createParseCache } from '../../core/parse-cache.js'
import { readHistory, replayProject } from '../../store/history-file.js'
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UserError, type Io } from '../io.js'
import { warnUnreadable } from '../unreadable-history.js'
import { selectClause } from '../select-clause.js'

/**
 * `keeling blame SLUG [CLAUSE] [--json]`: each clause of the last version,
 * word by word, each run of words with the version, motion, mover, body,
 * date and vote that last changed it.
 */
export async function runBlame(slug: string, selector: string | undefined, options: { json?: boolean }, io: Io): Promise<number> {
  const { history } = await readHistory(io.cwd, slug)
  warnUnreadable(io, slug, history)
  const versions = versionsOf(history)
  if (versions.length === 0) throw new UserError(`${slug} has no versions (history/${slug}.yml); blame needs the history that keeling adopt records`, EXIT_USAGE)
  // Each text read once: the replay, the blame of each step and the clause named read the same versions.
  const parse = createParseCache()
  const replay = await replayProject(io.cwd, slug, history, parse, { drift: false })
  if ('failure' in replay) {
    io.stderr(`keeling blame: cannot rebuild the versions of ${slug}: ${replay.failure.reason}; run keeling verify ${slug}\n`)
    return EXIT_PROBLEMS
  }
  let clauses = blame(replay.steps, (motion) => standingDecision(history, motion), parse)
  if (selector !== undefined) {
    const last = versions.at(-1)
    const found = selectClause(parse.protocol(replay.texts.get(last?.label ?? '') ?? ''), selector)
    if (!('found' in found)) throw new UserError(`no clause "${selector}" in ${slug}@${last?.label ?? ''}`, EXIT_USAGE)
    clauses = clauses.filter((clause) => clause.id === found.found.id)
  }
  if (options.json) {
    io.stdout(`${JSON.stringify(clauses, null, 2)}\n`)
    return EXIT_OK
  }
  io.stdout(clauses.map(renderClause).join('\n\n') + (clauses.length > 0 ? '\n' : ''))
  return EXIT_OK
}

function renderClause(clause: ClauseBlame): string {
  const head = clause.number ? `${clause.number}${clause.numberedBy ? `  (numbered by ${name(clause.numberedBy)})` : ''}` : `[${clause.id}]`
  const lines = clause.spans.map((span) => `  ${name(span.attribution).padEnd(28)} ${JSON.stringify(span.text.trim())}`)
  return [head, ...lines].join('\n')
}

/** "cwg-2017-04-25: Constitution Working Group, carried by Constitution Working Group 2017-04-25 (for 5)" or "submitted-2017-04-04 (first text)". */
function name(who: Attribution): string {
  if (!who.motion) return `${who.version ?? ''} (first text, ${who.date ?? ''})`
  const decided = who.outcome ? `; ${who.outcome} by ${who.body ?? ''} on ${who.date ?? ''}${who.votes ? ` (${who.votes})` : ''}` : ''
  return `${who.version ?? ''} ← ${who.motion}, moved by ${who.mover ?? ''}${decided}`
}
