import type { Nodes, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
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

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char)
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Whether a line break of run `kind` goes with its run: more of the run follows, or the run's words end at it and the other run starts. */
function opensRun(next: string | undefined, kind: 'del' | 'ins', written: 'none' | 'del' | 'ins'): boolean {
  const own = kind === 'del' ? MARK.delOpen : MARK.insOpen
  return next === own || ((next === MARK.delOpen || next === MARK.insOpen) && written === kind)
}

/**
 * Markdown (with change marks as private-use characters) to HTML, every
 * piece of text escaped: raw HTML in a protocol is shown as text, links go
 * only to web and mail addresses, images show their description.
 * A struck or inserted run becomes `<del>` / `<ins>` inside each text node
 * it covers, so the marks always nest with the Markdown's own elements.
 */
export class MarkedHtml {
  private state: 'none' | 'del' | 'ins' = 'none'

  /** HTML for a block of Markdown. */
  blocks(markdown: string): string {
    const tree = parseMarkdown(markdown)
    return tree.children.map((node) => this.node(node)).join('\n')
  }

  /** HTML for one line of Markdown read as inline text (a heading's title). */
  inline(markdown: string): string {
    return parseInline(markdown)
      .map((node) => (node.type === 'paragraph' || node.type === 'heading' ? this.children(node) : this.node(node)))
      .join(' ')
  }

  /** Marked text outside Markdown (a clause number): escaped, with its marks. */
  text(value: string): string {
    let html = this.state === 'none' ? '' : `<${this.state}>`
    const chars = [...value]
    let written: 'none' | 'del' | 'ins' = this.state
    for (let index = 0; index < chars.length; index++) {
      const char = chars[index] ?? ''
      const next = char === MARK.delOpen ? 'del' : char === MARK.insOpen ? 'ins' : char === MARK.delClose || char === MARK.insClose ? 'none' : null
      if (char === MARK.delBreak || char === MARK.insBreak) {
        // A line break the paragraph goes on after is a space between words: followed by more words of its own run,
        // or ending words of its run where the other run starts, it goes with its run, so that neither side gains a
        // space (“Krankenbehandlung⏎sowie bei …” put in before “, die”); else it is a space on both sides, as in Word.
        const kind = char === MARK.delBreak ? 'del' : 'ins'
        if (chars[index + 1] === '\n' && index + 2 < chars.length && opensRun(chars[index + 2], kind, written)) {
          html += `${this.state === 'none' ? '' : `</${this.state}>`}<${kind}>\n</${kind}>${this.state === 'none' ? '' : `<${this.state}>`}`
          index++
        }
        continue
      }
      if (next === null) {
        html += escapeHtml(char)
        written = this.state
        continue
      }
      if (this.state !== 'none') html += `</${this.state}>`
      this.state = next
      if (next !== 'none') html += `<${next}>`
    }
    if (this.state !== 'none') html += `</${this.state}>`
    return html.replace(/<(del|ins)><\/\1>/g, '')
  }

  private children(node: Nodes): string {
    return 'children' in node ? (node.children as Nodes[]).map((child) => this.node(child)).join('') : ''
  }

  private node(node: Nodes | RootContent): string {
    switch (node.type) {
      case 'text':
        return this.text(node.value)
      case 'paragraph':
        return `<p>${this.children(node)}</p>`
      case 'heading':
        return `<h${node.depth}>${this.children(node)}</h${node.depth}>`
      case 'emphasis':
        return `<em>${this.children(node)}</em>`
      case 'strong':
        return `<strong>${this.children(node)}</strong>`
      case 'delete':
        return `<s>${this.children(node)}</s>`
      case 'inlineCode':
        return `<code>${this.text(node.value)}</code>`
      case 'code':
        return `<pre><code>${this.text(node.value)}</code></pre>`
      case 'html':
        return this.text(node.value)
      case 'break':
        return '<br>'
      case 'thematicBreak':
        return '<hr>'
      case 'blockquote':
        return `<blockquote>${this.blockChildren(node)}</blockquote>`
      case 'list': {
        const tag = node.ordered ? 'ol' : 'ul'
        const start = node.ordered && node.start !== null && node.start !== undefined && node.start !== 1 ? ` start="${node.start}"` : ''
        return `<${tag}${start}>${node.children.map((item) => this.node(item)).join('')}</${tag}>`
      }
      case 'listItem':
        return `<li>${node.children.map((child) => (child.type === 'paragraph' && !node.spread ? this.children(child) : this.node(child))).join('')}</li>`
      case 'table': {
        const [head, ...rows] = node.children
        const cells = (row: typeof head, tag: 'th' | 'td'): string =>
          row ? `<tr>${row.children.map((cell) => `<${tag}>${this.children(cell)}</${tag}>`).join('')}</tr>` : ''
        return `<table><thead>${cells(head, 'th')}</thead><tbody>${rows.map((row) => cells(row, 'td')).join('')}</tbody></table>`
      }
      case 'link': {
        const safe = /^(?:https?:|mailto:)/i.test(node.url)
        return safe ? `<a href="${escapeHtml(node.url)}">${this.children(node)}</a>` : this.children(node)
      }
      case 'image':
        return this.text(node.alt ?? '')
      case 'linkReference':
      case 'footnoteReference':
      case 'imageReference':
        return this.text(toString(node))
      case 'definition':
        return ''
      case 'footnoteDefinition':
        // A note's words are the text's own (a statute's “Amtlicher Hinweis”): shown where the note stands.
        return `<div class="footnote">${this.blockChildren(node)}</div>`
      default:
        return 'children' in node ? this.children(node as Nodes) : this.text(toString(node))
    }
  }

  private blockChildren(node: Nodes): string {
    return 'children' in node ? (node.children as Nodes[]).map((child) => this.node(child)).join('\n') : ''
  }
}
