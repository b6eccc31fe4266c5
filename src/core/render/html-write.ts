import type { Element, ElementContent, Nodes, Properties, Root, Text } from 'hast'
import { toHtml } from 'hast-util-to-html'
import type { Raw } from 'mdast-util-to-hast'

/** A text node: its value is escaped when the tree is written, whatever it holds. */
export function text(value: string): Text {
  return { type: 'text', value }
}

/** A line break between elements, as the pages have always had them. */
export function newline(): Text {
  return { type: 'text', value: '\n' }
}

/** An element; a string child is a text node (escaped when written, never read as HTML). */
export function h(tagName: string, properties: Properties = {}, children: ReadonlyArray<ElementContent | string> | string = []): Element {
  if (typeof children === 'string') return { type: 'element', tagName, properties, children: [text(children)] }
  const list: ElementContent[] = []
  for (const child of children) list.push(typeof child === 'string' ? text(child) : child)
  return { type: 'element', tagName, properties, children: list }
}

/** Nodes with a line break between each two (no break before the first or after the last). */
export function lines(nodes: ReadonlyArray<ElementContent | string>): ElementContent[] {
  return nodes.flatMap((node, index) => (index === 0 ? [toNode(node)] : [newline(), toNode(node)]))
}

function toNode(node: ElementContent | string): ElementContent {
  return typeof node === 'string' ? text(node) : node
}

/**
 * How every page is written: named references for `&`, `<` and `"` (`&amp;`, `&lt;`, `&quot;`), as keeling has
 * always written them; `<br>` and `<meta …>` without a closing slash; attribute values in double quotes. A raw node
 * is written as it is: only {@link escapedFragment} makes one.
 */
const OPTIONS = { characterReferences: { useNamedReferences: true }, allowDangerousHtml: true } as const

/** A tree (or nodes) as HTML, every text node escaped. */
export function writeHtml(nodes: Nodes | ReadonlyArray<ElementContent>): string {
  const tree: Nodes = isNodes(nodes) ? nodes : ({ type: 'root', children: [...nodes] } satisfies Root)
  return toHtml(tree, OPTIONS)
}

function isNodes(nodes: Nodes | ReadonlyArray<ElementContent>): nodes is Nodes {
  return !Array.isArray(nodes)
}

/**
 * One struck or inserted run where Markdown's own nodes split it: two `<del>` (or two `<ins>`) side by side become
 * one, at every depth. Returns the same array, changed in place.
 */
export function joinMarks(nodes: ElementContent[]): ElementContent[] {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]
    if (node?.type !== 'element') continue
    joinMarks(node.children)
    const next = nodes[index + 1]
    if ((node.tagName === 'del' || node.tagName === 'ins') && next?.type === 'element' && next.tagName === node.tagName) {
      joinMarks(next.children)
      node.children.push(...next.children)
      nodes.splice(index + 1, 1)
      index--
    }
  }
  return nodes
}

/**
 * HTML that keeling's own code has already written with every text in it escaped (the site's pages, built as
 * strings with `escapeHtml`), put into a page as it is. Never for a text from a protocol, a motion or a record.
 */
export function escapedFragment(html: string): Raw {
  return { type: 'raw', value: html }
}
