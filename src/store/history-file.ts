import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { formatRecord, type History, historyHeader, type HistoryRecord, parseHistory } from '../core/history/history.js'
import { replayHistory, type Replay } from '../core/history/replay.js'
import type { MotionInput } from '../core/motion/apply-motions.js'
import { readMotionFile } from './read-motion-file.js'
import { AMENDMENTS_DIR } from './layout.js'
import { writeFileAtomic } from './write-file-atomic.js'
import { isMotionId } from '../core/slug.js'

export const HISTORY_DIR = 'history'

/** `history/<slug>.yml`: a protocol's decisions and versions. */
export function historyPath(root: string, slug: string): string {
  return join(root, HISTORY_DIR, `${slug}.yml`)
}

/** `history/<slug>/<label>.md`: the recorded text of a protocol's first version. */
export function versionTextPath(root: string, slug: string, label: string): string {
  return join(root, HISTORY_DIR, slug, `${label}.md`)
}

/** A protocol's history and the file's text ('' when it has none yet). */
export async function readHistory(root: string, slug: string): Promise<{ history: History; text: string }> {
  const text = await readFile(historyPath(root, slug), 'utf8').catch(() => '')
  return { history: parseHistory(text), text }
}

/** A history file's text with records appended (the header first, for a new file). */
export function withRecords(slug: string, existing: string, records: HistoryRecord[]): string {
  const start = existing === '' ? historyHeader(slug) : existing.endsWith('\n') ? existing : `${existing}\n`
  return start + records.map(formatRecord).join('')
}

/** Append records to a history file, whole or not at all. */
export async function appendRecords(root: string, slug: string, existing: string, records: HistoryRecord[]): Promise<void> {
  await writeFileAtomic(historyPath(root, slug), withRecords(slug, existing, records))
}

/** Read the motion files a history names: `amendments/<slug>/<id>.md`. */
export async function readMotionsById(root: string, slug: string, ids: string[]): Promise<Map<string, MotionInput>> {
  const found = new Map<string, MotionInput>()
  await Promise.all(
    [...new Set(ids)].filter(isMotionId).map(async (id) => {
      const input = await readMotionFile(root, join(root, AMENDMENTS_DIR, slug, `${id}.md`)).catch(() => undefined)
      if (input) found.set(id, input)
    })
  )
  return found
}

/** Replay a protocol's history from the files in the project. */
export async function replayProject(root: string, slug: string, history: History): Promise<Replay> {
  const versions = history.records.filter((record) => record.record === 'version')
  const first = versions[0]
  const rootText = first ? await readFile(versionTextPath(root, slug, first.label), 'utf8').catch(() => undefined) : undefined
  const motions = await readMotionsById(
    root,
    slug,
    versions.flatMap((version) => version.motions.map((motion) => motion.id))
  )
  return replayHistory(history, rootText, (id) => motions.get(id))
}

/** Thrown when a `SLUG@LABEL` names no version, or its text cannot be rebuilt. */
export class VersionNotFound extends Error {}

/**
 * The text of a protocol's version, rebuilt from its history.
 *
 * @throws VersionNotFound naming the versions there are, or why the text cannot be rebuilt
 */
export async function readVersionText(root: string, slug: string, label: string): Promise<string> {
  const { history } = await readHistory(root, slug)
  const labels = history.records.flatMap((record) => (record.record === 'version' ? [record.label] : []))
  if (!labels.includes(label)) {
    throw new VersionNotFound(labels.length > 0 ? `${slug} has no version "${label}"; its versions: ${labels.join(', ')}` : `${slug} has no versions (history/${slug}.yml)`)
  }
  const replay = await replayProject(root, slug, history)
  const text = replay.texts.get(label)
  if (text === undefined) throw new VersionNotFound(`cannot rebuild ${slug}@${label}: ${'failure' in replay ? replay.failure.reason : 'unknown'}`)
  return text
}
