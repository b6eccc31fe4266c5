import { buildChangeSet } from '../../core/diff/change-set.js'
import { readDiffDocument } from '../../core/diff/diff-document.js'
import { driftedClauses, type DriftedClause } from '../../core/history/drift.js'
import { withoutHead } from '../../core/history/head.js'
import { join } from 'node:path'
import { checkChain, describeRecord, findHead, type History, isAnchored, lastHash, sha256, standingDecision, versionsOf } from '../../core/history/history.js'
import { applyMotions } from '../../core/motion/apply-motions.js'
import { appliedMotions } from '../../core/protocol/applied-motions.js'
import { createParseCache, type ParseCache } from '../../core/parse-cache.js'
import { historyPath, readHistory, readMotionsById, replayProject, versionTextPath } from '../../store/history-file.js'
import { AMENDMENTS_DIR, displayPath, protocolPath } from '../../store/layout.js'
import { listProtocolSlugs, type ProtocolFile } from '../../store/read-protocol-file.js'
import { readStable } from '../../store/transaction.js'
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UserError, type Io } from '../io.js'
import { readProtocolInput } from '../read-inputs.js'

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
  /** The hash of the history's last record: the head to publish (in minutes, on a printed copy). */
  head: string
  ok: boolean
  problems: Finding[]
  /** Where this keeling applies a recorded motion differently from the keeling that adopted it (not a problem: the stored text is the version). */
  drift: DriftedClause[]
  /** Things to know that are not problems (a history made by an earlier keeling). */
  notes: string[]
}

export interface VerifyOptions {
  json?: boolean
  /** A head published elsewhere, which the history must contain. */
  head?: string
}

/**
 * `keeling verify [SLUG…]`: for each protocol with a history, check the hash
 * chain and its head (kept in the protocol's front matter, so that a cut or
 * edited tail shows), each version's stored text against its record, each
 * version's motions replayed against its stored text (a difference is named
 * as drift), and that the protocol file is the last version plus any motions
 * applied since. Every mismatch is named: the record, the version, the
 * clauses whose text differs.
 */
export async function runVerify(slugs: string[], options: VerifyOptions, io: Io): Promise<number> {
  if (options.head !== undefined && !/^[0-9a-f]{12,64}$/i.test(options.head)) {
    throw new UserError(`--head "${options.head}" is not a history head; give its SHA-256 in hex, at least the first 12 characters (keeling versions SLUG prints it)`, EXIT_USAGE)
  }
  const all = slugs.length > 0 ? slugs : await listProtocolSlugs(io.cwd)
  const results: VerifiedProtocol[] = []
  for (const slug of all) {
    // Without the lock, but never across a write: what is verified is one state of the records.
    const verified = await readStable(io.cwd, slug, [protocolPath(io.cwd, slug), historyPath(io.cwd, slug)], io.env, async () => {
      const file = await readProtocolInput(io, slug)
      const { history, exists } = await readHistory(io.cwd, slug)
      if (!exists && file.head === undefined && options.head === undefined) return undefined
      // Each text read once: the replay, the motions decided and the current text's check read the same texts.
      return verifyOne(io.cwd, slug, history, exists, file, options.head, createParseCache())
    })
    if (verified) results.push(verified)
    else if (slugs.length > 0) io.stderr(`${slug}: no history (${displayPath(io.cwd, historyPath(io.cwd, slug))}); nothing to verify\n`)
  }
  const problems = results.reduce((count, result) => count + result.problems.length, 0)
  if (options.json) io.stdout(`${JSON.stringify(results, null, 2)}\n`)
  else {
    for (const result of results) {
      for (const found of result.problems) io.stderr(`${found.file}${found.line ? `:${found.line}` : ''}: ${found.message}\n`)
      for (const note of result.notes) io.stderr(`${result.protocol}: note: ${note}\n`)
      for (const clause of result.drift) {
        io.stderr(
          `${displayPath(io.cwd, historyPath(io.cwd, result.protocol)).replace(/\.yml$/, '')}/${clause.version}.md:${clause.line}: ${clause.clause}: engine drift: this keeling applies the motions of ${clause.version} differently; the stored text stays the version\n  stored:   ${clause.stored || '(not there)'}\n  replayed: ${clause.replayed || '(not there)'}\n`
        )
      }
    }
    const drifted = results.reduce((count, result) => count + result.drift.length, 0)
    const verdict = problems === 0 ? 'every record as adopted, every version its stored text' : `${problems} problem${problems === 1 ? '' : 's'}`
    io.stderr(`${results.length} protocol${results.length === 1 ? '' : 's'} verified: ${verdict}${drifted > 0 ? `; ${drifted} clause${drifted === 1 ? '' : 's'} of engine drift (see above)` : ''}\n`)
  }
  return problems === 0 ? EXIT_OK : EXIT_PROBLEMS
}

