import { basename, join, resolve } from 'node:path'
import { decisionsOn } from '../../core/history/history.js'
import { importDocument } from '../../core/import/import-document.js'
import { draftMotion, MOTION_STYLES, type MotionStyle } from '../../core/motion/draft/draft-motion.js'
import { readersCopy } from '../../core/motion/draft/transplant.js'
import { parseProtocol } from '../../core/protocol/parse-protocol.js'
import { slugify } from '../../core/protocol/clause-id.js'
import { exists, readBytes } from '../../store/files.js'
import { readHistory } from '../../store/history-file.js'
import { AMENDMENTS_DIR, displayPath, isSlug } from '../../store/layout.js'
import { commitFiles } from '../../store/transaction.js'
import { withProtocolLock } from '../protocol-lock.js'
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UserError, type Io } from '../io.js'
import { guardOutput, writeOutput } from '../render-change-set.js'
import { readComparedInput } from '../read-inputs.js'

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
  const style = checkStyle(options.style)
  await guardOutput(options.output, io, { inputs: [oldArgument, newArgument], force: options.force === true })
  const [before, after] = await Promise.all([readComparedInput(io, oldArgument), readComparedInput(io, newArgument)])
  const oldSlug = /^([a-z0-9-]+)@/.exec(oldArgument)?.[1]
  const slug = options.protocol ?? oldSlug ?? protocolSlug(before.text) ?? (isSlug(oldArgument) ? oldArgument : undefined)
  if (!slug || !isSlug(slug)) throw new UserError(`cannot tell which protocol ${oldArgument} is; give --protocol SLUG`, EXIT_USAGE)
  const oldText = await asProtocol(before, slug, oldArgument)
  // An old text that had to be imported is compared with a new one read the same way (as a reader's copy of it),
  // so that what the import changes (page furniture, attributes, spacing) is not taken for the edits.
  const imported = oldText !== before.text && !isKeelingProtocol(after.text)
  const newText = imported ? readersCopy(await asProtocol(after, slug, newArgument)) : after.text
  const title = options.title ?? `${protocolTitle(oldText) ?? slug}: the changes of ${basename(after.label)}`
  const id = motionId(options.id, title)
  const base = oldSlug ? oldArgument.slice(oldSlug.length + 1) : undefined
  const meta = { id, title, mover: options.mover, protocol: slug, ...(options.seconder ? { seconder: options.seconder } : {}), ...(base ? { base } : {}) }
  const drafted = draftMotion(oldText, newText, meta, style)
  if ('problems' in drafted) return refuse(io, 'from', drafted.problems, `no motion written: none that keeling drafts gives ${after.label} from ${before.label}`)
  const exactly = drafted.notes && drafted.notes.length > 0 ? `, but for its numbering (${drafted.notes.join('; ')})` : ' exactly'
  const said = `${drafted.instructions} instruction${drafted.instructions === 1 ? '' : 's'}; applied to ${before.label} it gives ${after.label}${exactly}`
  return writeDrafts(io, slug, [{ id, text: drafted.text, said }], options, [oldArgument, newArgument], `keeling motion from ${oldArgument} ${newArgument}`)
}

/** A drafted motion to write: its ID, file text, and what to say of it. */
interface Draft {
  id: string
  text: string
  said: string
}

/**
 * Write drafted motions: as amendments/SLUG/ID.md, all or none, under the protocol's lock, never over a file that
 * exists (unless --force) nor over a motion decided on; or one motion to `-o FILE` (`-`, stdout).
 */
