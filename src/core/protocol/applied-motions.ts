import type { Protocol } from './types.js'

/** The IDs of the motions already applied to a protocol, from its front matter (`applied:`). */
export function appliedMotions(protocol: Protocol): string[] {
  const value = protocol.frontMatter.data['applied']
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}

/**
 * Record in the front matter that motions were applied: their IDs appended
 * to the `applied:` list, every other byte of the file kept as it was.
 *
 * @param text a protocol with front matter
 * @param ids the motions applied, in order
 */
export function recordApplied(text: string, ids: string[]): string {
  if (ids.length === 0 || !text.startsWith('---')) return text
  const close = text.indexOf('\n---', 3)
  if (close < 0) return text
  const head = text.slice(0, close + 1)
  const items = ids.map((id) => `  - ${id}\n`).join('')
  const list = /^applied:[ \t]*\n((?:[ \t]+-[^\n]*\n)*)/m.exec(head)
  if (list) {
    const at = list.index + list[0].length
    return text.slice(0, at) + items + text.slice(at)
  }
  return `${head}applied:\n${items}${text.slice(close + 1)}`
}
