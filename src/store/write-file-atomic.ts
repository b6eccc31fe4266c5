import { randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Test seams, read from the environment: `KEELING_TEST_CRASH=STEP` ends the
 * process with SIGKILL when a write reaches STEP (as a power cut would),
 * `KEELING_TEST_FAULT=CODE` makes every file write fail with that errno code
 * (ENOSPC, EACCES, EROFS …), so that what a user sees on a full or read-only
 * disk can be tested on any machine, and `KEELING_TEST_FAULT=CODE@rename:END`
 * makes only the renaming into place of a file whose path ends in END fail
 * (a disk failing once the new texts are written). Unset, they do nothing.
 */
export function crashPoint(step: string): void {
  const wanted = process.env['KEELING_TEST_CRASH']
  if (wanted !== undefined && wanted !== '' && wanted === step) process.kill(process.pid, 'SIGKILL')
}

function injectedFault(path: string): void {
  const code = process.env['KEELING_TEST_FAULT']
  if (code === undefined || code === '' || code.includes('@')) return
  throw Object.assign(new Error(`${code}: injected fault, write '${path}'`), { code, syscall: 'write', path })
}

/** The rename seam of `KEELING_TEST_FAULT=CODE@rename:END`: renaming into `target` fails when its path ends in END. */
export function injectedRenameFault(target: string): void {
  const match = /^([A-Z]+)@rename:(.+)$/.exec(process.env['KEELING_TEST_FAULT'] ?? '')
  const [, code, end] = match ?? []
  if (code && end && target.endsWith(end)) throw Object.assign(new Error(`${code}: injected fault, rename to '${target}'`), { code, syscall: 'rename', path: target })
}

/** A name unique to this process and call: `<pid>-<random>`. */
export function uniqueToken(): string {
  return `${process.pid}-${randomBytes(6).toString('hex')}`
}

/** The temporary file a write of `path` goes to first: hidden, beside it, named by the writer. */
export function temporaryPath(path: string, token = uniqueToken()): string {
  // Short enough that a target name near the file system's limit still has a temporary file.
  return join(dirname(path), `.${basename(path).slice(0, 80)}.keeling-${token}.tmp`)
}

/** An error about a temporary file (or about no file), told of the file it stands for: the user named that one. */
export function aboutTarget(error: unknown, temporary: string, target: string, syscall = 'write'): unknown {
  const found = error as { path?: string; syscall?: string } | null
  if (found && typeof found === 'object' && (found.path === temporary || found.path === undefined)) {
    found.path = target
    found.syscall ??= syscall
  }
  return error
}

/**
 * Make the folder `path` and any missing parents, one at a time (a recursive
 * mkdir under /proc can loop for ever). An existing folder is fine.
 */
export async function ensureFolder(path: string): Promise<void> {
  const missing: string[] = []
  for (let folder = path; ; folder = dirname(folder)) {
    const found = await stat(folder).then(
      (info) => info,
      () => undefined
    )
    if (found) {
      if (!found.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${path}'`), { code: 'ENOTDIR', syscall: 'mkdir', path: folder })
      break
    }
    missing.push(folder)
    if (dirname(folder) === folder) break
  }
  for (const folder of missing.reverse()) {
    await mkdir(folder).catch((error: unknown) => {
      if ((error as { code?: string }).code !== 'EEXIST') throw error
    })
  }
}

/** Write `data` to a new file and flush it to the disk before returning. */
export async function writeDurable(path: string, data: string | Uint8Array, flag: 'wx' | 'w' = 'wx'): Promise<void> {
  injectedFault(path)
  const handle = await open(path, flag)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (error) {
    // A write through a handle (a full disk) names no path: the user must know which file.
    const found = error as { path?: string; syscall?: string } | null
    if (found && typeof found === 'object' && found.path === undefined) Object.assign(found, { path, syscall: found.syscall ?? 'write' })
    throw error
  } finally {
    await handle.close().catch(() => undefined)
  }
}

/** Flush a folder's entries (a rename or a new file in it) to the disk; where folders cannot be opened, nothing. */
export async function syncFolder(path: string): Promise<void> {
  const handle = await open(path, 'r').catch(() => undefined)
  if (!handle) return
  try {
    await handle.sync().catch(() => undefined)
  } finally {
    await handle.close()
  }
}

/**
 * Write a file whole or not at all: the text goes to a temporary file beside
 * it, flushed to the disk, which is renamed over the target, and the folder
 * flushed. A crash leaves the old file or the new, never half of one; a
 * failure leaves no temporary file behind.
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array): Promise<void> {
  await ensureFolder(dirname(path))
  const temporary = temporaryPath(path)
  try {
    await writeDurable(temporary, text)
    injectedRenameFault(path)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined)
    throw aboutTarget(error, temporary, path)
  }
  await syncFolder(dirname(path))
}
