import { displayPath } from './layout.js'

/**
 * A failure of the machine rather than of the user's text — a full disk, a
 * read-only folder, a path that cannot be made. Its message is one line:
 * what failed, on which path, and what to do. Nothing was half-written.
 */
export class EnvironmentError extends Error {
  constructor(
    message: string,
    readonly code: string
  ) {
    super(message)
  }
}

/** What an errno code means to a user, and what they can do about it. */
const MEANINGS: Record<string, { what: string; fix: string }> = {
  ENOSPC: { what: 'no space left on the device', fix: 'free some space and run the command again' },
  EDQUOT: { what: 'the disk quota is used up', fix: 'free some space and run the command again' },
  EACCES: { what: 'permission denied', fix: 'check the permissions of the file and its folder' },
  EPERM: { what: 'the operation is not permitted', fix: 'check the permissions of the file and its folder' },
  EROFS: { what: 'the file system is read-only', fix: 'run keeling where the project can be written, or copy it somewhere writable' },
  EISDIR: { what: 'it is a folder, not a file', fix: 'give the path of a file' },
  ENOTDIR: { what: 'a part of the path is a file, not a folder', fix: 'check the path: every part but the last must be a folder' },
  ENAMETOOLONG: { what: 'the file name is too long', fix: 'give a shorter name' },
  ENOENT: { what: 'no such file or folder', fix: 'check the path' },
  ELOOP: { what: 'too many symbolic links', fix: 'check the path for a link that points to itself' },
  EMFILE: { what: 'too many open files', fix: 'close some programs and run the command again' },
  ENFILE: { what: 'too many open files on the system', fix: 'close some programs and run the command again' },
  EIO: { what: 'an input/output error (the disk may be failing)', fix: 'check the disk, then run the command again' },
  EBUSY: { what: 'the file is busy', fix: 'close the program that has it open, then run the command again' },
  ETXTBSY: { what: 'the file is busy', fix: 'close the program that has it open, then run the command again' },
  EXDEV: { what: 'the folders are on different file systems', fix: 'keep protocols/, history/ and amendments/ on one file system' },
  EEXIST: { what: 'it already exists', fix: 'remove it or choose another name' },
  EINVAL: { what: 'the path cannot be used', fix: 'give a path to an ordinary file' },
  ENXIO: { what: 'no such device', fix: 'give the path of an ordinary file' },
  ENODEV: { what: 'no such device', fix: 'give the path of an ordinary file' }
}

const READS = new Set(['read', 'scandir', 'opendir', 'stat', 'lstat', 'fstat', 'readlink', 'realpath', 'access'])

/** The errno code of a Node.js file-system error, if it is one. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined
}

/**
 * A file-system error in a user's words: `cannot write history/x.yml: no
 * space left on the device (ENOSPC); free some space and run the command
 * again`. Returns undefined for anything that is not such an error.
 */
export function describeEnvironmentError(error: unknown, root: string): EnvironmentError | undefined {
  if (error instanceof EnvironmentError) return error
  const code = errnoCode(error)
  if (code === undefined) return undefined
  const meaning = MEANINGS[code] ?? { what: (error as Error).message.split('\n')[0] ?? code, fix: 'check the path and run the command again' }
  const { syscall, path } = error as { syscall?: string; path?: string }
  const verb = syscall === undefined ? 'cannot use' : READS.has(syscall) ? 'cannot read' : syscall === 'open' ? 'cannot open' : 'cannot write'
  const where = path ? ` ${displayPath(root, path)}` : ''
  return new EnvironmentError(`${verb}${where}: ${meaning.what} (${code}); ${meaning.fix}`, code)
}

/**
 * A request the store refuses before anything is written — a motion outside
 * `amendments/SLUG/`, an output over a record. Its message says why and what
 * to do instead; the command ends with exit 2.
 */
export class Refusal extends Error {}
