import type { VFileMessage } from 'vfile-message'
import { problem } from '../problem.js'
import { appliedMotions } from '../protocol/applied-motions.js'
import { parseProtocol } from '../protocol/parse-protocol.js'
import { applyMotions, type MotionInput } from './apply-motions.js'

/**
 * Every problem with a motion: how it is written, and whether it applies to
 * its protocol's text (words found exactly once, paragraphs that exist, no
 * overlapping operations). An amendment is checked together with the motion
 * it amends.
 *
 * @param input the motion
 * @param protocolText its protocol's current text, or null when there is no such protocol
 * @param amended the motion it amends, when it is one and that motion was found
 * @returns the problems found in the motion file
 */
export function checkMotion(input: MotionInput, protocolText: string | null, amended: MotionInput | null): VFileMessage[] {
  const messages = input.motion.messages.filter((message) => !message.fatal)
  if (protocolText === null) {
    const reason = `Motion changes protocol \`${input.motion.protocol}\`, which does not exist (protocols/${input.motion.protocol}.md); set \`protocol:\` or move the file to amendments/<slug>/`
    return [...messages, problem(reason, { line: 1, column: 1 }, 'unknown-protocol')]
  }
  const applied = appliedMotions(parseProtocol(protocolText))
  if (input.motion.amends && applied.includes(input.motion.amends)) {
    const reason = `Motion amends \`${input.motion.amends}\`, which is already applied to protocol \`${input.motion.protocol}\`; an amendment applies only with the motion it amends, so this one can no longer be applied`
    return [...messages, problem(reason, { line: 1, column: 1 }, 'already-applied', 'warning')]
  }
  if (applied.includes(input.motion.id)) {
    // Its words have been replaced by now; `verify` (with the protocol's history) is what checks it.
    const reason = `Motion ${input.motion.id} is already applied to protocol \`${input.motion.protocol}\`; it is not checked against the current text`
    return [...messages, problem(reason, { line: 1, column: 1 }, 'already-applied', 'warning')]
  }
  if (input.motion.amends && !amended) {
    const reason = `Motion amends \`${input.motion.amends}\`, which is not a motion beside it (${input.motion.amends}.md)`
    return [...messages, problem(reason, { line: 1, column: 1 }, 'unknown-motion')]
  }
  const result = applyMotions(protocolText, amended ? [amended, input] : [input])
  if ('problems' in result) messages.push(...result.problems.filter((found) => found.name === input.name).map((found) => found.message))
  return messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
}
