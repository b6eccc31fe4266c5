import { displayPath, protocolPath } from '../store/layout.js'
import { LockBusy, withLock } from '../store/lock.js'
import { EXIT_USAGE, UserError, type Io } from './io.js'

/**
 * Run a read-and-write of a protocol (its file or its history) holding the
 * protocol's lock, `protocols/SLUG.md.lock`: apply, decide and adopt take
 * turns, so neither write is lost. A lock held too long is a clear error.
 */
export async function withProtocolLock<T>(io: Io, slug: string, work: () => Promise<T>): Promise<T> {
  try {
    return await withLock(protocolPath(io.cwd, slug), work)
  } catch (error) {
    if (error instanceof LockBusy) throw new UserError(`${displayPath(io.cwd, error.path)} is ${error.message}; try again when it has finished`, EXIT_USAGE)
    throw error
  }
}
