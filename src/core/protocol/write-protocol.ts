import type { Protocol } from './types.js'

/**
 * Write a protocol back to text. Every part keeps its source, so a file
 * keeling read comes back byte for byte; nothing goes through a Markdown
 * serializer that would escape `1.`, `<u>` or `~~`.
 */
export function writeProtocol(protocol: Protocol): string {
  let text = protocol.frontMatter.raw + protocol.lead
  for (const clause of protocol.all) text += clause.source + clause.trailing
  return text
}
