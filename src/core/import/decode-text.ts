/** Why a file cannot be imported as text. */
export type DecodeFailure = 'empty' | 'binary'

/**
 * Turn a file's bytes into the text the importer reads: UTF-8, without a
 * byte order mark, with CRLF and lone CR line ends made LF. Tabs and curly
 * quotes are left as they are.
 *
 * @returns the text, or why the bytes are not importable text
 */
export function decodeText(bytes: Uint8Array): { text: string } | { failure: DecodeFailure } {
  if (bytes.includes(0)) return { failure: 'binary' }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return { failure: 'binary' }
  }
  // Control characters other than tab, newline, carriage return and form feed mean binary (judged on the
  // first 64 KB: a binary file shows itself there, and a large text is not scanned twice).
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0
  if (controls > 0 && controls * 100 > sample.length) return { failure: 'binary' }
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  if (text.includes('\f')) text = text.replace(/\f/g, '\n')
  if (text.trim() === '') return { failure: 'empty' }
  return { text }
}