async function verifyOne(root: string, slug: string, history: History, exists: boolean, file: ProtocolFile, published: string | undefined, parse: ParseCache): Promise<VerifiedProtocol> {
  const historyName = displayPath(root, historyPath(root, slug))
  const fileName = displayPath(root, file.path)
  const versions = versionsOf(history)
  const head = lastHash(history)
  const found: Finding[] = [
    ...history.problems.map((problem) => ({ file: historyName, line: problem.line, message: problem.message })),
    ...checkChain(history).map((problem) => ({ file: historyName, message: problem.message }))
  ]
  const notes: string[] = []
  const result = (drift: DriftedClause[] = []): VerifiedProtocol => ({
    protocol: slug,
    versions: versions.length,
    last: versions.at(-1)?.label ?? null,
    head,
    ok: found.length === 0,
    problems: found,
    drift,
    notes
  })
  if (published !== undefined) found.push(...checkPublished(history, historyName, published))
  if (!exists) {
    found.push({ file: historyName, message: `missing, but ${fileName} records history head ${file.head ?? ''}: the history was deleted or moved; restore it (e.g. git checkout ${historyName})` })
    return result()
  }
  const replay = await replayProject(root, slug, history, parse)
  const legacy = !isAnchored(history)
  found.push(...checkAnchor(history, file, { historyName, fileName, legacy }))
  if (legacy && file.head === undefined && history.records.length > 0) {
    const partial = versions.some((version) => !replay.stored.has(version.label)) ? ', and only some versions\' texts are stored' : ''
    notes.push(`made by an earlier keeling: its head is not anchored in ${fileName}${partial}; \`keeling migrate ${slug}\` stores every version's text and anchors the head (the next decide or adopt does it too)`)
  }
  if ('failure' in replay) {
    found.push({ file: historyName, message: replay.failure.reason })
    return result()
  }
  found.push(...(await checkDecidedMotions(root, slug, history, parse)))
  // A history in this keeling's format stores every version's text: one missing was deleted.
  for (const version of versions) {
    if (version.format && !replay.stored.has(version.label)) {
      found.push({ file: displayPath(root, versionTextPath(root, slug, version.label)), message: `the stored text of version ${version.label} is missing (deleted or moved); restore it (e.g. git checkout)` })
    }
  }
  const drift = replay.drift.flatMap((entry) => driftedClauses(entry, parse))
  for (const item of replay.drift.filter((entry) => entry.replayed === undefined)) {
    notes.push(`engine drift: the motions of version ${item.version} no longer apply with this keeling (${item.reason ?? ''}); its stored text stays the version`)
  }
  const last = versions.at(-1)
  if (!last) return result(drift)
  found.push(...(await checkCurrent(root, slug, replay.texts.get(last.label) ?? '', file, versions.flatMap((version) => version.motions.map((motion) => motion.id)), last.label, parse)))
  return result(drift)
}

/** Every motion decided on must still be the words decided (the standing decision's hash), adopted or not. */
async function checkDecidedMotions(root: string, slug: string, history: History, parse: ParseCache): Promise<Finding[]> {
  const ids = [...new Set(history.records.flatMap((record) => (record.record === 'decision' ? [record.motion] : [])))]
  const motions = await readMotionsById(root, slug, ids, parse)
  const found: Finding[] = []
  for (const id of ids) {
    const decision = standingDecision(history, id)
    if (!decision) continue
    const file = displayPath(root, join(root, AMENDMENTS_DIR, slug, `${id}.md`))
    const input = motions.get(id)
    const what = `${decision.outcome} by ${decision.body} on ${decision.date}`
    if (!input) found.push({ file, message: `missing: the motion ${what} has no file; the words decided on are lost — restore it (e.g. git checkout ${file})` })
    else if (sha256(input.text) !== decision.motionSha256) found.push({ file, message: `changed since it was ${what} (its SHA-256 is not the one recorded); the words decided on must stay as they were — restore it, or table a new motion` })
  }
  return found
}

