import { join } from 'node:path'
import { readDiffDocument } from '../../core/diff/diff-document.js'
import { decisionsOn } from '../../core/history/history.js'
import { importDocument } from '../../core/import/import-document.js'
import { draftMotion, MOTION_STYLES, type MotionStyle } from '../../core/motion/draft/draft-motion.js'
import { parseProtocol } from '../../core/protocol/parse-protocol.js'
import { slugify } from '../../core/protocol/clause-id.js'
import { exists } from '../../store/files.js'
import { readHistory } from '../../store/history-file.js'
import { AMENDMENTS_DIR, displayPath, isSlug } from '../../store/layout.js'
import { readComparedFile, UnreadableFile } from '../../store/read-compared-file.js'
import { commitFiles } from '../../store/transaction.js'
import { withProtocolLock } from '../protocol-lock.js'
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UserError, type Io } from '../io.js'
import { guardOutput, writeOutput } from '../render-change-set.js'

export interface MotionFromOptions {
  mover: string
  seconder?: string
  title?: string
  id?: string
  protocol?: string
  style: string
  /** `-o FILE` (or `-`, stdout) instead of amendments/SLUG/ID.md. */
  output?: string
  force?: boolean
}

/**
 * `keeling motion from OLD NEW --mover M`: the motion that turns OLD into
 * NEW, worded in a register (`--style`), checked by applying it to OLD
 * before anything is written, and written as amendments/SLUG/ID.md (or to
 * `-o FILE`). OLD and NEW are protocol slugs, versions (`SLUG@LABEL`),
 * keeling protocol files, or Markdown or text (imported first).
 */
export async function runMotionFrom(oldArgument: string, newArgument: string, options: MotionFromOptions, io: Io): Promise<number> {
  if (!(MOTION_STYLES as readonly string[]).includes(options.style)) {
    throw new UserError(`--style ${options.style} is not a register keeling writes; use one of ${MOTION_STYLES.join(', ')}`, EXIT_USAGE)
  }
  const toStdout = options.output === '-'
  if (options.output !== undefined && !toStdout) await guardOutput(options.output, io, { inputs: [oldArgument, newArgument], force: options.force === true })
  const [before, after] = await Promise.all([readSide(io.cwd, oldArgument), readSide(io.cwd, newArgument)])
  const oldSlug = /^([a-z0-9-]+)@/.exec(oldArgument)?.[1]
  const slug = options.protocol ?? oldSlug ?? protocolSlug(before.text) ?? (isSlug(oldArgument) ? oldArgument : undefined)
  if (!slug || !isSlug(slug)) throw new UserError(`cannot tell which protocol ${oldArgument} is; give --protocol SLUG`, EXIT_USAGE)
  const oldText = await asProtocol(before, slug, oldArgument)
  const newText = after.text
  const title = options.title ?? `${protocolTitle(oldText) ?? slug}: the changes of ${after.label}`
  const id = options.id ?? slugify(title).slice(0, 60).replace(/-+$/, '')
  if (!isSlug(id)) throw new UserError(`"${id}" cannot name a motion file; give --id with lowercase letters, digits and hyphens, such as "cwg-2017-04-25"`, EXIT_USAGE)
  const base = oldSlug ? oldArgument.slice(oldSlug.length + 1) : undefined
  const meta = { id, title, mover: options.mover, protocol: slug, ...(options.seconder ? { seconder: options.seconder } : {}), ...(base ? { base } : {}) }
  const drafted = draftMotion(oldText, newText, meta, options.style as MotionStyle)
  if ('problems' in drafted) {
    for (const problem of drafted.problems) io.stderr(`keeling motion from: ${problem.reason}\n`)
    io.stderr(`keeling motion from: no motion written: none that keeling drafts gives ${after.label} from ${before.label}\n`)
    return EXIT_PROBLEMS
  }
  const said = `${drafted.instructions} instruction${drafted.instructions === 1 ? '' : 's'}; applied to ${before.label} it gives ${after.label} exactly`
  if (options.output !== undefined) {
    await writeOutput(drafted.text, toStdout ? undefined : options.output, io, { inputs: [oldArgument, newArgument], force: options.force === true })
    io.stderr(`${said}\n`)
    return EXIT_OK
  }
  const path = join(io.cwd, AMENDMENTS_DIR, slug, `${id}.md`)
  const shown = displayPath(io.cwd, path)
  // As `motion new`: under the protocol's lock, never over a motion decided on.
  const refused = await withProtocolLock(io, slug, `keeling motion from ${oldArgument} ${newArgument} --id ${id}`, async () => {
    if (!options.force && (await exists(path))) return `${shown} already exists; choose another --id, or pass --force to replace it`
    const { history } = await readHistory(io.cwd, slug)
    const decided = decisionsOn(history, id).at(-1)
    if (decided) return `${shown} is a record: ${decided.body} decided on it (${decided.outcome}, ${decided.date}); a motion decided on is never replaced: choose another --id`
    await commitFiles(io.cwd, slug, `motion from ${shown}`, [{ path, text: drafted.text }])
    return undefined
  })
  if (refused) {
    io.stderr(`keeling motion from: ${refused}\n`)
    return EXIT_PROBLEMS
  }
  io.stdout(`${shown}\n`)
  io.stderr(`wrote ${shown}: ${said}\n`)
  return EXIT_OK
}

async function readSide(root: string, argument: string): Promise<{ label: string; text: string }> {
  return readComparedFile(root, argument).catch((error: unknown) => {
    if (error instanceof UnreadableFile) throw new UserError(error.message, EXIT_USAGE)
    throw error
  })
}

/** A text as a keeling protocol: as it is when it is one, else imported (numbers and headings read as clauses). */
async function asProtocol(side: { label: string; text: string }, slug: string, argument: string): Promise<string> {
  const protocol = parseProtocol(side.text)
  if (protocol.frontMatter.raw !== '' && protocol.all.length > 0 && protocol.all.every((clause) => clause.id !== '')) return side.text
  const imported = await importDocument(new TextEncoder().encode(side.text), { slug })
  if ('failure' in imported) throw new UserError(`cannot read ${argument} as a protocol: ${imported.failure.reason}`, EXIT_USAGE)
  return imported.markdown
}

function protocolSlug(text: string): string | undefined {
  const slug = parseProtocol(text).frontMatter.data['slug']
  return typeof slug === 'string' && isSlug(slug) ? slug : undefined
}

function protocolTitle(text: string): string | undefined {
  const title = parseProtocol(text).frontMatter.data['title']
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined
}

