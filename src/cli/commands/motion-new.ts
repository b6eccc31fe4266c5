import { exists } from '../../store/files.js'
import { join } from 'node:path'
import { motionTemplate } from '../../core/motion/motion-template.js'
import { parseProtocol } from '../../core/protocol/parse-protocol.js'
import { slugify } from '../../core/protocol/clause-id.js'
import { AMENDMENTS_DIR, displayPath, isSlug } from '../../store/layout.js'
import { decisionsOn } from '../../core/history/history.js'
import { readHistory } from '../../store/history-file.js'
import { commitFiles } from '../../store/transaction.js'
import { withProtocolLock } from '../protocol-lock.js'
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UserError, type Io } from '../io.js'
import { readProtocolInput } from '../read-inputs.js'

export interface MotionNewOptions {
  title: string
  mover: string
  seconder?: string
  id?: string
  force?: boolean
}

/** `keeling motion new SLUG --title T --mover M`: write amendments/SLUG/ID.md with every form as a comment. */
export async function runMotionNew(slug: string, options: MotionNewOptions, io: Io): Promise<number> {
  const file = await readProtocolInput(io, slug)
  const id = options.id ?? slugify(options.title).slice(0, 60).replace(/-+$/, '')
  if (!isSlug(id)) {
    throw new UserError(`"${id}" cannot name a motion file; give --id with lowercase letters, digits and hyphens, such as "cwg-2017-04-25"`, EXIT_USAGE)
  }
  const path = join(io.cwd, AMENDMENTS_DIR, slug, `${id}.md`)
  const shown = displayPath(io.cwd, path)
  const meta = { title: options.title, mover: options.mover, protocol: slug, ...(options.seconder ? { seconder: options.seconder } : {}) }
  // Under the protocol's lock, so that a decision recorded meanwhile, or another motion new, is seen.
  const refused = await withProtocolLock(io, slug, `keeling motion new ${slug} --id ${id}`, async () => {
    if (!options.force && (await exists(path))) return `${shown} already exists; choose another --id, or pass --force to replace it`
    const { history } = await readHistory(io.cwd, slug)
    const decided = decisionsOn(history, id).at(-1)
    // The history holds this file's hash as the words decided on: replacing it would make the record unreadable.
    if (decided) return `${shown} is a record: ${decided.body} decided on it (${decided.outcome}, ${decided.date}); a motion decided on is never replaced: choose another --id`
    await commitFiles(io.cwd, slug, `motion new ${shown}`, [{ path, text: motionTemplate(meta, parseProtocol(file.text)) }])
    return undefined
  })
  if (refused) {
    io.stderr(`keeling motion new: ${refused}\n`)
    return EXIT_PROBLEMS
  }
  io.stdout(`${shown}\n`)
  io.stderr(`wrote ${shown}: write its instructions as a numbered list, then \`keeling check ${shown}\`\n`)
  return EXIT_OK
}
