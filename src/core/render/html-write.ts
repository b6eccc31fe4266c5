import type { Element, ElementContent, Nodes, Properties, Root, Text } from 'hast'
import { toHtml } from 'hast-util-to-html'

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
  return { type: 'element', tagName, properties, children: typeof children === 'string' ? [text(children)] : nodes(children) }
}

/** Nodes and strings as nodes: each string a text node (escaped when written). */
export function nodes(list: ReadonlyArray<ElementContent | string>): ElementContent[] {
  return list.map(toNode)
}

/** What {@link lines} puts on one line: a node, a text, or several nodes side by side (none leaves the line empty). */
export type Line = ElementContent | string | ReadonlyArray<ElementContent | string>

/** Lines with a line break between each two (no break before the first or after the last). */
export function lines(list: ReadonlyArray<Line>): ElementContent[] {
  return list.flatMap((line, index) => (index === 0 ? onLine(line) : [newline(), ...onLine(line)]))
}

/** Parts with `separator` between each two, as in `a; b; c`. */
export function joined(parts: ReadonlyArray<Line>, separator: string): ElementContent[] {
  return parts.flatMap((part, index) => (index === 0 ? onLine(part) : [text(separator), ...onLine(part)]))
}

function onLine(line: Line): ElementContent[] {
  return isGroup(line) ? nodes(line) : [toNode(line)]
}

function isGroup(line: Line): line is ReadonlyArray<ElementContent | string> {
  return Array.isArray(line)
}

function toNode(node: ElementContent | string): ElementContent {
  return typeof node === 'string' ? text(node) : node
}

/**
 * How every page is written: named references for `&`, `<` and `"` (`&amp;`, `&lt;`, `&quot;`), as keeling has
 * always written them; `<br>` and `<meta …>` without a closing slash; attribute values in double quotes. No HTML
 * is let through as it is: a raw node, were one made, would be written as escaped text.
 */
const OPTIONS = { characterReferences: { useNamedReferences: true } } as const

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
