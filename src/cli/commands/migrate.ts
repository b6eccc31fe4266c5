import { lastHash, versionsOf } from '../../core/history/history.js'
import { historyPath, migrationFiles, readHistory, VersionNotFound } from '../../store/history-file.js'
import { displayPath } from '../../store/layout.js'
import { listProtocolSlugs } from '../../store/read-protocol-file.js'
import { writeRecords } from '../../store/records.js'
import { withProtocolLock } from '../protocol-lock.js'
import { EXIT_OK, EXIT_PROBLEMS, type Io } from '../io.js'
import { readProtocolInput } from '../read-inputs.js'

/**
 * `keeling migrate [SLUG…]`: bring histories made by an earlier keeling up
 * to date — every version's text stored beside the history (rebuilt by
 * replaying, and checked against the recorded hash), and the history's head
 * anchored in the protocol's front matter. No record is changed; a history
 * already up to date is left as it is.
 */
export async function runMigrate(slugs: string[], io: Io): Promise<number> {
  const all = slugs.length > 0 ? slugs : await listProtocolSlugs(io.cwd)
  let failed = 0
  for (const slug of all) {
    const file = await readProtocolInput(io, slug)
    const outcome = await withProtocolLock(io, slug, `keeling migrate ${slug}`, async () => {
      const { history, exists } = await readHistory(io.cwd, slug)
      if (!exists || history.records.length === 0) return `${slug}: no history; nothing to do`
      if (history.problems.length > 0) throw new VersionNotFound(`${displayPath(io.cwd, historyPath(io.cwd, slug))}:${history.problems[0]?.line ?? 1}: ${history.problems[0]?.message ?? ''}`)
      const texts = await migrationFiles(io.cwd, slug, history)
      const head = lastHash(history)
      if (texts.length === 0 && file.head === head) return `${slug}: up to date (${versionsOf(history).length} versions stored, head ${head.slice(0, 12)})`
      const written = await writeRecords(io.cwd, slug, `migrate ${slug}`, {})
      const stored = written.migrated.length > 0 ? `stored the texts of ${written.migrated.join(', ')}; ` : ''
      return `${slug}: ${stored}anchored the history head ${head} in ${displayPath(io.cwd, file.path)}`
    }).catch((error: unknown) => {
      if (!(error instanceof VersionNotFound)) throw error
      failed++
      return `${slug}: not migrated: ${error.message}; run keeling verify ${slug}`
    })
    io.stderr(`${outcome}\n`)
  }
  return failed > 0 ? EXIT_PROBLEMS : EXIT_OK
}
