import { withoutHead } from '../../core/history/head.js'
import { sha256, versionsOf } from '../../core/history/history.js'
import { applyMotions } from '../../core/motion/apply-motions.js'
import { createParseCache } from '../../core/parse-cache.js'
import { readHistory } from '../../store/history-file.js'
import { buildChangeSet, describeSummary, summarizeChanges } from '../../core/diff/change-set.js'
import { readDiffDocument } from '../../core/diff/diff-document.js'
import { COLOUR_MARKS, PLAIN_MARKS, renderTextDiff } from '../../core/render/render-text-diff.js'
import { basename, dirname } from 'node:path'
import { AMENDMENTS_DIR, displayPath } from '../../store/layout.js'
import { writeRecords } from '../../store/records.js'
import { formatMessage } from '../format-message.js'
import { withProtocolLock } from '../protocol-lock.js'
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UserError, wantsColour, type Io } from '../io.js'
import { readMotionInput, readProtocolInput, readRecordedMotionInput } from '../read-inputs.js'

/**
 * `keeling apply MOTION.md… [--dry-run]`: apply motions, in the order given,
 * to their protocol's current text — all of them or none. With --dry-run,
 * print the changes and write nothing.
 */
export async function runApply(paths: string[], options: { dryRun?: boolean }, io: Io): Promise<number> {
  // Each text read once: the protocol, the motions, the text made and the change set between them.
  const parse = createParseCache()
  const inputs = await Promise.all(
    paths.map((path) =>
      options.dryRun ? readMotionInput(io, path, undefined, parse) : readRecordedMotionInput(io, path, parse)
    )
  )
  if (!options.dryRun) {
    const misplaced = inputs.find((input) => basename(dirname(input.path)) !== input.motion.protocol)
    if (misplaced) {
      throw new UserError(`${misplaced.name} says \`protocol: ${misplaced.motion.protocol}\` but is in ${AMENDMENTS_DIR}/${basename(dirname(misplaced.path))}/; a motion's folder is the protocol it changes: fix one or the other`, EXIT_USAGE)
    }
  }
  const slugs = [...new Set(inputs.map((input) => input.motion.protocol))]
  if (slugs.length > 1) {
    throw new UserError(`these motions change different protocols (${slugs.join(', ')}); apply the motions of one protocol at a time`, EXIT_USAGE)
  }
  const [slug = ''] = slugs
  // Read, apply and write under the protocol's lock: a concurrent adopt or apply is waited for, not lost.
  // A dry run writes nothing, so it takes no lock.
  const run = (work: () => Promise<number>): Promise<number> => (options.dryRun ? work() : withProtocolLock(io, slug, `keeling apply ${inputs.map((input) => input.name).join(' ')}`, work))
  return run(async () => {
    const file = await readProtocolInput(io, slug, 'the motions name it as their protocol: set `protocol:` in the motion to one of these', parse)
    // A motion drafted against a version (`base:`) applies when the protocol is that version's text.
    const { history } = await readHistory(io.cwd, slug)
    const last = versionsOf(history).at(-1)
    const result = applyMotions(file.text, inputs, { version: last && sha256(withoutHead(file.text)) === last.sha256 ? last.label : '', parsed: parse })
    if ('problems' in result) {
      for (const { name, message } of result.problems) io.stderr(`${formatMessage(name, message)}\n`)
      const count = result.problems.length
      io.stderr(`keeling apply: refused (${count} problem${count === 1 ? '' : 's'}); nothing was written\n`)
      return EXIT_PROBLEMS
    }
    const shown = displayPath(io.cwd, file.path)
    const changes = buildChangeSet(readDiffDocument(file.text, parse), readDiffDocument(result.text, parse), { before: shown, after: shown }, { moved: result.moved, changedWords: result.changedWords })
    const summary = describeSummary(summarizeChanges(changes))
    if (options.dryRun) {
      io.stdout(renderTextDiff(changes, wantsColour(io) ? COLOUR_MARKS : PLAIN_MARKS, { lines: 'before' }))
      io.stderr(`dry run: ${summary} in ${shown}; nothing was written\n`)
      return EXIT_OK
    }
    await writeRecords(io.cwd, slug, `apply ${inputs.map((input) => input.motion.id).join(' ')}`, { protocol: result.text })
    io.stderr(`applied ${inputs.map((input) => input.motion.id).join(', ')} to ${shown}: ${summary}\n`)
    return EXIT_OK
  })
}
