import { lastHash, versionsOf } from '../../core/history/history.js'
import { readHistory } from '../../store/history-file.js'
import { exists } from '../../store/files.js'
import { protocolPath } from '../../store/layout.js'
import { EXIT_OK, EXIT_USAGE, UserError, type Io } from '../io.js'
import { warnUnreadable } from '../unreadable-history.js'

/** `keeling versions SLUG [--json]`: each version's label, date, body, motions and hash, oldest first. */
export async function runVersions(slug: string, options: { json?: boolean }, io: Io): Promise<number> {
  const { history } = await readHistory(io.cwd, slug)
  warnUnreadable(io, slug, history)
  const versions = versionsOf(history)
  if (options.json) {
    const json = versions.map(({ label, date, by, from, motions, sha256 }) => ({ label, date, by, from, motions, sha256 }))
    io.stdout(`${JSON.stringify(json, null, 2)}\n`)
    return EXIT_OK
  }
  if (versions.length === 0) {
    if (!(await exists(protocolPath(io.cwd, slug)))) throw new UserError(`no protocol "${slug}" (protocols/${slug}.md)`, EXIT_USAGE)
    io.stderr(`${slug} has no versions yet; record its text as the first: keeling adopt ${slug} --version LABEL --date YYYY-MM-DD --by BODY\n`)
    return EXIT_OK
  }
  const rows = versions.map((version) => [
    version.label,
    version.date,
    version.by,
    version.motions.length > 0 ? version.motions.map((motion) => motion.id).join(', ') : '(first text)',
    version.sha256.slice(0, 12)
  ])
  const head = ['version', 'date', 'adopted by', 'motions', 'sha256']
  const widths = head.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)))
  const line = (row: string[]): string => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()
  io.stdout(`${[head, ...rows].map(line).join('\n')}\n`)
  // The hash of the last record, to publish with the minutes: `keeling verify --head` checks the history against it.
  io.stdout(`\nhistory head ${lastHash(history)} (${history.records.length} records)\n`)
  return EXIT_OK
}
