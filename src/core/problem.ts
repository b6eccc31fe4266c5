import { VFileMessage } from 'vfile-message'
import type { Point } from 'unist'

/**
 * A problem found in a user's file: what went wrong, where, what was
 * expected and how to fix it, under a stable kebab-case code.
 *
 * @param reason the message, ending with the fix
 * @param place where in the file (1-based line and column)
 * @param ruleId the stable code, such as `duplicate-clause-id`
 * @param severity `error` makes `check` fail; `warning` is reported only
 */
export function problem(
  reason: string,
  place: Pick<Point, 'line' | 'column'>,
  ruleId: string,
  severity: 'error' | 'warning' = 'error'
): VFileMessage {
  const message = new VFileMessage(reason, { place: { line: place.line, column: place.column }, ruleId, source: 'keeling' })
  message.fatal = severity === 'error'
  return message
}

/** Whether a message makes a command fail. */
export function isError(message: VFileMessage): boolean {
  return message.fatal === true
}
