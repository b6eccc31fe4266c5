import type { ElementContent, Text } from 'hast'
import type { Nodes, Parents, RootContent, Table } from 'mdast'
import { type Handler, type Handlers, type State, toHast } from 'mdast-util-to-hast'
import { toString } from 'mdast-util-to-string'
import { h, text, writeHtml } from './html-write.js'
import { MARK, parseInline, parseMarkdown } from './markdown-tree.js'
import { parseSimpleMarkdown } from './parse-simple-markdown.js'

type Mark = 'none' | 'del' | 'ins'

/** Text nodes the page puts between blocks: never marked, whatever run they stand in. */
const between = new WeakSet<Text>()

function gap(value: string): Text {
  const node = text(value)
  between.add(node)
  return node
}

/** The hast of each of a node's children, each child as one node or several. */
function each(state: State, node: Parents): ElementContent[][] {
  return node.children.map((child) => {
    const result = state.one(child, node)
    return result === undefined ? [] : Array.isArray(result) ? result : [result]
  })
}

/** Block children one a line, as the HTML has always had them (an empty one still takes its line). */
function blockChildren(state: State, node: Parents): ElementContent[] {
  return each(state, node).flatMap((nodes, index) => (index === 0 ? nodes : [gap('\n'), ...nodes]))
}

const asText: Handler = (_state, node: Nodes) => text(toString(node))

/**
 * How each Markdown node is written. Every text reaches the page as a text node, escaped when the page is
 * written: raw HTML in a protocol is shown as text, links go only to web and mail addresses, images show
 * their description, a footnote's words stand where the note stands.
 */
const HANDLERS: Handlers = {
  root: (state, node: Parents) => blockChildren(state, node),
  text: (_state, node: { value: string }) => text(node.value),
  delete: (state, node: Parents) => h('s', {}, state.all(node)),
  inlineCode: (_state, node: { value: string }) => h('code', {}, [text(node.value)]),
  code: (_state, node: { value: string }) => h('pre', {}, [h('code', {}, [text(node.value)])]),
  html: (_state, node: { value: string }) => text(node.value),
  break: () => h('br'),
  blockquote: (state, node: Parents) => h('blockquote', {}, blockChildren(state, node)),
  list: (state, node: Parents & { ordered?: boolean | null; start?: number | null }) => {
    const start = node.ordered && node.start !== null && node.start !== undefined && node.start !== 1 ? { start: node.start } : {}
    return h(node.ordered ? 'ol' : 'ul', start, state.all(node))
  },
  listItem: (state, node: Parents & { spread?: boolean | null }) =>
    h(
      'li',
      {},
      node.children.flatMap((child) => {
        if (child.type === 'paragraph' && !node.spread) return state.all(child)
        const result = state.one(child, node)
        return result === undefined ? [] : Array.isArray(result) ? result : [result]
      })
    ),
  table: (state, node: Table) => {
    const [head, ...rows] = node.children
    const row = (cells: typeof head, tag: 'th' | 'td'): ElementContent[] => (cells ? [h('tr', {}, cells.children.map((cell) => h(tag, {}, state.all(cell))))] : [])
    return h('table', {}, [h('thead', {}, row(head, 'th')), h('tbody', {}, rows.flatMap((cells) => row(cells, 'td')))])
  },
  link: (state, node: Parents & { url: string }) => (/^(?:https?:|mailto:)/i.test(node.url) ? h('a', { href: node.url }, state.all(node)) : state.all(node)),
  image: (_state, node: { alt?: string | null }) => text(node.alt ?? ''),
  linkReference: asText,
  footnoteReference: asText,
  imageReference: asText,
  // A definition writes nothing but keeps its line, as it always has.
  definition: () => gap(''),
  // A note's words are the text's own (a statute's “Amtlicher Hinweis”): shown where the note stands.
  footnoteDefinition: (state, node: Parents) => h('div', { className: ['footnote'] }, blockChildren(state, node))
}

const OPTIONS = {
  handlers: HANDLERS,
  unknownHandler: (state: State, node: Nodes): ElementContent | ElementContent[] => ('children' in node ? state.all(node) : text(toString(node)))
}

