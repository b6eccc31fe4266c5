import type { Element, ElementContent } from 'hast'
import type { Paper, PaperBlock } from '../paper/build-paper.js'
import { MarkedHtml } from './html-markdown.js'
import { htmlPage } from './html-page.js'
import { h, lines, newline, text } from './html-write.js'
import { DIFF_STYLE, htmlClauseNodes, marksSaid } from './render-html-diff.js'

/**
 * The report as one self-contained A4 page for print: the heading facts,
 * numbered paragraphs with hanging numbers, the appendix from a new page
 * with struck and inserted words, page numbers at the foot of each printed
 * page. Every text from PAPER.yml and the records is escaped; no script,
 * no request.
 */
export function renderPaperHtml(paper: Paper): string {
  const front = h('table', { className: ['front'] }, [
    newline(),
    ...lines(paper.front.map(([name, value]) => h('tr', {}, [h('th', { scope: 'row' }, name), h('td', {}, value)]))),
    newline()
  ])
  const header = h('header', { className: ['paper-front'] }, [newline(), ...(paper.council ? [h('p', { className: ['council'] }, paper.council), newline()] : []), front, newline(), h('h1', {}, paper.title), newline()])
  const sections = paper.sections.map((section) => h('section', {}, [newline(), ...lines([h('h2', {}, section.title), ...section.blocks.map(htmlBlock)]), newline()]))
  const report = h('main', { className: ['report'] }, [newline(), ...lines(sections), newline()])
  const { clauses, footnotes } = htmlClauseNodes(paper.appendix.changeSet)
  const appendix = h('section', { className: ['appendix'] }, [
    newline(),
    ...lines([h('h1', {}, paper.appendix.title), h('p', { className: ['compared'] }, marksSaid())]),
    newline(),
    ...clauses,
    newline(),
    footnotes ?? text(''),
    newline()
  ])
  const style = DIFF_STYLE + PAPER_STYLE.replace('FOOTER', () => cssString(paper.footer))
  return htmlPage({ title: paper.title, viewport: true, style, body: lines([header, report, appendix, h('footer', { className: ['paper-footer'] }, paper.footer)]) })
}

function htmlBlock(block: PaperBlock): Element {
  switch (block.type) {
    case 'paragraph':
      return h('div', { className: ['para'], id: `para-${block.number}` }, [
        h('span', { className: ['number'] }, `${block.number}.`),
        h('div', { className: ['words'] }, keepLabelsWhole(new MarkedHtml().blockNodes(block.markdown)))
      ])
    case 'text':
      return h('div', { className: ['text'] }, new MarkedHtml().blockNodes(block.markdown))
    case 'table': {
      const head = block.header.some((cell) => cell !== '') ? [h('thead', {}, [h('tr', {}, block.header.map((cell) => h('th', {}, new MarkedHtml().inlineNodes(cell))))])] : []
      const body = h('tbody', {}, block.rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, new MarkedHtml().inlineNodes(cell))))))
      return h('table', { className: ['facts'] }, [...head, body])
    }
  }
}

/** A version label or motion ID with a number in it (council-2017-04-04, cwg-2017-04-25), not part of a longer word. */
const LABEL = /(?<![\p{L}\p{N}#-])[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*-\d+(?:-[\p{L}\p{N}]+)*(?![\p{L}\p{N}-])/gu

/**
 * Version labels and motion IDs (council-2017-04-04, cwg-2017-04-25) kept on one line: a browser would break them
 * at their hyphens, and "council-" at a line's end reads as a word cut short. Only text nodes are touched.
 */
function keepLabelsWhole(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'element') {
      node.children = keepLabelsWhole(node.children)
      return [node]
    }
    if (node.type !== 'text') return [node]
    const parts: ElementContent[] = []
    let at = 0
    for (const match of node.value.matchAll(LABEL)) {
      if (match.index > at) parts.push(text(node.value.slice(at, match.index)))
      parts.push(h('span', { className: ['label'] }, match[0]))
      at = match.index + match[0].length
    }
    if (at === 0) return [node]
    if (at < node.value.length) parts.push(text(node.value.slice(at)))
    return parts
  })
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
