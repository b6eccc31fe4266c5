import { readFileSync } from 'node:fs'
import { link, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { ensureFolder, uniqueToken } from './write-file-atomic.js'

/** Who holds a lock: written whole before the lock file is visible. */
export interface LockOwner {
  /** Unique to one acquisition: only the owner with this token releases it. */
  token: string
  pid: number
  host: string
  /** When the lock was taken (ISO 8601). */
  since: string
  /** The holder's process start time (Linux clock ticks since boot), so that a reused pid is not taken for the holder. */
  processStart: string | null
  /** What the holder is doing, e.g. `keeling adopt uttlesford`. */
  command: string
}

/** Thrown when another process holds a lock for longer than the wait. */
export class LockBusy extends Error {
  constructor(
    /** The lock file. */
    readonly path: string,
    /** Who holds it, when the lock file could be read. */
    readonly owner: LockOwner | undefined
  ) {
    super(owner ? `held by ${describeOwner(owner)}` : 'held by another process')
  }
}

/** "pid 123 on host h (keeling adopt uttlesford) since 2026-12-01T10:00:00Z". */
export function describeOwner(owner: LockOwner): string {
  const host = owner.host === hostname() ? '' : ` on host ${owner.host}`
  return `pid ${owner.pid}${host} (${owner.command || 'keeling'}) since ${owner.since}`
}

/** How long to wait for a lock: KEELING_LOCK_WAIT seconds, or 30. */
export function lockWaitMs(env: Record<string, string | undefined>): number {
  const seconds = Number(env['KEELING_LOCK_WAIT'])
  return env['KEELING_LOCK_WAIT'] !== undefined && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 30_000
}

/**
 * Run `work` holding the lock file `lock`. The lock's content (owner, host,
 * start time, command) is written to a file of the owner's own, which is
 * then hard-linked to the lock's name: the link is made only if no lock
 * exists, and a lock is never seen half-written. A lock left by a process
 * that has ended (its pid is gone, or now belongs to a process started at
 * another time) is cleared, under a second lock so that two waiters never
 * clear each other's fresh locks. A lock held by a live process is waited
 * for, up to `waitMs`.
 *
 * @throws LockBusy when the lock is still held after `waitMs`
 */
export async function withLock<T>(lock: string, command: string, work: () => Promise<T>, waitMs = 30_000): Promise<T> {
  const owner = await acquire(lock, command, waitMs)
  try {
    return await work()
  } finally {
    await release(lock, owner)
  }
}

async function acquire(lock: string, command: string, waitMs: number): Promise<LockOwner> {
  await ensureFolder(dirname(lock))
  const owner: LockOwner = {
    token: uniqueToken(),
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    processStart: processStartTime(process.pid),
    command
  }
  const deadline = Date.now() + waitMs
  let delay = 10
  for (;;) {
    if (await tryLink(lock, owner)) {
      await removeOrphans(lock)
      return owner
    }
    const held = await readOwner(lock)
    if (held === 'gone') continue
    if (held === 'unreadable' || isStale(held)) {
      await clearStale(lock, held)
      continue
    }
    if (Date.now() > deadline) throw new LockBusy(lock, held)
    // A writer holds the lock for tens of milliseconds: waiters look again within 40–80 ms at most, so the lock
    // is not left free while they sleep (with a 200 ms cap, 6 writers took twice as long as they need).
    await new Promise((resolve) => setTimeout(resolve, delay + Math.random() * delay))
    delay = Math.min(delay * 2, 40)
  }
}

/** Make `path` a lock holding `content`: true if made, false if a lock exists. */
async function tryLink(path: string, owner: LockOwner): Promise<boolean> {
  const own = `${path}.${owner.token}`
  await writeFile(own, `${JSON.stringify(owner)}\n`, { flag: 'wx' })
  try {
    await link(own, path)
    return true
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') return false
    throw error
  } finally {
    await rm(own, { force: true })
  }
}

async function readOwner(path: string): Promise<LockOwner | 'gone' | 'unreadable'> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return 'gone'
    throw error
  }
  try {
    const value = JSON.parse(text) as Partial<LockOwner>
    if (typeof value.token === 'string' && typeof value.pid === 'number' && typeof value.host === 'string') {
      return { token: value.token, pid: value.pid, host: value.host, since: String(value.since ?? ''), processStart: value.processStart ?? null, command: String(value.command ?? '') }
    }
  } catch {
    // Not keeling's lock format (a lock is never visible half-written): it is stale.
  }
  return 'unreadable'
}

/** Whether a lock's owner has certainly ended: on this host, its pid is gone or belongs to a process started since. */
export function isStale(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false
  if (!isAlive(owner.pid)) return true
  const start = processStartTime(owner.pid)
  return owner.processStart !== null && start !== null && start !== owner.processStart
}

/** Remove a stale lock, if it is still the one judged stale, holding `<lock>.break` while doing so. */
async function clearStale(lock: string, judged: LockOwner | 'unreadable'): Promise<void> {
  const breaker: LockOwner = { token: uniqueToken(), pid: process.pid, host: hostname(), since: new Date().toISOString(), processStart: processStartTime(process.pid), command: 'clearing a stale lock' }
  const breakPath = `${lock}.break`
  if (!(await tryLink(breakPath, breaker))) {
    // Another process is clearing it; a breaker left by a crash is itself cleared after a few seconds.
    const info = await stat(breakPath).catch(() => undefined)
    const held = await readOwner(breakPath)
    if (info && (held === 'unreadable' || (held !== 'gone' && isStale(held)) || Date.now() - info.mtimeMs > 5000)) await rm(breakPath, { force: true })
    await new Promise((resolve) => setTimeout(resolve, 10))
    return
  }
  try {
    const now = await readOwner(lock)
    const same = now === 'unreadable' ? judged === 'unreadable' : now !== 'gone' && judged !== 'unreadable' && now.token === judged.token
    if (same) await rm(lock, { force: true })
  } finally {
    await rm(breakPath, { force: true })
  }
}

/** Owner files (`SLUG.lock.<pid>-<random>`) left by processes that died between writing and linking them. */
async function removeOrphans(lock: string): Promise<void> {
  const prefix = `${basename(lock)}.`
  const names = await readdir(dirname(lock)).catch(() => [] as string[])
  for (const name of names) {
    const pid = Number(/^(?:break\.)?(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length))?.[1])
    if (name.startsWith(prefix) && Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) await rm(join(dirname(lock), name), { force: true })
  }
}

async function release(lock: string, owner: LockOwner): Promise<void> {
  const held = await readOwner(lock).catch(() => 'gone' as const)
  if (held !== 'gone' && held !== 'unreadable' && held.token === owner.token) await rm(lock, { force: true })
}

/** Clear a lock whose holder has certainly ended (a crash), and the owner files of dead processes beside it. */
export async function clearIfStale(lock: string): Promise<boolean> {
  const held = await readOwner(lock).catch(() => 'gone' as const)
  if (held === 'gone' || (held !== 'unreadable' && !isStale(held))) return false
  await clearStale(lock, held)
  await removeOrphans(lock)
  return true
}

/** Who holds a lock now, if anyone (for messages and `verify`). */
export async function lockHolder(lock: string): Promise<LockOwner | undefined> {
  const held = await readOwner(lock).catch(() => 'gone' as const)
  return held === 'gone' || held === 'unreadable' ? undefined : held
}

/** Whether a process with this pid is running on this host. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM'
  }
}

/** A process's start time from /proc (Linux), or null where there is no /proc. */
function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Field 22 (starttime), counted after the command name in parentheses, which may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return fields[19] ?? null
  } catch {
    return null
  }
}
