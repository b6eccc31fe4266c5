/**
 * The head of a protocol's history — the hash of its last record — kept in
 * the protocol's own front matter (`history-head: …`), where an edit of the
 * history alone cannot reach it: cutting off or changing the last record of
 * `history/SLUG.yml`, or deleting the file, shows as a head no record has.
 *
 * The line is not part of the protocol's text as a version: a version's
 * SHA-256, its stored text and every diff are of the file without it.
 */

/** The front matter key that holds the head. */
export const HEAD_KEY = 'history-head'

const FENCE = /^---[ \t]*\r?$/m
const HEAD_LINE = /^history-head:[ \t]*["']?([0-9a-f]{64})?["']?[ \t]*\r?\n/m

/** The front matter block (`---` … `---`) at the start of a text: its end offset, or -1 when there is none. */
function frontMatterEnd(text: string): number {
  const start = text.startsWith('\uFEFF') ? 1 : 0
  if (!/^---[ \t]*\r?\n/.test(text.slice(start))) return -1
  const open = text.indexOf('\n', start) + 1
  const match = FENCE.exec(text.slice(open))
  return match ? open + match.index : -1
}

/** The history head a protocol's front matter records, if any; `''` for a `history-head:` line with no hash. */
export function readHead(text: string): string | undefined {
  const end = frontMatterEnd(text)
  if (end === -1) return undefined
  const match = HEAD_LINE.exec(text.slice(0, end))
  return match ? (match[1] ?? '') : undefined
}

/** The protocol's text as a version: the file without its `history-head` line. */
export function withoutHead(text: string): string {
  const end = frontMatterEnd(text)
  if (end === -1) return text
  const match = HEAD_LINE.exec(text.slice(0, end))
  return match ? text.slice(0, match.index) + text.slice(match.index + match[0].length) : text
}

/**
 * The protocol's file for a version text and a history head: the text with
 * `history-head: HASH` as the last line of its front matter. A text with no
 * front matter is returned as it is (every protocol has one; `check` says so).
 */
export function withHead(text: string, head: string): string {
  const bare = withoutHead(text)
  const newline = bare.includes('\r\n') ? '\r\n' : '\n'
  const line = `${HEAD_KEY}: ${head}${newline}`
  const end = frontMatterEnd(bare)
  if (end === -1) return bare
  return bare.slice(0, end) + line + bare.slice(end)
}
