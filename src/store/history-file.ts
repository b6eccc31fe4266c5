import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { formatRecord, type History, historyHeader, type HistoryRecord, parseHistory, sha256, versionsOf } from '../core/history/history.js'
import { replayHistory, type Replay } from '../core/history/replay.js'
import type { MotionInput } from '../core/motion/apply-motions.js'
import { createParseCache, type ParseCache } from '../core/parse-cache.js'
import { readMotionFile } from './read-motion-file.js'
import { AMENDMENTS_DIR } from './layout.js'
import { exists } from './files.js'
import type { FileWrite } from './transaction.js'
import { isMotionId, isSlug } from '../core/slug.js'

export const HISTORY_DIR = 'history'

/** `history/<slug>.yml`: a protocol's decisions and versions. */
export function historyPath(root: string, slug: string): string {
  return join(root, HISTORY_DIR, `${slug}.yml`)
}

/** `history/<slug>/<label>.md`: the text of a protocol's version, stored when it was adopted. */
export function versionTextPath(root: string, slug: string, label: string): string {
  return join(root, HISTORY_DIR, slug, `${label}.md`)
}

/** A protocol's history and the file's text ('' when it has none yet). */
export async function readHistory(root: string, slug: string): Promise<{ history: History; text: string; exists: boolean }> {
  const text = await readFile(historyPath(root, slug), 'utf8').catch((error: unknown) => {
    if ((error as { code?: string }).code === 'ENOENT') return undefined
    throw error
  })
  return { history: parseHistory(text ?? ''), text: text ?? '', exists: text !== undefined }
}

/** A history file's text with records appended (the header first, for a new file). */
export function withRecords(slug: string, existing: string, records: HistoryRecord[]): string {
  const start = existing === '' ? historyHeader(slug) : existing.endsWith('\n') ? existing : `${existing}\n`
  return start + records.map(formatRecord).join('')
}

/** Read the motion files a history names: `amendments/<slug>/<id>.md`; `parse`, the command's parsed texts. */
export async function readMotionsById(root: string, slug: string, ids: string[], parse: ParseCache = createParseCache()): Promise<Map<string, MotionInput>> {
  const found = new Map<string, MotionInput>()
  await Promise.all(
    [...new Set(ids)].filter(isMotionId).map(async (id) => {
      const input = await readMotionFile(root, join(root, AMENDMENTS_DIR, slug, `${id}.md`), parse).catch(() => undefined)
      if (input) found.set(id, input)
    })
  )
  return found
}

/** The stored text of each version that has one (`history/SLUG/LABEL.md`). */
export async function readStoredTexts(root: string, slug: string, history: History): Promise<Map<string, string>> {
  const texts = new Map<string, string>()
  await Promise.all(
    versionsOf(history)
      .filter((version) => isSlug(version.label))
      .map(async (version) => {
        const text = await readFile(versionTextPath(root, slug, version.label), 'utf8').catch((error: unknown) => {
          if ((error as { code?: string }).code === 'ENOENT') return undefined
          throw error
        })
        if (text !== undefined) texts.set(version.label, text)
      })
  )
  return texts
}

/**
 * Every version's text (stored, or for a history made before texts were stored, replayed), checked against its motions.
 *
 * @param parse the command's parsed texts: what it reads again after the replay is not parsed again (a new cache when not given)
 * @param check.drift false when the command does not report drift: a stored text is taken as it is (see replayHistory)
 */
export async function replayProject(root: string, slug: string, history: History, parse: ParseCache = createParseCache(), check: { drift?: boolean } = {}): Promise<Replay & { stored: Map<string, string> }> {
  const stored = await readStoredTexts(root, slug, history)
  const motions = await readMotionsById(
    root,
    slug,
    versionsOf(history).flatMap((version) => version.motions.map((motion) => motion.id)),
    parse
  )
  const names = { text: (label: string) => `${HISTORY_DIR}/${slug}/${label}.md`, motion: (id: string) => `${AMENDMENTS_DIR}/${slug}/${id}.md` }
  return { ...replayHistory(history, (label) => stored.get(label), (id) => motions.get(id), names, parse, check), stored }
}

/**
 * The files that bring a history made by an earlier keeling (only its first
 * version's text stored) up to date: the text of every version that has
 * none, as replaying gives it (checked against the recorded hash). Empty
 * when there is nothing to do.
 *
 * @throws VersionNotFound when a version cannot be rebuilt, naming why
 */
export async function migrationFiles(root: string, slug: string, history: History): Promise<Array<FileWrite & { label: string }>> {
  // Asked on every write: whether each text is there, not what it says (replaying reads them when one is missing).
  const present = await Promise.all(versionsOf(history).map(async (version) => ({ version, there: await exists(versionTextPath(root, slug, version.label)) })))
  const missing = present.filter(({ there }) => !there).map(({ version }) => version)
  if (missing.length === 0) return []
  const replay = await replayProject(root, slug, history)
  if ('failure' in replay) throw new VersionNotFound(`cannot store the texts of ${slug}'s versions: ${replay.failure.reason}`)
  return missing.map((version) => ({ label: version.label, path: versionTextPath(root, slug, version.label), text: replay.texts.get(version.label) ?? '' }))
}

/** Thrown when a `SLUG@LABEL` names no version, or its text cannot be had. */
export class VersionNotFound extends Error {}

/**
 * The text of a protocol's version: as stored when it was adopted (its hash
 * checked against the record), or for a history made before every text was
 * stored, replayed.
 *
 * @param parse the command's parsed texts, for a replay (a new cache when not given)
 * @throws VersionNotFound naming the versions there are, or why the text cannot be had
 */
export async function readVersionText(root: string, slug: string, label: string, parse: ParseCache = createParseCache()): Promise<string> {
  const { history } = await readHistory(root, slug)
  const versions = versionsOf(history)
  const version = versions.find((item) => item.label === label)
  if (!version) {
    throw new VersionNotFound(versions.length > 0 ? `${slug} has no version "${label}"; its versions: ${versions.map((item) => item.label).join(', ')}` : `${slug} has no versions (history/${slug}.yml)`)
  }
  const stored = (await readStoredTexts(root, slug, { records: [version], problems: [] })).get(label)
  if (stored !== undefined) {
    if (sha256(stored) !== version.sha256) throw new VersionNotFound(`the stored text of ${slug}@${label} (history/${slug}/${label}.md) was changed since it was adopted; run keeling verify ${slug}`)
    return stored
  }
  const replay = await replayProject(root, slug, history, parse)
  const text = replay.texts.get(label)
  if (text === undefined) throw new VersionNotFound(`cannot rebuild ${slug}@${label}: ${'failure' in replay ? replay.failure.reason : 'unknown'}`)
  return text
}
