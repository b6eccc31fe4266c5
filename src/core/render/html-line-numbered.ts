import type { Element } from 'hast'
import { LINE_WIDTH, type LineNumbering, type NumberedLine } from '../motion/line-numbers.js'
import { parseProtocol } from '../protocol/parse-protocol.js'
import { h, lines, newline } from './html-write.js'
import { printPage } from './print-page.js'
import { pages, settings } from './render-line-numbered.js'

/**
 * A protocol's text with its lines numbered, as print-ready A4 pages: the
 * lines broken where `numberLines` breaks them (never by the browser), a
 * page after every LINES_PER_PAGE lines, each number in the margin beside its
 * line, running through the text or from 1 on each page; the footer names the
 * version, its hash and the print settings.
 */
export function renderLineNumberedHtml(text: string, label: string, footer: string, width = LINE_WIDTH, numbering: LineNumbering = 'running'): string {
  const protocol = parseProtocol(text)
  const title = typeof protocol.frontMatter.data['title'] === 'string' ? (protocol.frontMatter.data['title'] as string) : label
  const body = pages(text, width, numbering)
    .map((page, index) => h('section', { className: ['page'], ariaLabel: `Page ${index + 1}` }, [newline(), ...lines([h('p', { className: ['page-number'] }, `Page ${index + 1}`), ...page.map(lineHtml)]), newline()]))
  return printPage({ title, body: lines(body), footer: `${footer} ${settings(width, numbering)}`, style: LINE_STYLE })
}

const LINE_STYLE = `
body { font: 10pt/1.3 Georgia, "Times New Roman", serif; margin: 2em auto; max-width: 48em; padding: 0 1em; color: #111; }
h1 { font-size: 1.4em; }
.page + .page { margin-top: 2em; border-top: 1px dashed #aaa; }
.page-number { text-align: right; font-size: 0.85em; color: #444; margin: 0.5em 0; }
.line { display: flex; white-space: pre; break-inside: avoid; }
.line.opens { margin-top: 0.3em; }
.line.heading .words { font-weight: bold; }
.number { flex: 0 0 3em; text-align: right; padding-right: 1.2em; color: #555; font-variant-numeric: tabular-nums; user-select: none; }
footer { margin-top: 3em; border-top: 1px solid #999; padding-top: 0.5em; font-size: 0.85em; color: #444; white-space: normal; }
@page { size: A4; margin: 1.8cm 1.6cm; }
@media print {
  body { margin: 0; max-width: none; }
  h1 { margin: 0 0 0.3em; font-size: 1.2em; }
  .page + .page { margin-top: 0; border-top: none; break-before: page; }
  footer { break-before: avoid; }
}
`

function lineHtml(line: NumberedLine & { shown: number }): Element {
  const classes = ['line', line.opensParagraph ? 'opens' : '', line.heading ? 'heading' : ''].filter(Boolean)
  return h('div', { className: classes, id: `line-${line.number}` }, [h('span', { className: ['number'] }, String(line.shown)), h('span', { className: ['words'] }, line.text)])
}