async function writeDrafts(io: Io, slug: string, drafts: Draft[], options: { output?: string; force?: boolean }, inputs: string[], command: string): Promise<number> {
  if (options.output !== undefined) {
    const [only] = drafts
    if (!only || drafts.length > 1) throw new UserError(`-o takes one motion and this gives ${drafts.length} (${drafts.map((draft) => draft.id).join(', ')}); leave out -o to write each to amendments/${slug}/, or pass --one`, EXIT_USAGE)
    await writeOutput(only.text, options.output, io, { inputs, force: options.force === true })
    io.stderr(`${only.said}\n`)
    return EXIT_OK
  }
  const files = drafts.map((draft) => ({ ...draft, path: join(io.cwd, AMENDMENTS_DIR, slug, `${draft.id}.md`) }))
  const refused = await withProtocolLock(io, slug, `${command} --id ${drafts.map((draft) => draft.id).join(',')}`, async () => {
    const { history } = await readHistory(io.cwd, slug)
    for (const file of files) {
      const shown = displayPath(io.cwd, file.path)
      if (!options.force && (await exists(file.path))) return `${shown} already exists; choose another --id, or pass --force to replace it`
      const decided = decisionsOn(history, file.id).at(-1)
      if (decided) return `${shown} is a record: ${decided.body} decided on it (${decided.outcome}, ${decided.date}); a motion decided on is never replaced: choose another --id`
    }
    await commitFiles(io.cwd, slug, `${command.replace(/^keeling /, '')}`, files.map((file) => ({ path: file.path, text: file.text })))
    return undefined
  })
  if (refused) {
    io.stderr(`keeling motion: ${refused}\n`)
    return EXIT_PROBLEMS
  }
  for (const file of files) {
    const shown = displayPath(io.cwd, file.path)
    io.stdout(`${shown}\n`)
    io.stderr(`wrote ${shown}: ${file.said}\n`)
  }
  return EXIT_OK
}

export interface MotionFromDocumentOptions {
  protocol: string
  mover?: string
  seconder?: string
  title?: string
  id?: string
  style: string
  one?: boolean
  output?: string
  force?: boolean
}

/**
 * `keeling motion from-tracked FILE --protocol SLUG[@LABEL] --mover M`: the motion a CriticMarkup document (or a
 * Keeling schedule's ~~struck~~ and <u>underlined</u> words) makes, drafted against the protocol.
 */
export async function runMotionFromTracked(file: string, options: MotionFromDocumentOptions, io: Io): Promise<number> {
  const style = checkStyle(options.style)
  if (!options.mover) throw new UserError('a motion needs a mover: give --mover, e.g. --mover "Cllr Artus"', EXIT_USAGE)
  await guardOutput(options.output, io, { inputs: [file], force: options.force === true })
  const { slug, base, text: protocolText, label } = await protocolSide(io, options.protocol)
  const marked = await readComparedInput(io, file)
  const { draftFromTracked } = await import('../../core/motion/draft/draft-from-document.js')
  const title = options.title ?? `${protocolTitle(protocolText) ?? slug}: the changes marked in ${basename(marked.label)}`
  const id = motionId(options.id, title)
  const drafted = draftFromTracked(protocolText, marked.text, { id, title, mover: options.mover, protocol: slug, ...(options.seconder ? { seconder: options.seconder } : {}), ...(base ? { base } : {}) }, style)
  if ('problems' in drafted) return refuse(io, 'from-tracked', drafted.problems, `no motion written from ${marked.label}`, marked.label)
  const drafts = drafted.motions.map((motion) => ({ id: motion.id, text: motion.text, said: `${motion.instructions} instruction${motion.instructions === 1 ? '' : 's'}; applied to ${label} it makes the changes marked in ${marked.label}` }))
  return writeDrafts(io, slug, drafts, options, [file], `keeling motion from-tracked ${file}`)
}

/**
 * `keeling motion from-docx REDLINE.docx --protocol SLUG[@LABEL]`: one motion per author of the document's
 * tracked changes (or one in all, `--one`), each checked by applying it.
 */
