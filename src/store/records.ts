import { readFile } from 'node:fs/promises'
import { readHead, withHead, withoutHead } from '../core/history/head.js'
import { checkChain, type History, type HistoryRecord, lastHash, recordHash } from '../core/history/history.js'
import { Refusal } from './environment-error.js'
import { historyPath, migrationFiles, readHistory, VersionNotFound, versionTextPath, withRecords } from './history-file.js'
import { protocolPath } from './layout.js'
import { commitFiles, type FileWrite } from './transaction.js'

/** One change to a protocol's records, written all or none. */
export interface RecordChange {
  /** Records appended to the history, oldest first. */
  records?: HistoryRecord[]
  /** The protocol's new text (without a head line); default: the text as it stands. */
  protocol?: string
  /** Version texts to store, `history/SLUG/LABEL.md`. */
  versions?: Array<{ label: string; text: string }>
}

/** What a write of the records did, for the message to the user. */
export interface RecordsWritten {
  /** The history's head after the write ('' when the protocol has no history). */
  head: string
  /** Labels of versions of an earlier keeling's history whose texts were stored by this write. */
  migrated: string[]
}

/**
 * Write a change to a protocol's records as one: the history with the new
 * records, the version texts, and the protocol with the history's new head
 * in its front matter — all or none (see commitFiles). A history made by an
 * earlier keeling is brought up to date by the same write: every version's
 * text stored, and the head anchored. Call holding the protocol's lock.
 */
export async function writeRecords(root: string, slug: string, intent: string, change: RecordChange): Promise<RecordsWritten> {
  const { history, text: historyText, exists } = await readHistory(root, slug)
  const file = protocolPath(root, slug)
  const raw = await readFile(file, 'utf8')
  const broken = recordsProblem(history, exists, readHead(raw))
  if (broken) {
    throw new Refusal(
      `the records of ${slug} are not as keeling left them: ${broken}; nothing was written. Run keeling verify ${slug}, restore the records (e.g. git checkout history/${slug}.yml protocols/${slug}.md), then run the command again`
    )
  }
  const records = change.records ?? []
  const migration = await migrationFiles(root, slug, history).catch((error: unknown) => {
    // A history that cannot be replayed is left as it is (verify names why); the new records are still written.
    if (error instanceof VersionNotFound) return []
    throw error
  })
  const all = [...history.records, ...records]
  const last = all.at(-1)
  const head = last ? recordHash(last) : ''
  const text = change.protocol ?? withoutHead(raw)
  const protocol = head === '' ? text : withHead(text, head)
  const files: FileWrite[] = [
    ...(change.versions ?? []).map((version) => ({ path: versionTextPath(root, slug, version.label), text: version.text })),
    ...migration,
    ...(records.length > 0 ? [{ path: historyPath(root, slug), text: withRecords(slug, historyText, records) }] : []),
    ...(protocol !== raw ? [{ path: file, text: protocol }] : [])
  ]
  if (files.length > 0) await commitFiles(root, slug, intent, files)
  return { head, migrated: migration.map((entry) => entry.label) }
}

/**
 * Why a protocol's records cannot be written to, if they cannot: a history
 * that does not read, a broken chain, or a head in the protocol that the
 * history does not end with (its tail was cut or edited, or it was deleted).
 * A write over such records would bury the evidence under a new head.
 */
export function recordsProblem(history: History, exists: boolean, head: string | undefined): string | undefined {
  const [unreadable] = history.problems
  if (unreadable) return `history/…yml line ${unreadable.line}: ${unreadable.message}`
  const [broken] = checkChain(history)
  if (broken) return broken.message
  if (head === undefined) return undefined
  if (!exists) return `the history is missing, but the protocol records history head ${head.slice(0, 12)}…`
  if (history.records.length === 0) return `the history holds no records, but the protocol records history head ${head.slice(0, 12)}…`
  if (head !== lastHash(history)) return `the protocol records history head ${head.slice(0, 12)}…, which is not the history's last record (its tail was cut, edited or added to by hand)`
  return undefined
}