/** The hast of Markdown nodes, with the handlers above. */
function markdownHast(nodes: RootContent[]): ElementContent[] {
  // Words only (most clauses, see isPlainText) need no handler: a text, or a paragraph of one, as the handlers write them.
  const only = nodes.length === 1 ? nodes[0] : undefined
  if (only?.type === 'text') return [text(only.value)]
  if (only?.type === 'paragraph' && only.children.length === 1 && only.children[0]?.type === 'text') return [h('p', {}, [text(only.children[0].value)])]
  const result = toHast({ type: 'root', children: nodes }, OPTIONS)
  return result.type === 'root' ? (result.children as ElementContent[]) : [result as ElementContent]
}

/** Any of the change marks. */
const MARKS = /[\uE000-\uE005]/

/** Whether a line break of run `kind` goes with its run: more of the run follows, or the run's words end at it and the other run starts. */
function opensRun(next: string | undefined, kind: 'del' | 'ins', written: Mark): boolean {
  const own = kind === 'del' ? MARK.delOpen : MARK.insOpen
  return next === own || ((next === MARK.delOpen || next === MARK.insOpen) && written === kind)
}

/**
 * Markdown (with change marks as private-use characters) to HTML through
 * hast (mdast-util-to-hast, hast-util-to-html), every piece of text escaped.
 * A struck or inserted run becomes `<del>` / `<ins>` inside each text node
 * it covers, so the marks always nest with the Markdown's own elements; a
 * run goes on from one call to the next, as it does through a clause.
 */
export class MarkedHtml {
  private state: Mark = 'none'

  /** A block of Markdown as hast. */
  blockNodes(markdown: string): ElementContent[] {
    return this.mark(markdownHast(parseSimpleMarkdown(markdown).children))
  }

  /** One line of Markdown read as inline text (a heading's title) as hast. */
  inlineNodes(markdown: string): ElementContent[] {
    const parts = parseInline(markdown).map((node) => (node.type === 'paragraph' || node.type === 'heading' ? markdownHast(node.children) : markdownHast([node])))
    return this.mark(parts.flatMap((nodes, index) => (index === 0 ? nodes : [gap(' '), ...nodes])))
  }

  /** Marked text outside Markdown (a clause number) as hast: its words, with their marks. */
  textNodes(value: string): ElementContent[] {
    if (!MARKS.test(value)) return value === '' ? [] : [this.state === 'none' ? text(value) : h(this.state, {}, [text(value)])]
    const out: ElementContent[] = []
    let run = ''
    let kind: Mark = this.state
    const flush = (): void => {
      if (run !== '') out.push(kind === 'none' ? text(run) : h(kind, {}, [text(run)]))
      run = ''
    }
    const chars = [...value]
    let written: Mark = this.state
    for (let index = 0; index < chars.length; index++) {
      const char = chars[index] ?? ''
      const next = char === MARK.delOpen ? 'del' : char === MARK.insOpen ? 'ins' : char === MARK.delClose || char === MARK.insClose ? 'none' : null
      if (char === MARK.delBreak || char === MARK.insBreak) {
        // A line break the paragraph goes on after is a space between words: followed by more words of its own run,
        // or ending words of its run where the other run starts, it goes with its run, so that neither side gains a
        // space (“Krankenbehandlung⏎sowie bei …” put in before “, die”); else it is a space on both sides, as in Word.
        const breaks = char === MARK.delBreak ? 'del' : 'ins'
        if (chars[index + 1] === '\n' && index + 2 < chars.length && opensRun(chars[index + 2], breaks, written)) {
          flush()
          out.push(h(breaks, {}, [text('\n')]))
          index++
        }
        continue
      }
      if (next === null) {
        run += char
        written = this.state
        continue
      }
      flush()
      this.state = next
      kind = next
    }
    flush()
    return out
  }

  /** HTML for a block of Markdown. */
  blocks(markdown: string): string {
    return writeHtml(this.blockNodes(markdown))
  }

  /** HTML for one line of Markdown read as inline text (a heading's title). */
  inline(markdown: string): string {
    return writeHtml(this.inlineNodes(markdown))
  }

  /** Marked text outside Markdown (a clause number): escaped, with its marks. */
  text(value: string): string {
    return writeHtml(this.textNodes(value))
  }

  /** Each text node, in the order it is read, as the words and runs its marks make. */
  private mark(nodes: ElementContent[]): ElementContent[] {
    return nodes.flatMap((node) => {
      if (node.type === 'text') return between.has(node) ? [node] : this.textNodes(node.value)
      if (node.type === 'element') node.children = this.mark(node.children)
      return [node]
    })
  }
}
