import { displayPath } from '../store/layout.js'
import { LockBusy } from '../store/lock.js'
import { InterruptedWrite, takeRecoveryNotes, withProtocolLock as withLockedProtocol } from '../store/transaction.js'
import { EXIT_USAGE, UserError, type Io } from './io.js'

/**
 * Run a read-and-write of a protocol (its file or its history) holding the
 * protocol's lock, `.keeling/locks/SLUG.lock`: import, apply, decide and
 * adopt take turns, so no write is lost. A write a crash interrupted is
 * completed first, and said so. A lock held too long is a clear error naming
 * its holder.
 *
 * @param command what this process is doing, for another writer's message: `keeling adopt uttlesford`
 */
export async function withProtocolLock<T>(io: Io, slug: string, command: string, work: () => Promise<T>): Promise<T> {
  try {
    return await withLockedProtocol(io.cwd, slug, command, io.env, async () => {
      for (const note of takeRecoveryNotes()) io.stderr(`keeling: ${note}\n`)
      return work()
    })
  } catch (error) {
    if (error instanceof LockBusy) {
      const lock = displayPath(io.cwd, error.path)
      throw new UserError(
        `${slug} is being changed by another keeling: the lock ${lock} is ${error.message}; try again when it has finished (if no keeling is running, the lock is left from a machine that was turned off: remove ${lock})`,
        EXIT_USAGE
      )
    }
    if (error instanceof InterruptedWrite) throw new UserError(error.message, EXIT_USAGE)
    throw error
  }
}
