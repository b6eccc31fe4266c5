import { withoutHead } from '../core/history/head.js'
import { sha256, versionsOf } from '../core/history/history.js'
import type { MotionInput } from '../core/motion/apply-motions.js'
import type { ParseCache } from '../core/parse-cache.js'
import { readText } from '../store/files.js'
import { readHistory, readVersionText, VersionNotFound } from '../store/history-file.js'
import { displayPath, protocolPath } from '../store/layout.js'
import { EXIT_USAGE, UserError } from './io.js'

/** The text motions were drafted against, a name for it, and its version label when it is a recorded version. */
export interface MotionBase {
  text: string
  label: string
  version?: string
}

/**
 * The text motions were drafted against: their `base:` version, the version
 * one of them was adopted from, or the protocol as it stands (a recorded
 * version when its text is the last version's).
 *
 * @param parse the command's parsed texts, for a version that is replayed
 * @throws UserError when the version named does not exist, or the protocol does not
 */
export async function motionBase(root: string, slug: string, inputs: MotionInput[], parse?: ParseCache): Promise<MotionBase> {
  try {
    const named = inputs.find((input) => input.motion.base !== '')?.motion.base
    if (named) return { text: await readVersionText(root, slug, named, parse), label: `${slug}@${named}`, version: named }
    const { history } = await readHistory(root, slug)
    const versions = versionsOf(history)
    const adopted = versions.find((version) => version.motions.some((motion) => inputs.some((input) => input.motion.id === motion.id)))
    if (adopted?.from) return { text: await readVersionText(root, slug, adopted.from, parse), label: `${slug}@${adopted.from}`, version: adopted.from }
    const path = protocolPath(root, slug)
    const text = await readText(path).catch(() => {
      throw new UserError(`the motions change protocol "${slug}", which does not exist (${displayPath(root, path)})`, EXIT_USAGE)
    })
    const last = versions.at(-1)
    return { text, label: displayPath(root, path), ...(last && sha256(withoutHead(text)) === last.sha256 ? { version: last.label } : {}) }
  } catch (error) {
    if (error instanceof VersionNotFound) throw new UserError(error.message, EXIT_USAGE)
    throw error
  }
}
