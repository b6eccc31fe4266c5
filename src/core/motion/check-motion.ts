import type { VFileMessage } from 'vfile-message'
import { problem } from '../problem.js'
import { appliedMotions } from '../protocol/applied-motions.js'
import { createParseCache, type ParseCache } from '../parse-cache.js'
import { applyMotions, type MotionInput } from './apply-motions.js'

/** What checking a motion found: its problems, and whether it is one the protocol already records as applied. */
export interface MotionCheck {
  messages: VFileMessage[]
  /** Listed under the protocol's `applied:`: a record now, not held to the current text (`verify` checks it against the history). */
  applied: boolean
}

/**
 * Every problem with a motion: how it is written, and whether it applies to
 * its protocol's text (words found exactly once, paragraphs that exist, no
 * overlapping operations). An amendment is checked together with the motion
 * it amends. A motion already applied is not a problem: its words have been
 * replaced by now, so only how it is written is checked.
 *
 * @param input the motion
 * @param protocolText its protocol's current text, or null when there is no such protocol
 * @param amended the motion it amends, when it is one and that motion was found
 * @param version the recorded version the protocol's text is, if it is one (a motion's `base:` may name it)
 * @param parse the command's parsed texts (a new cache when not given): a protocol checked with many motions is parsed once
 * @returns the problems found in the motion file, and whether it is already applied
 */
export function checkMotion(input: MotionInput, protocolText: string | null, amended: MotionInput | null, version = '', parse: ParseCache = createParseCache()): MotionCheck {
  const messages = input.motion.messages.filter((message) => !message.fatal)
  if (protocolText === null) {
    const reason = `Motion changes protocol \`${input.motion.protocol}\`, which does not exist (protocols/${input.motion.protocol}.md); set \`protocol:\` or move the file to amendments/<slug>/`
    return { messages: [...messages, problem(reason, { line: 1, column: 1 }, 'unknown-protocol')], applied: false }
  }
  const applied = appliedMotions(parse.protocol(protocolText))
  if (input.motion.amends && applied.includes(input.motion.amends)) {
    const reason = `Motion amends \`${input.motion.amends}\`, which is already applied to protocol \`${input.motion.protocol}\`; an amendment applies only with the motion it amends, so this one can no longer be applied`
    return { messages: [...messages, problem(reason, { line: 1, column: 1 }, 'already-applied', 'warning')], applied: false }
  }
  // Its words have been replaced by now; `verify` (with the protocol's history) is what checks it.
  if (applied.includes(input.motion.id)) return { messages, applied: true }
  if (input.motion.amends && !amended) {
    const reason = `Motion amends \`${input.motion.amends}\`, which is not a motion beside it (${input.motion.amends}.md)`
    return { messages: [...messages, problem(reason, { line: 1, column: 1 }, 'unknown-motion')], applied: false }
  }
  const result = applyMotions(protocolText, amended ? [amended, input] : [input], { version, parsed: parse })
  if ('problems' in result) messages.push(...result.problems.filter((found) => found.name === input.name).map((found) => found.message))
  return { messages: messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), applied: false }
}
