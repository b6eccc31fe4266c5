import { buildChangeSet } from '../../core/diff/change-set.js'
import { readDiffDocument } from '../../core/diff/diff-document.js'
import { createParseCache } from '../../core/parse-cache.js'
import { attachAttributions, attributionsOf, motionEffects, motionHints } from '../../core/history/attribute.js'
import { standingDecision } from '../../core/history/history.js'
import { readHistory, replayProject } from '../../store/history-file.js'
import { listProtocolSlugs } from '../../store/read-protocol-file.js'
import { EXIT_OK, EXIT_PROBLEMS, wantsColour, type Io } from '../io.js'
import { warnUnreadable } from '../unreadable-history.js'
import { versionRange } from '../version-range.js'
import { type DiffFormat, guardOutput, renderChangeSet, requireFileForDocx, writeOutput } from '../render-change-set.js'

export interface ReportOptions {
  from: string
  to: string
  format: DiffFormat
  output?: string
}

/**
 * `keeling report SLUG --from A --to B`: the appendix between two versions,
 * every change attributed to the motion that made it, its mover, the body
 * that decided it, the date and the votes (Word: the revision's author and
 * date).
 */
export async function runReport(slug: string, options: ReportOptions, io: Io): Promise<number> {
  await guardOutput(options.output, io, { inputs: [] })
  requireFileForDocx(options.format, options.output)
  const { history } = await readHistory(io.cwd, slug)
  warnUnreadable(io, slug, history)
  const { from, to, labels } = versionRange(history, slug, options.from, options.to, { protocols: await listProtocolSlugs(io.cwd) })
  // Each text read once: the replay, each motion's effect and the change set read the same versions.
  const parse = createParseCache()
  const replay = await replayProject(io.cwd, slug, history, parse, { drift: false })
  if ('failure' in replay) {
    io.stderr(`keeling report: cannot rebuild the versions of ${slug}: ${replay.failure.reason}; run keeling verify ${slug}\n`)
    return EXIT_PROBLEMS
  }
  const between = new Set(labels.slice(from + 1, to + 1))
  const steps = replay.steps.filter((step) => between.has(step.version.label))
  const effects = motionEffects(steps, parse)
  const labelled = { before: `${slug}@${options.from}`, after: `${slug}@${options.to}` }
  const changeSet = buildChangeSet(readDiffDocument(replay.texts.get(options.from) ?? '', parse), readDiffDocument(replay.texts.get(options.to) ?? '', parse), labelled, motionHints(effects))
  attachAttributions(
    changeSet,
    attributionsOf(effects, (motion) => standingDecision(history, motion))
  )
  const output = await renderChangeSet(changeSet, options.format, options.output === undefined && wantsColour(io), io.env)
  await writeOutput(output, options.output, io)
  return EXIT_OK
}
