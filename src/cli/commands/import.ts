import { exists, isFolder, readBytes } from '../../store/files.js'
import { resolve } from 'node:path'
import { importDocument } from '../../core/import/import-document.js'
import { checkProtocol } from '../../core/protocol/check-protocol.js'
import { parseProtocol } from '../../core/protocol/parse-protocol.js'
import { displayPath, isSlug, protocolPath } from '../../store/layout.js'
import { historyPath } from '../../store/history-file.js'
import { commitFiles } from '../../store/transaction.js'
import { withProtocolLock } from '../protocol-lock.js'
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Io } from '../io.js'
import type { ImportCommandOptions } from '../main.js'
import { formatMessage } from '../format-message.js'

/**
 * `keeling import FILE --as SLUG`: read a document, turn it into a protocol
 * and write `protocols/SLUG.md` whole or not at all. Every removal, join,
 * reading of tracked marks and odd number is reported on stderr.
 */
export async function runImport(file: string, options: ImportCommandOptions, io: Io): Promise<number> {
  const refuse = (message: string, code = EXIT_PROBLEMS): number => {
    io.stderr(`keeling import: ${message}\n`)
    return code
  }
  if (!isSlug(options.as)) {
    return refuse(`"${options.as}" is not a slug; use lowercase letters, digits and hyphens (at most 120), such as "town-council"`)
  }
  const inputPath = resolve(io.cwd, file)
  const shown = displayPath(io.cwd, inputPath)
  let bytes: Uint8Array
  try {
    if (await isFolder(inputPath)) return refuse(`${shown} is a directory; give a text, Markdown, Word (.docx) or PDF file`, EXIT_USAGE)
    bytes = await readBytes(inputPath)
  } catch {
    return refuse(`cannot read ${shown}: no such file`, EXIT_USAGE)
  }
  const target = protocolPath(io.cwd, options.as)
  const targetShown = displayPath(io.cwd, target)
  const occupied = async (): Promise<string | undefined> => {
    if (!options.force && (await exists(target))) return `${targetShown} already exists; choose another slug, or pass --force to replace it`
    if (await exists(historyPath(io.cwd, options.as))) {
      return `${targetShown} has a recorded history (${displayPath(io.cwd, historyPath(io.cwd, options.as))}): its text is a record and import never replaces it; import under another slug, or change it by motions`
    }
    return undefined
  }
  const early = await occupied()
  if (early) return refuse(early)
  const result = await importDocument(bytes, {
    slug: options.as,
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.body !== undefined ? { body: options.body } : {}),
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
    ...(options.tracked !== undefined ? { tracked: options.tracked } : {}),
    inserted: options.inserted,
    acceptChanges: options.acceptChanges === true
  })
  // A text's notes name its lines; a Word or PDF document's, their paragraph or their page and line.
  const where = (found: { line?: number; place?: string }): string =>
    found.place !== undefined ? `${shown}: ${found.place}: ` : found.line !== undefined ? `${shown}:${found.line}: ` : `${shown}: `
  if ('failure' in result) return refuse(`${where(result.failure)}${result.failure.reason} [${result.failure.code}]`)
  for (const note of result.notes) io.stderr(`${where(note)}${note.message}\n`)
  // What the importer wrote must pass `check`: a failure here is keeling's bug, and nothing is written.
  const parsed = parseProtocol(result.markdown)
  const errors = checkProtocol(parsed, options.as).filter((message) => message.fatal)
  if (errors.length > 0) {
    for (const message of errors) io.stderr(`${formatMessage(targetShown, message)}\n`)
    return refuse(`the imported text does not pass check; nothing was written (please report this)`)
  }
  // Asked again under the lock: another import or adopt may have made the protocol or its history meanwhile.
  const late = await withProtocolLock(io, options.as, `keeling import ${shown} --as ${options.as}`, async () => {
    const taken = await occupied()
    if (!taken) await commitFiles(io.cwd, options.as, `import ${shown} --as ${options.as}`, [{ path: target, text: result.markdown }])
    return taken
  })
  if (late) return refuse(late)
  const clauses = parsed.all.length
  io.stderr(`wrote ${targetShown}: ${clauses} clause${clauses === 1 ? '' : 's'}\n`)
  return EXIT_OK
}

