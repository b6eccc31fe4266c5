import { createHash } from 'node:crypto'
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { describeEnvironmentError, EnvironmentError } from './environment-error.js'
import { displayPath } from './layout.js'
import { clearIfStale, isAlive, lockWaitMs, withLock } from './lock.js'
import { aboutTarget, crashPoint, ensureFolder, injectedRenameFault, syncFolder, temporaryPath, uniqueToken, writeDurable, writeFileAtomic } from './write-file-atomic.js'

/**
 * Where keeling keeps its working state in a project: locks and the
 * journals of writes under way. Never a record; ignored by git (the folder
 * holds a `.gitignore` of its own).
 */
export const STATE_DIR = '.keeling'

/** The lock a protocol's writers take turns on: `.keeling/locks/SLUG.lock`. */
export function lockPath(root: string, slug: string): string {
  return join(root, STATE_DIR, 'locks', `${slug}.lock`)
}

/** The journal of a write of a protocol's records under way: `.keeling/journal/SLUG.json`. */
export function journalPath(root: string, slug: string): string {
  return join(root, STATE_DIR, 'journal', `${slug}.json`)
}

/** One file of a write: the text that goes to `path`. */
export interface FileWrite {
  path: string
  text: string | Uint8Array
}

/** A journal: the files of one write, each staged in a temporary file, and how far the write got. */
interface Journal {
  schema: 'keeling-journal/1'
  /** `prepare`: the temporary files are being written (roll back); `commit`: all are on disk (roll forward). */
  state: 'prepare' | 'commit'
  /** What the write was, for the message after a crash: `adopt uttlesford --version x`. */
  intent: string
  pid: number
  host: string
  since: string
  files: Array<{ path: string; temporary: string; sha256: string }>
}

