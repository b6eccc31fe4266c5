import type { List, Nodes, Parent, Root, RootContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { parseSimpleMarkdown } from './parse-simple-markdown.js'

/**
 * Clause Markdown as a reader sees it: numbers and words, with no clause
 * IDs and no Markdown marks. Lists keep a bullet, tables line up in columns.
 *
 * @param markdown the clause (or clauses) as stored
 * @returns plain text, blocks separated by a blank line
 */
export function renderClauseText(markdown: string): string {
  const withoutIds = markdown.replace(/^(#{1,6}[ \t]+)?<a id="[^"]*"><\/a>/gm, '$1')
  const tree = parseSimpleMarkdown(withoutIds)
  dropHtml(tree)
  return tree.children
    .map(renderBlock)
    .filter((text) => text !== '')
    .join('\n\n')
}

function renderBlock(node: RootContent): string {
  switch (node.type) {
    case 'list':
      return renderList(node)
    case 'table':
      return renderTable(node)
    case 'blockquote':
      return node.children.map(renderBlock).join('\n\n').replace(/^/gm, '    ')
    case 'code':
      return node.value
    case 'thematicBreak':
    case 'definition':
    case 'html':
      return ''
    default:
      return toString(node)
  }
}

function renderList(list: List): string {
  const start = list.start ?? 1
  return list.children
    .map((item, index) => {
      const marker = list.ordered ? `${start + index}. ` : '• '
      const body = item.children.map(renderBlock).join('\n')
      return marker + body.replace(/\n/g, `\n${' '.repeat(marker.length)}`)
    })
    .join('\n')
}

function renderTable(table: Table): string {
  const rows = table.children.map((row) => row.children.map((cell) => toString(cell)))
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)))
  return rows.map((row) => row.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('  ').trimEnd()).join('\n')
}

/** Remove raw HTML (`<u>`, `</u>`, anchors) so only words remain. */
function dropHtml(node: Nodes): void {
  if (!('children' in node)) return
  const parent = node as Parent
  parent.children = parent.children.filter((child) => child.type !== 'html')
  for (const child of parent.children) dropHtml(child as Nodes)
}
