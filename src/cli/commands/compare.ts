import { compareMotions, comparisonWork } from '../../core/motion/compare-motions.js'
import { createParseCache } from '../../core/parse-cache.js'
import { COLOUR_MARKS, PLAIN_MARKS } from '../../core/render/render-text-diff.js'
import { formatMessage } from '../format-message.js'
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UserError, wantsColour, type Io } from '../io.js'
import { readMotionInput } from '../read-inputs.js'
import { motionBase } from '../motion-base.js'
import { guardOutput, writeOutput } from '../render-change-set.js'

export interface CompareOptions {
  format: 'text' | 'md' | 'html' | 'json'
  output?: string
  /** Write over an input file given as `-o`. */
  force?: boolean
}

/**
 * `keeling compare MOTION_A MOTION_B`: two competing motions, or a motion
 * and an amendment to it, each applied on its own to the same text; the
 * clauses either touches, side by side, and every difference said in a
 * sentence. The text is the version the motions were drafted against
 * (`base:`), the version one of them was adopted into, or the protocol as
 * it stands. Exit 0; 1 when they cannot both apply to it.
 */
export async function runCompare(first: string, second: string, options: CompareOptions, io: Io): Promise<number> {
  const guard = { inputs: [first, second], force: options.force === true }
  await guardOutput(options.output, io, guard)
  // Each text is parsed once: the motions, the base, and each text a motion makes.
  const parse = createParseCache()
  const [a, b] = await Promise.all([first, second].map((path) => readMotionInput(io, path, undefined, parse)))
  if (!a || !b) return EXIT_USAGE
  if (a.motion.protocol !== b.motion.protocol) {
    throw new UserError(`${a.name} changes "${a.motion.protocol}" and ${b.name} changes "${b.motion.protocol}"; compare motions on one protocol`, EXIT_USAGE)
  }
  const slug = a.motion.protocol
  const { text, label } = await motionBase(io.cwd, slug, [a, b], parse)
  const comparison = compareMotions(text, a, b, comparisonWork(parse))
  if ('problems' in comparison) {
    for (const { name, message } of comparison.problems) io.stderr(`${formatMessage(name, message)}\n`)
    io.stderr(`keeling compare: the motions cannot both be applied to ${label}\n`)
    return EXIT_PROBLEMS
  }
  const motions = {
    a: { id: a.motion.id, title: a.motion.title, mover: a.motion.mover },
    b: { id: b.motion.id, title: b.motion.title, mover: b.motion.mover },
    base: label,
    amendment: comparison.amendment
  }
  const render = await import('../../core/render/render-comparison.js')
  const output =
    options.format === 'md'
      ? render.renderComparisonMarkdown(motions, comparison.clauses)
      : options.format === 'html'
        ? (await import('../../core/render/html-comparison.js')).renderComparisonHtml(motions, comparison.clauses)
        : options.format === 'json'
          ? render.renderComparisonJson(motions, comparison.clauses)
          : render.renderComparisonText(motions, comparison.clauses, options.output === undefined && wantsColour(io) ? COLOUR_MARKS : PLAIN_MARKS)
  await writeOutput(output, options.output, io, guard)
  return EXIT_OK
}