export async function runMotionFromDocx(file: string, options: MotionFromDocumentOptions, io: Io): Promise<number> {
  const style = checkStyle(options.style)
  if (options.one && !options.mover) throw new UserError('with --one the motion needs a mover: give --mover, e.g. --mover "Constitution Working Group"', EXIT_USAGE)
  await guardOutput(options.output, io, { inputs: [file], force: options.force === true })
  const { slug, base, text: protocolText, label } = await protocolSide(io, options.protocol)
  const path = resolve(io.cwd, file)
  const shown = displayPath(io.cwd, path)
  const bytes = await readBytes(path).catch(() => {
    throw new UserError(`cannot read ${shown}: no such file`, EXIT_USAGE)
  })
  const { draftFromRedline } = await import('../../core/motion/draft/draft-from-document.js')
  const name = basename(path).replace(/\.docx$/i, '')
  const title = options.title ?? `${protocolTitle(protocolText) ?? slug}: the changes in ${basename(path)}`
  const id = motionId(options.id ?? (slugify(name).slice(0, 50).replace(/-+$/, '') || undefined), title)
  const meta = { id, title, mover: options.mover ?? '', protocol: slug, ...(options.seconder ? { seconder: options.seconder } : {}), ...(base ? { base } : {}) }
  const drafted = await draftFromRedline(protocolText, bytes, meta, style, options.one === true)
  if ('problems' in drafted) return refuse(io, 'from-docx', drafted.problems, `no motion written from ${shown}`)
  const drafts = drafted.motions.map((motion) => ({ id: motion.id, text: motion.text, said: `${motion.mover}'s changes, ${motion.instructions} instruction${motion.instructions === 1 ? '' : 's'}; applied to ${label} it makes them` }))
  return writeDrafts(io, slug, drafts, options, [file], `keeling motion from-docx ${file}`)
}

function checkStyle(style: string): MotionStyle {
  if (!(MOTION_STYLES as readonly string[]).includes(style)) throw new UserError(`--style ${style} is not a register keeling writes; use one of ${MOTION_STYLES.join(', ')}`, EXIT_USAGE)
  return style as MotionStyle
}

function motionId(given: string | undefined, title: string): string {
  const id = given ?? slugify(title).slice(0, 60).replace(/-+$/, '')
  if (!isSlug(id)) throw new UserError(`"${id}" cannot name a motion file; give --id with lowercase letters, digits and hyphens, such as "cwg-2017-04-25"`, EXIT_USAGE)
  return id
}

function refuse(io: Io, command: string, problems: Array<{ reason: string; code?: string; line?: number; column?: number }>, what: string, file?: string): number {
  for (const problem of problems) {
    const place = file && problem.line !== undefined ? `${file}:${problem.line}:${problem.column ?? 1}: ` : ''
    io.stderr(`keeling motion ${command}: ${place}${problem.reason}\n`)
  }
  if (!problems.every((problem) => problem.code === 'same')) io.stderr(`keeling motion ${command}: ${what}\n`)
  return EXIT_PROBLEMS
}

/** The protocol a document was made from: SLUG (its text now) or SLUG@LABEL (a recorded version, the motion's base). */
async function protocolSide(io: Io, argument: string): Promise<{ slug: string; base?: string; text: string; label: string }> {
  const [slug = '', label] = argument.split('@')
  if (!isSlug(slug) || (label !== undefined && !isSlug(label))) throw new UserError(`--protocol ${argument} is not a protocol: give its slug, or SLUG@VERSION for a recorded version`, EXIT_USAGE)
  const side = await readComparedInput(io, argument.includes('@') ? argument : slug)
  return { slug, ...(label ? { base: label } : {}), text: side.text, label: side.label }
}

function isKeelingProtocol(text: string): boolean {
  const protocol = parseProtocol(text)
  return protocol.frontMatter.raw !== '' && protocol.all.length > 0 && protocol.all.every((clause) => clause.id !== '')
}

/** A text as a keeling protocol: as it is when it is one, else imported (numbers and headings read as clauses). */
async function asProtocol(side: { label: string; text: string }, slug: string, argument: string): Promise<string> {
  if (isKeelingProtocol(side.text)) return side.text
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

