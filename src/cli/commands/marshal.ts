import { buildChangeSet } from '../../core/diff/change-set.js'
import { readDiffDocument } from '../../core/diff/diff-document.js'
import { marshalMotions } from '../../core/marshal/marshal-motions.js'
import { simulateOutcome } from '../../core/marshal/simulate-outcome.js'
import type { Marshal, VotingOrder } from '../../core/marshal/types.js'
import { COLOUR_MARKS, PLAIN_MARKS, renderTextDiff } from '../../core/render/render-text-diff.js'
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UserError, wantsColour, type Io } from '../io.js'
import { meetingMotions } from '../meeting-motions.js'
import { motionBase } from '../motion-base.js'
import { guardOutput, requireFileForDocx, revisionDate, writeOutput } from '../render-change-set.js'

export interface MarshalOptions {
  format: 'text' | 'md' | 'html' | 'json' | 'docx'
  order: VotingOrder
  carry?: string
  lose?: string
  output?: string
}

/**
 * `keeling marshal SLUG [MOTION…]`: the marshalled list of the amendments
 * before a meeting (default: every motion tabled and not decided), their
 * conflicts and the order of voting; with `--carry`/`--lose`, the text a set
 * of decisions would make and the amendments that would fall.
 */
export async function runMarshal(slug: string, names: string[], options: MarshalOptions, io: Io): Promise<number> {
  await guardOutput(options.output, io, { inputs: [] })
  requireFileForDocx(options.format, options.output, 'marshalled-list.docx')
  const inputs = await meetingMotions(io, 'marshal', slug, names)
  if (inputs.length === 0) {
    io.stderr(`keeling marshal: no amendments to ${slug} are tabled and undecided (amendments/${slug}/); name the motions to marshal\n`)
    return EXIT_PROBLEMS
  }
  const base = await motionBase(io.cwd, slug, inputs)
  const marshal = marshalMotions(base.text, inputs, { order: options.order, ...(base.version !== undefined ? { version: base.version } : {}) })
  const heading = { protocol: slug, base: base.label }
  const render = await import('../../core/render/render-marshal.js')
  if (options.carry === undefined && options.lose === undefined) {
    const output =
      options.format === 'md'
        ? render.renderMarshalMarkdown(heading, marshal)
        : options.format === 'html'
          ? (await import('../../core/render/html-marshal.js')).renderMarshalHtml(heading, marshal)
          : options.format === 'json'
            ? render.renderMarshalJson(heading, marshal)
            : options.format === 'docx'
              ? await (await import('../../core/render/render-marshal-docx.js')).renderMarshalDocx(heading, marshal, revisionDate(io.env))
              : render.renderMarshalText(heading, marshal)
    await writeOutput(output, options.output, io)
    return marshal.motions.some((motion) => motion.problems.length > 0) ? EXIT_PROBLEMS : EXIT_OK
  }
  if (options.format === 'docx') throw new UserError('a simulated outcome is written as text, md (the protocol as it would read), html or json; --format docx is for the marshalled list', EXIT_USAGE)
  const outcome = {
    carried: readList(marshal, '--carry', options.carry),
    lost: readList(marshal, '--lose', options.lose)
  }
  const simulated = simulateOutcome(base.text, inputs, marshal, outcome, base.version !== undefined ? { version: base.version } : {})
  if ('problems' in simulated) {
    for (const problem of simulated.problems) io.stderr(`keeling marshal: ${problem}\n`)
    io.stderr('keeling marshal: the outcome cannot happen; nothing was simulated\n')
    return EXIT_PROBLEMS
  }
  const said = render.describeOutcome(simulated)
  let output: string
  if (options.format === 'md') output = simulated.text
  else if (options.format === 'json') output = render.renderOutcomeJson(heading, simulated)
  else if (options.format === 'html') {
    const { renderConsolidatedHtml } = await import('../../core/render/render-consolidated.js')
    output = renderConsolidatedHtml(simulated.text, `${slug} (simulated)`, `Not an adopted text: ${base.label} as it would read if the meeting decided so. ${said.join(' ')}`)
  } else {
    const changes = buildChangeSet(readDiffDocument(base.text), readDiffDocument(simulated.text), { before: base.label, after: `${slug} (simulated)` })
    const diff = renderTextDiff(changes, options.output === undefined && wantsColour(io) ? COLOUR_MARKS : PLAIN_MARKS)
    output = `Outcome on the marshalled list of ${slug} (${base.label}):\n${said.join('\n')}\n\n${diff || 'The text would not change.\n'}`
  }
  if (options.format === 'md' && options.output === undefined) for (const line of said) io.stderr(`${line}\n`)
  await writeOutput(output, options.output, io)
  return EXIT_OK
}

/**
 * The amendments a list option names: numbers on the marshalled list or motion IDs, separated by commas
 * ("1,3", "1, 3", "cwg-1,4").
 *
 * @throws UserError naming an amendment that is not on the list, and what is
 */
export function readList(marshal: Marshal, option: string, value: string | undefined): string[] {
  if (value === undefined) return []
  const items = value.split(',').map((item) => item.trim()).filter(Boolean)
  return items.map((item) => {
    const found = /^\d+$/.test(item) ? marshal.motions.find((motion) => motion.number === Number(item)) : marshal.motions.find((motion) => motion.id === item)
    if (!found) {
      const list = marshal.motions.map((motion) => `${motion.number} ${motion.id}`).join(', ')
      throw new UserError(`${option} ${item}: there is no amendment ${item} on the marshalled list (${list})`, EXIT_USAGE)
    }
    return found.id
  })
}
