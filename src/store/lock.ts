import { mkdir, open, readFile, rm } from 'node:fs/promises'
import { dirname } from 'node:path'

/** Thrown when another keeling process holds a protocol's lock for too long. */
export class LockBusy extends Error {
  constructor(
    readonly path: string,
    readonly pid: number
  ) {
    super(`in use by keeling (pid ${pid})`)
  }
}

/**
 * Run `work` holding a lock file (`<path>.lock`, holding the pid): two
 * keeling processes writing the same protocol take turns, so neither write
 * is lost. A lock left by a process that has ended is taken over; one held
 * by a live process is waited for, up to `waitMs`.
 *
 * @throws LockBusy when the lock is still held after `waitMs`
 */
export async function withLock<T>(path: string, work: () => Promise<T>, waitMs = 10_000): Promise<T> {
  const lock = `${path}.lock`
  const deadline = Date.now() + waitMs
  await mkdir(dirname(lock), { recursive: true })
  for (;;) {
    try {
      const handle = await open(lock, 'wx')
      await handle.writeFile(`${process.pid}\n`)
      await handle.close()
      break
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error
      const holder = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10)
      if (!Number.isInteger(holder) || !isAlive(holder)) {
        await rm(lock, { force: true })
        continue
      }
      if (Date.now() > deadline) throw new LockBusy(path, holder)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  try {
    return await work()
  } finally {
    await rm(lock, { force: true })
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM'
  }
}
