import type { MotionInput } from '../core/motion/apply-motions.js'
import type { ParseCache } from '../core/parse-cache.js'
import { readComparedFile, UnreadableFile } from '../store/read-compared-file.js'
import { MotionNotFound, readMotionFile, readRecordedMotion } from '../store/read-motion-file.js'
import { isSlug } from '../core/slug.js'
import { ProtocolNotFound, readProtocolFile, type ProtocolFile } from '../store/read-protocol-file.js'
import { EXIT_USAGE, UserError, type Io } from './io.js'

/**
 * Read a motion file for a command, a missing file said in the user's words
 * (`cannot read motion PATH: no such file`), so every command says it alike.
 *
 * @param hint what to do instead, added after the message
 * @param parse the command's parsed texts (a new cache when not given)
 * @throws UserError when there is no such file
 */
export function readMotionInput(io: Io, path: string, hint?: string, parse?: ParseCache): Promise<MotionInput & { path: string }> {
  return readMotionFile(io.cwd, path, parse).catch((error: unknown) => rethrowMotion(error, hint))
}

/**
 * Read a motion that a decision or version will name (store's
 * `readRecordedMotion`), a missing file said as {@link readMotionInput} says it.
 *
 * @param parse the command's parsed texts (a new cache when not given)
 * @throws UserError when there is no such file
 * @throws Refusal when the file is not where the records can name it
 */
export function readRecordedMotionInput(io: Io, path: string, parse?: ParseCache): Promise<MotionInput & { path: string }> {
  return readRecordedMotion(io.cwd, path, parse).catch((error: unknown) => rethrowMotion(error))
}

/**
 * Read a protocol by slug, version or path for a command, a missing one said
 * in the user's words with the protocols there are (`no protocol "X";
 * protocols here: a, b`), or why a version cannot be found.
 *
 * @param hint what to do instead, added after the message
 * @param parse the command's parsed texts, for a version that is replayed
 * @throws UserError when there is no such protocol or version
 */
export function readProtocolInput(io: Io, target: string, hint?: string, parse?: ParseCache): Promise<ProtocolFile> {
  return readProtocolFile(io.cwd, target, parse).catch((error: unknown) => {
    if (!(error instanceof ProtocolNotFound)) throw error
    if (error.why) throw new UserError(withHint(error.why, hint), EXIT_USAGE)
    const known = error.nearby.length > 0 ? `; protocols here: ${error.nearby.join(', ')}` : '; there is no protocols/ folder here'
    throw new UserError(withHint(`no protocol "${target}"${known}`, hint), EXIT_USAGE)
  })
}

/**
 * Read a text to compare (a file, a protocol's slug or SLUG@VERSION; store's
 * `readComparedFile`), what cannot be read said in the user's words: a bare
 * name that is neither a file nor a protocol is said to be neither.
 *
 * @param parse the command's parsed texts, for a version that is replayed
 * @throws UserError when the text cannot be read
 */
export function readComparedInput(io: Io, argument: string, parse?: ParseCache): Promise<{ path: string; label: string; text: string }> {
  return readComparedFile(io.cwd, argument, parse).catch((error: unknown) => {
    if (!(error instanceof UnreadableFile)) throw error
    if (isSlug(argument) && /no such file/.test(error.message)) throw new UserError(`no protocol "${argument}" (protocols/${argument}.md) and no file of that name; give a protocol slug, SLUG@VERSION or a file`, EXIT_USAGE)
    throw new UserError(error.message, EXIT_USAGE)
  })
}

function rethrowMotion(error: unknown, hint?: string): never {
  if (error instanceof MotionNotFound) throw new UserError(withHint(`cannot read motion ${error.path}: no such file`, hint), EXIT_USAGE)
  throw error
}

function withHint(message: string, hint: string | undefined): string {
  return hint ? `${message}; ${hint}` : message
}
