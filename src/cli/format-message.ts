import type { VFileMessage } from 'vfile-message'

/** `file:line:col: error: message [code]`, one line, the form editors and CI read. */
export function formatMessage(file: string, message: VFileMessage): string {
  const severity = message.fatal ? 'error' : 'warning'
  return `${file}:${message.line ?? 1}:${message.column ?? 1}: ${severity}: ${message.reason} [${message.ruleId ?? 'keeling'}]`
}

/** A message as JSON: stable field names. */
export function messageToJson(file: string, message: VFileMessage): Record<string, unknown> {
  return {
    file,
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity: message.fatal ? 'error' : 'warning',
    code: message.ruleId ?? 'keeling',
    message: message.reason
  }
}
