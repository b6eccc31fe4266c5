import type { Paper, PaperBlock } from '../paper/build-paper.js'
import { DIFF_STYLE, renderHtmlClauses } from './render-html-diff.js'
import { renderMarkdownDiff } from './render-markdown-diff.js'
import { MarkedHtml } from './html-markdown.js'
import { escapeHtml } from './markdown-to-html.js'

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

/**
 * The report as one self-contained A4 page for print: the heading facts,
 * numbered paragraphs with hanging numbers, the appendix from a new page
 * with struck and inserted words, page numbers at the foot of each printed
 * page. Every text from PAPER.yml and the records is escaped; no script,
 * no request.
 */
export function renderPaperHtml(paper: Paper): string {
  const front = paper.front.map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`).join('\n')
  const sections = paper.sections.map((section) => `<section>\n<h2>${escapeHtml(section.title)}</h2>\n${section.blocks.map(htmlBlock).join('\n')}\n</section>`).join('\n')
  const { clauses, footnotes } = renderHtmlClauses(paper.appendix.changeSet)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(paper.title)}</title>
<style>${DIFF_STYLE}${PAPER_STYLE.replace('FOOTER', () => cssString(paper.footer))}</style>
</head>
<body>
<header class="paper-front">
${paper.council ? `<p class="council">${escapeHtml(paper.council)}</p>\n` : ''}<table class="front">
${front}
</table>
<h1>${escapeHtml(paper.title)}</h1>
</header>
<main class="report">
${sections}
</main>
<section class="appendix">
<h1>${escapeHtml(paper.appendix.title)}</h1>
<p class="compared"><del>Struck</del> words are left out; <ins>underlined</ins> words are inserted.</p>
${clauses}
${footnotes}
</section>
<footer class="paper-footer">${escapeHtml(paper.footer)}</footer>
</body>
</html>
`
}

function htmlBlock(block: PaperBlock): string {
  switch (block.type) {
    case 'paragraph':
      return `<div class="para" id="para-${block.number}"><span class="number">${block.number}.</span><div class="words">${keepLabelsWhole(new MarkedHtml().blocks(block.markdown))}</div></div>`
    case 'text':
      return `<div class="text">${new MarkedHtml().blocks(block.markdown)}</div>`
    case 'table': {
      const head = block.header.some((cell) => cell !== '') ? `<thead><tr>${block.header.map((cell) => `<th>${new MarkedHtml().inline(cell)}</th>`).join('')}</tr></thead>` : ''
      return `<table class="facts">${head}<tbody>${block.rows.map((cells) => `<tr>${cells.map((cell) => `<td>${new MarkedHtml().inline(cell)}</td>`).join('')}</tr>`).join('')}</tbody></table>`
    }
  }
}

/**
 * Version labels and motion IDs (council-2017-04-04, cwg-2017-04-25) kept on one line: a browser would break them
 * at their hyphens, and "council-" at a line's end reads as a word cut short. Only text between tags is touched.
 */
function keepLabelsWhole(html: string): string {
  return html.replace(/>([^<]+)</g, (_, text: string) => `>${text.replace(/(?<![\p{L}\p{N}&#-])[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*-\d+(?:-[\p{L}\p{N}]+)*(?![\p{L}\p{N}-])/gu, (label) => `<span class="label">${label}</span>`)}<`)
}

/** A text as a CSS string literal: quotes, backslashes and line ends escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (char) => `\\${char}`).replace(/[\n\r<>]/g, ' ')}"`
}

const PAPER_STYLE = `
.para .label { white-space: nowrap; }
.council { font-size: 1.35em; font-weight: bold; text-transform: uppercase; letter-spacing: 0.04em; margin: 0 0 1em; }
.front { border: none; margin-bottom: 1.5em; }
.front th, .front td { border: none; padding: 0.1em 1em 0.1em 0; }
.front th { font-weight: bold; white-space: nowrap; }
.report h2 { margin-top: 1.4em; break-after: avoid-page; }
h1, h2, h3 { break-after: avoid-page; }
.para { display: grid; grid-template-columns: 2.5em 1fr; margin: 0.6em 0; break-inside: avoid-page; }
.para .number { font-weight: normal; }
.para .words > :first-child { margin-top: 0; }
.para .words > :last-child { margin-bottom: 0; }
.para blockquote { margin: 0.6em 0 0.6em 1.5em; padding-left: 0.8em; border-left: 3px solid #ccc; }
table.facts { width: 100%; }
.appendix { break-before: page; margin-top: 3em; }
.paper-footer { margin-top: 3em; border-top: 1px solid #999; padding-top: 0.5em; font-size: 0.85em; color: #444; }
@page {
  @bottom-left { content: FOOTER; font: 8pt Georgia, serif; color: #444; width: 75%; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Georgia, serif; white-space: nowrap; width: 25%; }
}
@media print { .paper-footer { display: none; } .appendix { margin-top: 0; } }
`
