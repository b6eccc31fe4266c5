import type { Heading, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast'
import { isPlainText, parseMarkdown } from './markdown-tree.js'

/**
 * Markdown to its syntax tree, as `parseMarkdown` reads it, without the parser for the shapes most clauses have:
 * paragraphs of words separated by blank lines (a line may open with a clause number, `3.1 Members …`, and lines
 * after the first may be indented by four spaces or more, as a statute's lines go on), headings of
 * words, tight bullet lists of one line an item, GFM tables of words, and links to a clause (`[3.1](#c3-1)`) among
 * the words. Anything else goes to remark. The tree is remark's own, positions
 * aside (the Word writer reads no positions); `test/render/simple-markdown.test.ts` holds the two side by side.
 * remark costs about 0.3 ms a clause that is not words only: 3.4 s of Word output for 50,000 clauses with lists and tables.
 *
 * @param markdown a clause's Markdown, possibly with keeling's change marks
 * @returns the syntax tree, without positions where it was read without the parser
 */
export function parseSimpleMarkdown(markdown: string): Root {
  return simpleMarkdownTree(markdown) ?? parseMarkdown(markdown)
}

/**
 * The tree of Markdown made only of the simple shapes `parseSimpleMarkdown` reads itself, or null for any other.
 *
 * @param markdown the Markdown
 * @returns remark's tree without positions, or null when the text has any other construct
 */
export function simpleMarkdownTree(markdown: string): Root | null {
  if (isPlainText(markdown)) return { type: 'root', children: [paragraph([{ type: 'text', value: markdown }])] }
  const children: RootContent[] = []
  let previousList = false
  for (const block of markdown.split('\n\n')) {
    const node = block.startsWith('|') ? tableBlock(block) : block.startsWith('- ') ? listBlock(block) : block.startsWith('#') ? headingBlock(block) : paragraphBlock(block)
    if (node === null) return null
    // Two lists with a blank line between them are one loose list.
    if (node.type === 'list' && previousList) return null
    previousList = node.type === 'list'
    children.push(node)
  }
  return { type: 'root', children }
}

function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children }
}

/**
 * A paragraph's lines, or null. A line after the first may be indented by four spaces or more, as a statute's
 * lines go on: inside a paragraph such a line opens no block (not even indented code), and the paragraph's text
 * has it without its indent (CommonMark 4.8). What follows the indent is read as any line of the paragraph.
 */
function paragraphBlock(block: string): Paragraph | null {
  const text = block.includes('\n    ') ? block.replace(CONTINUATION_INDENT, '\n') : block
  const content = phrasing(text, 'block')
  return content ? paragraph(content) : null
}

// A line's indent of four spaces or more; what follows must not be a space (the line's words open there).
const CONTINUATION_INDENT = /\n {4,}(?=[^ \n])/g

