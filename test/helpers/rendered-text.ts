/**
 * Reading keeling's Word and HTML appendices back as a reader would after accepting (or rejecting) every
 * change, and a Markdown text's words as a reader has them: the oracles of issue 18's round trips.
 */

/** A Word document's text after Accept All (or Reject All): the runs of the other side go; paragraphs, tabs and bullets are spaces. */
export function wordDocumentText(xml: string, side: 'accept' | 'reject'): string {
  const gone = side === 'accept' ? 'del' : 'ins'
  const body = xml.replace(new RegExp(`<w:${gone} [^>]*[^/]>[\\s\\S]*?</w:${gone}>`, 'g'), '')
  const runs = body.match(/<(?:w:t|w:delText)(?: [^>]*)?>[^<]*<\/(?:w:t|w:delText)>|<\/w:p>|<w:tab\/>|<w:br\/>/g) ?? []
  return decodeXml(runs.map((run) => (run === '</w:p>' || run === '<w:tab/>' || run === '<w:br/>' ? ' ' : run.replace(/<[^>]+>/g, ''))).join(''))
    .replace(/•/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * The HTML appendix's text after accepting (or rejecting) every change, as a browser shows it: an ordered list's
 * items with their numbers; keeling's notes of moves and references to its notes go.
 */
export function htmlText(html: string, side: 'accept' | 'reject'): string {
  const gone = side === 'accept' ? 'del' : 'ins'
  return decodeXml(
    numberListItems(
      html
        .replace(/<p class="note">[\s\S]*?<\/p>/g, '')
        .replace(/<sup class="ref">[\s\S]*?<\/sup>/g, '')
        .replace(new RegExp(`<${gone}>[\\s\\S]*?</${gone}>`, 'g'), '')
    )
      .replace(/<\/(?:p|li|h\d|td|th|div|pre)>|<br>|<hr>/g, ' ')
      .replace(/<[^>]+>/g, '')
  )
    .replace(/\s+/g, ' ')
    .trim()
}

/** Each `<li>` of an `<ol>` given the number a browser shows before it (`start` counted from). */
function numberListItems(html: string): string {
  const lists: Array<number | null> = []
  return html.replace(/<(\/?)(ol|ul|li)(?: start="(\d+)")?>/g, (tag: string, closing: string, name: string, start: string | undefined) => {
    if (name === 'li') {
      const next = lists.at(-1)
      if (closing || next === null || next === undefined) return tag
      lists[lists.length - 1] = next + 1
      return `${tag}${next}. `
    }
    if (closing) lists.pop()
    else lists.push(name === 'ol' ? Number(start ?? 1) : null)
    return tag
  })
}

/**
 * A Markdown text's words, read without keeling: whitespace and Markdown's own syntax are not words (a heading's
 * `#`s, list bullets and a quote's `>` (indented three spaces at most: a line indented four after a blank line is code, its `*` a word), `**`, backslash escapes, rules, footnote labels `[^…]` and `[^…]:`).
 */
export function markdownWords(markdown: string): string[] {
  return readWords(
    markdown
      .replace(/^[ \t]*(?:-{3,}|\*{3,})[ \t]*$/gm, '')
      .replace(/^[ \t]*#{1,6}[ \t]+|^ {0,3}(?:[-*+>](?:[ \t]+|$))+/gm, '')
      .replace(/\*\*/g, '')
      .replace(/\\([!-/:-@[-`{-~])/g, '$1')
  )
}

/** A rendering's words; a footnote label shown as written (`[^…]`) is no word, as in {@link markdownWords}. */
export function readWords(text: string): string[] {
  return text.replace(/\[\^[^\]\s]+\]:?/g, ' ').split(/\s+/).filter(Boolean)
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&')
}
