import type { Protocol } from './types.js'

/**
 * What writing a protocol takes: its front matter's text, the text before its first clause, and each clause's
 * source with the blank lines after it. A parsed {@link Protocol} is one; so is a protocol a motion has changed.
 */
export interface ProtocolParts {
  frontMatter: Pick<Protocol['frontMatter'], 'raw'>
  lead: string
  all: ReadonlyArray<{ source: string; trailing: string }>
}

/**
 * Write a protocol back to text. Every part keeps its source, so a file
 * keeling read comes back byte for byte; nothing goes through a Markdown
 * serializer that would escape `1.`, `<u>` or `~~`. `keeling apply` writes
 * the text it makes with this too.
 */
export function writeProtocol(protocol: ProtocolParts): string {
  let text = protocol.frontMatter.raw + protocol.lead
  for (const clause of protocol.all) text += clause.source + clause.trailing
  return text
}
