/**
 * A text as a reader has it, by the tests' own reading (not keeling's): no front matter, no ID anchors, links
 * as their words, exactly as written otherwise.
 */
export function readersText(text: string): string {
  const body = text.startsWith('---\n') ? text.slice(text.indexOf('\n---\n', 4) + 5) : text
  return body
    .replace(/<a id="[^"]*"><\/a>/g, '')
    .replace(/\[([^\]\n]*)\]\(#[^)\s]*\)/g, '$1')
    .trim()
}
