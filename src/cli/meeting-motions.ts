import { join } from 'node:path'
import { standingDecision } from '../core/history/history.js'
import type { MotionInput } from '../core/motion/apply-motions.js'
import { appliedMotions } from '../core/protocol/applied-motions.js'
import { createParseCache, type ParseCache } from '../core/parse-cache.js'
import { readHistory } from '../store/history-file.js'
import { AMENDMENTS_DIR, isSlug, looksLikePath } from '../store/layout.js'
import { listMotionFiles, readMotionFile } from '../store/read-motion-file.js'
import { formatMessage } from './format-message.js'
import { EXIT_PROBLEMS, EXIT_USAGE, UserError, type Io } from './io.js'
import { readMotionInput, readProtocolInput } from './read-inputs.js'

/**
 * The amendments before a meeting on a protocol: the motions named (by ID in
 * `amendments/SLUG/`, or by path), or by default every motion there that is
 * tabled and not decided (no decision recorded, not applied). A motion
 * named that cannot be read is an error; one found by default that cannot
 * be read is left out, its problems printed.
 *
 * @param parse the command's parsed texts (a new cache when not given)
 * @throws UserError for an unknown protocol or motion, or a motion that cannot be read
 */
export async function meetingMotions(io: Io, command: string, slug: string, names: string[], parse: ParseCache = createParseCache()): Promise<Array<MotionInput & { path: string }>> {
  if (!isSlug(slug)) throw new UserError(`"${slug}" is not a protocol slug; give the protocol's name, e.g. keeling ${command} town-council`, EXIT_USAGE)
  const protocol = await readProtocolInput(io, slug)
  if (names.length > 0) {
    const inputs = await Promise.all(
      names.map((name) =>
        readMotionInput(io, looksLikePath(name) ? name : join(AMENDMENTS_DIR, slug, `${name}.md`), `name a motion by its ID in ${AMENDMENTS_DIR}/${slug}/ or by its path`, parse)
      )
    )
    const broken = inputs.filter((input) => input.motion.messages.some((message) => message.fatal))
    for (const input of broken) for (const message of input.motion.messages.filter((one) => one.fatal)) io.stderr(`${formatMessage(input.name, message)}\n`)
    if (broken.length > 0) throw new UserError(`${broken.map((input) => input.name).join(', ')} cannot be read; fix ${broken.length === 1 ? 'it' : 'them'} first`, EXIT_PROBLEMS)
    const other = inputs.find((input) => input.motion.protocol !== slug)
    if (other) throw new UserError(`${other.name} changes protocol "${other.motion.protocol}", not ${slug}`, EXIT_USAGE)
    const ids = inputs.map((input) => input.motion.id)
    const twice = ids.find((id, at) => ids.indexOf(id) !== at)
    if (twice) throw new UserError(`motion ${twice} is named twice`, EXIT_USAGE)
    return inputs
  }
  const { history } = await readHistory(io.cwd, slug)
  const applied = new Set(appliedMotions(parse.protocol(protocol.text)))
  const inputs: Array<MotionInput & { path: string }> = []
  for (const path of await listMotionFiles(io.cwd, slug)) {
    const input = await readMotionFile(io.cwd, path, parse)
    if (standingDecision(history, input.motion.id) || applied.has(input.motion.id)) continue
    const errors = input.motion.messages.filter((message) => message.fatal)
    if (errors.length > 0) {
      for (const message of errors) io.stderr(`${formatMessage(input.name, message)}\n`)
      io.stderr(`keeling ${command}: left out ${input.name}, which cannot be read\n`)
      continue
    }
    if (input.motion.protocol === slug) inputs.push(input)
  }
  return inputs
}