/** One line `#`…`######`, a space and words (no `#` among them, so no closing sequence). */
function headingBlock(block: string): Heading | null {
  const heading = /^(#{1,6}) ([^\n]*)$/.exec(block)
  const content = heading ? phrasing(heading[2] ?? '', 'inline') : null
  if (!heading || !content) return null
  return { type: 'heading', depth: (heading[1] ?? '').length as Heading['depth'], children: content }
}

/** Lines that each open with `- ` and hold words: a tight list of one-line items. */
function listBlock(block: string): List | null {
  const items: ListItem[] = []
  for (const line of block.split('\n')) {
    // An item opening with `[` may be a task (`- [ ] …`), one opening with a space is indented further.
    if (!line.startsWith('- ') || line[2] === '[') return null
    const content = phrasing(line.slice(2), 'block')
    if (!content) return null
    items.push({ type: 'listItem', spread: false, checked: null, children: [paragraph(content)] })
  }
  return { type: 'list', ordered: false, start: null, spread: false, children: items }
}

/** A header row, a delimiter row and rows, each `| … |` with as many cells of words as the header. */
function tableBlock(block: string): Table | null {
  const lines = block.split('\n')
  const delimiter = lines[1]
  if (delimiter === undefined) return null
  const rows = lines.map(cellsOf)
  const columns = rows[0]?.length ?? 0
  if (rows.some((cells) => cells === null || cells.length !== columns)) return null
  const align: Table['align'] = []
  for (const cell of rows[1] ?? []) {
    const marker = /^ *(:?)-+(:?) *$/.exec(cell)
    if (!marker) return null
    align.push(marker[1] ? (marker[2] ? 'center' : 'left') : marker[2] ? 'right' : null)
  }
  const tableRows: TableRow[] = []
  for (const [index, cells] of rows.entries()) {
    if (index === 1 || cells === null) continue
    const row: TableCell[] = []
    for (const cell of cells) {
      const content = phrasing(/^ *(.*?) *$/.exec(cell)?.[1] ?? '', 'inline')
      if (!content) return null
      row.push({ type: 'tableCell', children: content })
    }
    tableRows.push({ type: 'tableRow', children: row })
  }
  return { type: 'table', align, children: tableRows }
}

/** The cells of a line `| … | … |` as written between the pipes, or null. */
function cellsOf(line: string): string[] | null {
  if (line.length < 2 || !line.startsWith('|') || !line.endsWith('|')) return null
  return line.slice(1, -1).split('|')
}

/** A link to a clause: words for its text, `#` and an ID for its address. */
const CLAUSE_LINK = /\[([^\]\n]+)\]\((#[A-Za-z0-9_-]+)\)/g

/**
 * Words with links to clauses among them, as remark's inline nodes, or null for anything else. Each link is
 * read as a word (`x`) to check the rest: words only around it, and, where the text stands for blocks (a
 * paragraph, a list item), no line opening or ending in a way that makes it more than a paragraph.
 */
function phrasing(text: string, context: 'block' | 'inline'): PhrasingContent[] | null {
  const plain = context === 'block' ? isBlockText : isInlineText
  if (!text.includes('[')) return plain(text) ? [{ type: 'text', value: text }] : null
  const nodes: PhrasingContent[] = []
  let rest = ''
  let at = 0
  for (const match of text.matchAll(CLAUSE_LINK)) {
    const [whole, label = '', url = ''] = match
    if (!isInlineText(label)) return null
    if (match.index > at) nodes.push({ type: 'text', value: text.slice(at, match.index) })
    const link: Link = { type: 'link', title: null, url, children: [{ type: 'text', value: label }] }
    nodes.push(link)
    rest += `${text.slice(at, match.index)}x`
    at = match.index + whole.length
  }
  if (at < text.length) nodes.push({ type: 'text', value: text.slice(at) })
  rest += text.slice(at)
  return plain(rest) ? nodes : null
}

/**
 * Whether text read as blocks is one paragraph of words: `isPlainText`, but for a line that opens with a number
 * that cannot open an ordered list (`3.1 Members`, `12 members`: digits followed by neither `.` nor `)` and a
 * space), which is words as any other (most numbered clauses open so).
 */
function isBlockText(text: string): boolean {
  return isPlainText(/(?:^|\n)\d/.test(text) ? text.replace(NUMBER_OPENING_LINE, '$1x') : text)
}

// Digits at the start of a line, all of them (not followed by a digit), that are not a list's marker: up to nine
// digits followed by `.` or `)` and a space, a tab or the end of the line (CommonMark 5.2). Ten digits or more are
// left as they are, so that such a line is never called plain.
const NUMBER_OPENING_LINE = /(^|\n)\d{1,9}(?:(?![\d.)])|(?=[.)][^ \t\n]))/g

/**
 * Whether text inside a line (a table cell, a link's words) is words only: `isPlainText` without its rules for
 * the openings of lines, which mean nothing there (a cell or a link may open with a number); one line, no space
 * at either end.
 */
function isInlineText(text: string): boolean {
  return text !== '' && !NOT_INLINE.test(text)
}

const NOT_INLINE = /[\\`*_[\]<>&!#|~@\0-\x1f]|^ | $|:\/\/|www\./i