function hashOf(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

async function ensureStateDir(root: string): Promise<void> {
  const dir = join(root, STATE_DIR)
  await ensureFolder(dir)
  await writeFile(join(dir, '.gitignore'), '# keeling\'s locks and journals: working state, never committed\n*\n', { flag: 'wx' }).catch((error: unknown) => {
    if ((error as { code?: string }).code !== 'EEXIST') throw error
  })
}

/**
 * Run `work` holding a protocol's lock, after completing any write of its
 * records that a crash interrupted. Writers of one protocol take turns:
 * each reads what the last one wrote.
 */
export async function withProtocolLock<T>(root: string, slug: string, command: string, env: Record<string, string | undefined>, work: () => Promise<T>): Promise<T> {
  await ensureStateDir(root)
  return withLock(lockPath(root, slug), command, async () => {
    const note = await completeJournal(root, slug)
    if (note && !note.done) throw new InterruptedWrite(note.message)
    if (note) recovered.push(note.message)
    return work()
  }, lockWaitMs(env))
}

/** Thrown when a write interrupted by a crash cannot be completed: the files are named, and what to do. */
export class InterruptedWrite extends Error {}

/** What was completed or rolled back since the last call, for the user to read. */
const recovered: string[] = []

/** The messages about interrupted writes completed in this process, once each. */
export function takeRecoveryNotes(): string[] {
  return recovered.splice(0)
}

/**
 * Write a protocol's records — several files — all or none, under its lock
 * (see withProtocolLock). The journal names every file's temporary copy
 * before any is written; once all are on the disk it is marked `commit`, and
 * only then are they renamed into place. A crash before `commit` is rolled
 * back by the next keeling command (the temporary files removed), one after
 * it rolled forward (the renames finished).
 */
export async function commitFiles(root: string, slug: string, intent: string, files: FileWrite[]): Promise<void> {
  const token = uniqueToken()
  const journal: Journal = {
    schema: 'keeling-journal/1',
    state: 'prepare',
    intent,
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    files: files.map((file) => ({ path: relative(root, file.path), temporary: relative(root, temporaryPath(file.path, token)), sha256: hashOf(file.text) }))
  }
  const journalFile = journalPath(root, slug)
  await ensureStateDir(root)
  for (const file of files) await ensureFolder(dirname(file.path))
  await writeFileAtomic(journalFile, `${JSON.stringify(journal, null, 2)}\n`)
  crashPoint('journal-prepare')
  try {
    for (const [index, file] of files.entries()) {
      const temporary = resolve(root, journal.files[index]?.temporary ?? '')
      await writeDurable(temporary, file.text).catch((error: unknown) => {
        throw aboutTarget(error, temporary, file.path)
      })
      crashPoint(`staged-${index + 1}`)
    }
    await writeFileAtomic(journalFile, `${JSON.stringify({ ...journal, state: 'commit' }, null, 2)}\n`)
  } catch (error) {
    await rollBack(root, journal)
    await rm(journalFile, { force: true }).catch(() => undefined)
    throw error
  }
  crashPoint('journal-commit')
  try {
    await rollForward(root, journal)
  } catch (error) {
    const described = describeEnvironmentError(error, root)
    if (!described) throw error
    // Every new file is on the disk and the journal says so: the write stands, and is finished when it can be.
    throw new EnvironmentError(`${described.message}. The ${intent.split(' ')[0] ?? 'write'} is committed (${displayPath(root, journalFile)}): the next keeling command completes it once the file can be written`, described.code)
  }
  await rm(journalFile, { force: true })
  await syncFolder(dirname(journalFile))
  crashPoint('done')
}

async function rollBack(root: string, journal: Journal): Promise<void> {
  await Promise.all(journal.files.map((file) => rm(resolve(root, file.temporary), { force: true }).catch(() => undefined)))
}

/** Finish the renames of a committed journal: each temporary file that is still there is renamed into place. */
async function rollForward(root: string, journal: Journal): Promise<void> {
  for (const [index, file] of journal.files.entries()) {
    const temporary = resolve(root, file.temporary)
    const target = resolve(root, file.path)
    try {
      injectedRenameFault(target)
      await rename(temporary, target)
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') throw aboutTarget(error, temporary, target, 'rename')
      // Already renamed before the crash: the target must then be the new text.
      const now = await readFile(target).catch(() => undefined)
      if (now === undefined || hashOf(now) !== file.sha256) {
        throw new InterruptedWrite(
          `cannot complete an interrupted write (${journal.intent}): ${file.path} is neither its old nor its new text and its new text is gone; restore it (e.g. git checkout ${file.path}), then remove ${STATE_DIR}/journal/`
        )
      }
    }
    crashPoint(`rename-${index + 1}`)
  }
  for (const folder of new Set(journal.files.map((file) => dirname(resolve(root, file.path))))) await syncFolder(folder)
}

/**
 * Whether a journal entry is one keeling writes: a file of this project, and its temporary file beside it with
 * keeling's name. A journal edited to name files elsewhere is not acted on.
 */
function isOwnEntry(root: string, entry: { path?: unknown; temporary?: unknown; sha256?: unknown }): boolean {
  if (typeof entry.path !== 'string' || typeof entry.temporary !== 'string' || typeof entry.sha256 !== 'string') return false
  const target = resolve(root, entry.path)
  const temporary = resolve(root, entry.temporary)
  const inside = (path: string): boolean => {
    const rel = relative(root, path)
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
  }
  const prefix = `.${basename(target).slice(0, 80)}.keeling-`
  return inside(target) && inside(temporary) && dirname(temporary) === dirname(target) && basename(temporary).startsWith(prefix) && temporary.endsWith('.tmp')
}

/**
 * Complete a protocol's write that a crash interrupted, if its journal is
 * there (call holding the protocol's lock).
 *
 * @returns what was done, or undefined when nothing was under way
 */
async function completeJournal(root: string, slug: string): Promise<{ done: boolean; message: string } | undefined> {
  const file = journalPath(root, slug)
  const text = await readFile(file, 'utf8').catch(() => undefined)
  if (text === undefined) return undefined
  let journal: Journal
  try {
    journal = JSON.parse(text) as Journal
    if (journal.schema !== 'keeling-journal/1' || !Array.isArray(journal.files) || !journal.files.every((entry) => isOwnEntry(root, entry))) throw new Error('not a journal')
  } catch {
    return { done: false, message: `${displayPath(root, file)} is not a keeling journal; if no keeling is running, check the protocol with \`keeling verify ${slug}\` and remove the file` }
  }
  const what = `an interrupted write (${journal.intent}, pid ${journal.pid}, ${journal.since})`
  if (journal.state === 'prepare') {
    await rollBack(root, journal)
    await rm(file, { force: true })
    return { done: true, message: `rolled back ${what}: none of its files had been written` }
  }
  try {
    await rollForward(root, journal)
  } catch (error) {
    if (error instanceof InterruptedWrite) return { done: false, message: error.message }
    throw error
  }
  await rm(file, { force: true })
  return { done: true, message: `completed ${what}: ${journal.files.map((entry) => entry.path).join(', ')}` }
}

/**
 * Before a command reads a project: complete or roll back every write a
 * crash interrupted (waiting for one still under way). Cheap when there is
 * nothing to do: one folder listing.
 *
 * @returns the messages for the user, and the writes that could not be completed
 */
export async function settleJournals(root: string, env: Record<string, string | undefined>): Promise<{ notes: string[]; failures: string[] }> {
  const names = await readdir(join(root, STATE_DIR, 'journal')).catch(() => [] as string[])
  const notes: string[] = []
  const failures: string[] = []
  // A lock left by a process that died after its write was done: nothing to complete, only the lock to clear.
  const locks = await readdir(join(root, STATE_DIR, 'locks')).catch(() => [] as string[])
  for (const lock of locks.filter((name) => name.endsWith('.lock'))) await clearIfStale(join(root, STATE_DIR, 'locks', lock)).catch(() => false)
  for (const name of names) {
    // A journal's own temporary file, left by a process killed while writing it.
    const orphan = /^\..*\.keeling-(\d+)-[0-9a-f]+\.tmp$/.exec(name)
    if (orphan && !isAlive(Number(orphan[1]))) await rm(join(root, STATE_DIR, 'journal', name), { force: true }).catch(() => undefined)
  }
  for (const name of names.filter((entry) => entry.endsWith('.json'))) {
    const slug = name.slice(0, -'.json'.length)
    try {
      await withProtocolLock(root, slug, 'completing an interrupted write', env, async () => undefined)
      notes.push(...takeRecoveryNotes())
    } catch (error) {
      // One protocol's write that cannot be finished (a read-only copy, a file that cannot be replaced) stops no other command.
      if (error instanceof InterruptedWrite) failures.push(error.message)
      else {
        const described = describeEnvironmentError(error, root)
        if (!described) throw error
        failures.push(`an interrupted write of ${slug} could not be completed yet: ${described.message}`)
      }
    }
  }
  return { notes, failures }
}

/** What identifies a file's content on disk without reading it: a rename into place gives a new inode. */
async function fingerprint(paths: string[]): Promise<string> {
  const parts = await Promise.all(paths.map((path) => stat(path).then((info) => `${info.ino}:${info.size}:${info.mtimeMs}`, () => '-')))
  return parts.join('|')
}

/**
 * Read a protocol's records as one, without taking its lock: a read that
 * overlapped a write (its journal was there, or the files were replaced
 * meanwhile) is done again once the write is over, so a reader never sees
 * the history of one write with the protocol of the one before.
 *
 * @param files the files the read depends on (protocol, history)
 */
export async function readStable<T>(root: string, slug: string, files: string[], env: Record<string, string | undefined>, read: () => Promise<T>): Promise<T> {
  const journal = journalPath(root, slug)
  const deadline = Date.now() + lockWaitMs(env)
  for (let attempt = 0; ; attempt++) {
    const busy = await stat(journal).then(() => true, () => false)
    if (busy && Date.now() < deadline) {
      // A write under way (or interrupted: the lock's holder is gone and the next writer completes it).
      await withProtocolLock(root, slug, 'waiting for a write to finish before reading', env, async () => undefined).catch(() => undefined)
      continue
    }
    const before = await fingerprint(files)
    const result = await read()
    const unchanged = (await fingerprint(files)) === before && !(await stat(journal).then(() => true, () => false))
    if (unchanged || Date.now() > deadline || attempt > 50) return result
  }
}
