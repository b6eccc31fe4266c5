import { readFile } from 'node:fs/promises'
import { access } from 'node:fs/promises'
import { buildChangeSet } from '../../core/diff/change-set.js'
import { readDiffDocument } from '../../core/diff/diff-document.js'
import { checkChain, type History, sha256, versionsOf } from '../../core/history/history.js'
import { applyMotions } from '../../core/motion/apply-motions.js'
import { appliedMotions } from '../../core/protocol/applied-motions.js'
import { parseProtocol } from '../../core/protocol/parse-protocol.js'
import { historyPath, readHistory, readMotionsById, replayProject } from '../../store/history-file.js'
import { displayPath, protocolPath } from '../../store/layout.js'
import { listProtocolSlugs } from '../../store/read-protocol-file.js'
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UserError, type Io } from '../io.js'

/** One thing `verify` found wrong: in which file, at which line when it can say, and what. */
interface Finding {
  file: string
  line?: number
  message: string
}

/** What `verify --json` prints for a protocol with a history. */
interface VerifiedProtocol {
  protocol: string
  versions: number
  /** The last version's label, or null when the history records none. */
  last: string | null
  ok: boolean
  problems: Finding[]
}

/**
 * `keeling verify [SLUG…]`: for each protocol with a history, check the
 * hash chain, replay every version from its motions, and check that the
 * protocol file is the last version plus any motions applied since. Every
 * mismatch is named: the record, the version, the clauses whose text differs.
 */
export async function runVerify(slugs: string[], options: { json?: boolean }, io: Io): Promise<number> {
  const all = slugs.length > 0 ? slugs : await listProtocolSlugs(io.cwd)
  const results: VerifiedProtocol[] = []
  for (const slug of all) {
    const file = protocolPath(io.cwd, slug)
    const current = await readFile(file, 'utf8').catch(() => undefined)
    if (current === undefined) throw new UserError(`no protocol "${slug}" (${displayPath(io.cwd, file)})`, EXIT_USAGE)
    const hasHistory = await access(historyPath(io.cwd, slug)).then(
      () => true,
      () => false
    )
    if (!hasHistory) {
      if (slugs.length > 0) io.stderr(`${slug}: no history (${displayPath(io.cwd, historyPath(io.cwd, slug))}); nothing to verify\n`)
      continue
    }
    const { history } = await readHistory(io.cwd, slug)
    const versions = versionsOf(history)
    const problems = await verifyOne(io.cwd, slug, history, current)
    results.push({ protocol: slug, versions: versions.length, last: versions.at(-1)?.label ?? null, ok: problems.length === 0, problems })
  }
  const problems = results.reduce((count, result) => count + result.problems.length, 0)
  if (options.json) io.stdout(`${JSON.stringify(results, null, 2)}\n`)
  else {
    for (const found of results.flatMap((result) => result.problems)) io.stderr(`${found.file}${found.line ? `:${found.line}` : ''}: ${found.message}\n`)
    io.stderr(`${results.length} protocol${results.length === 1 ? '' : 's'} verified: ${problems === 0 ? 'every version replays to its recorded text' : `${problems} problem${problems === 1 ? '' : 's'}`}\n`)
  }
  return problems === 0 ? EXIT_OK : EXIT_PROBLEMS
}

async function verifyOne(root: string, slug: string, history: History, current: string): Promise<Finding[]> {
  const historyName = displayPath(root, historyPath(root, slug))
  const fileName = displayPath(root, protocolPath(root, slug))
  const found: Finding[] = [
    ...history.problems.map((problem) => ({ file: historyName, line: problem.line, message: problem.message })),
    ...checkChain(history).map((problem) => ({ file: historyName, message: problem.message }))
  ]
  const replay = await replayProject(root, slug, history)
  if ('failure' in replay) return [...found, { file: historyName, message: replay.failure.reason }]
  const versions = versionsOf(history)
  const last = versions.at(-1)
  if (!last) return found
  const lastText = replay.texts.get(last.label) ?? ''
  if (sha256(current) === last.sha256) return found
  // Motions applied since the last version (`keeling apply`) are allowed: replay them too.
  const adopted = new Set(versions.flatMap((version) => version.motions.map((motion) => motion.id)))
  const since = appliedMotions(parseProtocol(current)).filter((id) => !adopted.has(id))
  let expected = lastText
  if (since.length > 0) {
    const motions = await readMotionsById(root, slug, since)
    const inputs = since.flatMap((id) => motions.get(id) ?? [])
    const result = applyMotions(lastText, inputs)
    if ('problems' in result || inputs.length !== since.length) {
      return [...found, { file: fileName, message: `the motions applied since version ${last.label} (${since.join(', ')}) cannot be replayed on it` }]
    }
    expected = result.text
  }
  if (expected === current) return found
  const changes = buildChangeSet(readDiffDocument(expected), readDiffDocument(current), { before: `${slug}@${last.label}`, after: fileName })
  const clauses = changes.clauses.filter((clause) => clause.type !== 'unchanged')
  const against = since.length > 0 ? `version ${last.label} with ${since.join(', ')}` : `version ${last.label}`
  if (clauses.length === 0) return [...found, { file: fileName, message: `stored text differs from ${against} (outside the clauses: front matter or spacing)` }]
  return [
    ...found,
    ...clauses.map((clause) => {
      const unit = clause.after ?? clause.before
      const name = unit?.number || clause.id || `"${(unit?.body ?? '').slice(0, 30)}…"`
      const what = clause.type === 'inserted' ? 'is not in' : clause.type === 'deleted' ? 'is missing from the stored text of' : 'stored text differs from'
      return { file: fileName, line: clause.after?.line ?? clause.before?.line ?? 1, message: `${name}: ${clause.type === 'inserted' ? `stored clause ${what}` : what} ${against}` }
    })
  ]
}