/** The head in the protocol's front matter against the history's last record: a cut or edited tail shows here. */
function checkAnchor(history: History, file: ProtocolFile, names: { historyName: string; fileName: string; legacy: boolean }): Finding[] {
  const { historyName, fileName, legacy } = names
  const last = history.records.at(-1)
  if (!last) {
    return file.head ? [{ file: historyName, message: `holds no records, but ${fileName} records history head ${file.head.slice(0, 12)}…: its records were removed; restore the file (e.g. git checkout ${historyName})` }] : []
  }
  const head = lastHash(history)
  if (file.head === undefined || file.head === '') {
    if (legacy) return []
    return [
      {
        file: fileName,
        line: 1,
        message: `records no history head (the \`history-head:\` line of its front matter was removed); the history's last record, ${describeRecord(last)}, has hash ${head}: check it against a published head (keeling verify --head HASH), then run \`keeling migrate\` to write it back`
      }
    ]
  }
  if (file.head === head) return []
  const at = findHead(history, file.head)
  if (at) {
    return [
      {
        file: historyName,
        message: `${at.after} record${at.after === 1 ? '' : 's'} after the head ${fileName} records (${describeRecord(history.records[at.index] ?? last)}): written without keeling, or ${fileName} is an older copy`
      }
    ]
  }
  return [
    {
      file: historyName,
      message: `its last record was changed or removed: ${fileName} records history head ${file.head.slice(0, 12)}…, which no record has (the last record now is ${describeRecord(last)}, ${head.slice(0, 12)}…)`
    }
  ]
}

/** A head published elsewhere (minutes, a printed copy) must be a record of the history. */
function checkPublished(history: History, historyName: string, published: string): Finding[] {
  const at = findHead(history, published)
  if (at) return []
  return [{ file: historyName, message: `no record has the published head ${published}: the history was altered or cut at or before that record, or the head is another protocol's` }]
}

/** The protocol file against its last version, plus any motions applied since with `keeling apply`. */
async function checkCurrent(root: string, slug: string, lastText: string, file: ProtocolFile, adoptedIds: string[], label: string, parse: ParseCache): Promise<Finding[]> {
  const current = withoutHead(file.text)
  if (current === lastText) return []
  const fileName = displayPath(root, file.path)
  const adopted = new Set(adoptedIds)
  const since = appliedMotions(parse.protocol(current)).filter((id) => !adopted.has(id))
  let expected = lastText
  if (since.length > 0) {
    const motions = await readMotionsById(root, slug, since, parse)
    const inputs = since.flatMap((id) => motions.get(id) ?? [])
    const applied = applyMotions(lastText, inputs, { parsed: parse })
    if ('problems' in applied || inputs.length !== since.length) {
      return [{ file: fileName, message: `the motions applied since version ${label} (${since.join(', ')}) cannot be replayed on it` }]
    }
    expected = applied.text
  }
  if (expected === current) return []
  const changes = buildChangeSet(readDiffDocument(expected, parse), readDiffDocument(current, parse), { before: `${slug}@${label}`, after: fileName })
  const clauses = changes.clauses.filter((clause) => clause.type !== 'unchanged')
  const against = since.length > 0 ? `version ${label} with ${since.join(', ')}` : `version ${label}`
  if (clauses.length === 0) return [{ file: fileName, message: `stored text differs from ${against} (outside the clauses: front matter or spacing)` }]
  return clauses.map((clause) => {
    const unit = clause.after ?? clause.before
    const name = unit?.number || clause.id || `"${(unit?.body ?? '').slice(0, 30)}…"`
    const what = clause.type === 'inserted' ? 'is not in' : clause.type === 'deleted' ? 'is missing from the stored text of' : 'stored text differs from'
    return { file: fileName, line: clause.after?.line ?? clause.before?.line ?? 1, message: `${name}: ${clause.type === 'inserted' ? `stored clause ${what}` : what} ${against}` }
  })
}
