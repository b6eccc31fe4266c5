import type { Paper, PaperBlock } from '../paper/build-paper.js'
import { renderMarkdownDiff } from './render-markdown-diff.js'

/**
 * The report as Markdown: the heading facts, the numbered sections, then
 * the appendix in the house style (~~struck~~, <u>inserted</u>).
 */
export function renderPaperMarkdown(paper: Paper): string {
  const front = paper.front.map(([name, value]) => `**${name}:** ${oneLine(value)}`).join('\\\n')
  const sections = paper.sections.map((section) => `## ${section.title}\n\n${section.blocks.map(markdownBlock).join('\n\n')}`)
  const council = paper.council ? `**${oneLine(paper.council).toUpperCase()}**\n\n` : ''
  return `${council}${front}\n\n# ${oneLine(paper.title)}\n\n${sections.join('\n\n')}\n\n# ${oneLine(paper.appendix.title)}\n\n${renderMarkdownDiff(paper.appendix.changeSet)}`
}

function markdownBlock(block: PaperBlock): string {
  switch (block.type) {
    case 'paragraph': {
      const marker = `${block.number}. `
      const pad = ' '.repeat(marker.length)
      return marker + block.markdown.split('\n').map((line, index) => (index === 0 || line === '' ? line : pad + line)).join('\n')
    }
    case 'text':
      return block.markdown
    case 'table':
      return markdownTable(block.header, block.rows)
  }
}

/** A GFM table: each cell on one line, its pipes escaped, an empty cell kept open. */
export function markdownTable(header: string[], rows: string[][]): string {
  const row = (cells: string[]): string => `| ${cells.map((cell) => oneLine(cell).replace(/\|/g, '\\|') || ' ').join(' | ')} |`
  return [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n')
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ')
}
