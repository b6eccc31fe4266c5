/** Markdown read to its syntax tree (with a fast path for plain words), and the marks of struck and inserted words inside it. */
import type { Root, RootContent } from 'mdast'
import { remark } from 'remark'
import remarkGfm from 'remark-gfm'
import type { MarkdownMarks } from './render-markdown-diff.js'

/** Private-use characters that open and close struck and inserted runs inside Markdown text. */
export const MARK = { delOpen: '\uE000', delClose: '\uE001', insOpen: '\uE002', insClose: '\uE003', delBreak: '\uE004', insBreak: '\uE005' } as const

/** The same marks as the Markdown renderer's, for text that goes on through remark (HTML, Word). */
export const SENTINEL_MARKS: MarkdownMarks = { deleted: [MARK.delOpen, MARK.delClose], inserted: [MARK.insOpen, MARK.insClose] }

const processor = remark().use(remarkGfm)

/** Markdown (GitHub's dialect: tables, strike-through) to its syntax tree. */
export function parseMarkdown(markdown: string): Root {
  if (markdown === '') return { type: 'root', children: [] }
  if (isPlainText(markdown)) return { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: markdown }] }] }
  return processor.parse(markdown) as Root
}

/**
 * Whether Markdown is words only (and not empty): no character that can open a construct (emphasis, code, links, HTML, entities,
 * escapes, GFM's strike-through, tables and bare web and mail addresses), no line that opens a block (a list,
 * quote, heading, rule, setext underline or indented code), and no space at either end of a line (which the parser
 * takes off, and two of which end in a hard break). Such text reads as one paragraph of exactly its own text, so it
 * needs no parser: most clauses are such, and remark (micromark) costs about 0.15 ms a clause, 7 s of Word output for
 * 50,000 clauses. `test/render/plain-markdown.test.ts` checks the claim against remark.
 */
export function isPlainText(markdown: string): boolean {
  return markdown !== '' && !NOT_PLAIN.test(markdown)
}

// Any of: a character with a meaning inline, a control character (a tab, a carriage return, NUL), a line opening
// with a space or a block's marker (a digit for an ordered list), an empty line, a line ending in a space, the
// start of a bare address (`://`, `www.`, as GFM's autolink literals read them).
const NOT_PLAIN = /[\\`*_[\]<>&!#|~@\0-\t\v-\x1f]|(?:^|\n)[ \-+=:>0-9\n]|[ \n]$|[ ]\n|:\/\/|www\./i

/**
 * One line of Markdown read as a heading's words: a line that opens with `- `, `1. ` or `> ` is words here, not a
 * list or a quote (the heading `## I. - Die Grundrechte` keeps its dash). Text over several lines is read as blocks.
 */
export function parseInline(markdown: string): RootContent[] {
  if (!markdown.includes('\n')) {
    if (isPlainText(markdown)) return [{ type: 'text', value: markdown }]
    const heading = parseMarkdown(`# ${markdown}`).children[0]
    if (heading?.type === 'heading') return heading.children
  }
  return parseMarkdown(markdown).children
}

/** A clause number as Markdown reads it, its backslash escapes taken out (`2\.` is “2.”). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1')
}
