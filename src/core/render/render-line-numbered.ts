import { LINE_WIDTH, type NumberedLine, numberLines } from '../motion/line-numbers.js'
import { parseProtocol } from '../protocol/parse-protocol.js'
import { escapeHtml } from './markdown-to-html.js'

/** What the numbers were made with, printed with the text so the numbering can be made again. */
function settings(width: number): string {
  return `Lines numbered through the text, at most ${width} characters a line.`
}

/**
 * A protocol's text with its lines numbered, as plain text: each line as
 * `numberLines` cuts it, its number right-aligned in a margin, a blank line
 * between paragraphs.
 */
export function renderLineNumberedText(text: string, width = LINE_WIDTH): string {
  const lines = numberLines(parseProtocol(text), width)
  const margin = String(lines.length).length
  const out: string[] = []
  for (const line of lines) {
    if (line.opensParagraph && out.length > 0) out.push('')
    out.push(`${String(line.number).padStart(margin)}  ${line.text}`.trimEnd())
  }
  return `${out.join('\n')}\n`
}

/**
 * A protocol's text with its lines numbered, as one print-ready A4 page:
 * the lines broken where `numberLines` breaks them (never by the browser),
 * each number in the margin beside its line, numbering running through the
 * text; the footer names the version, its hash and the line setting.
 */
export function renderLineNumberedHtml(text: string, label: string, footer: string, width = LINE_WIDTH): string {
  const protocol = parseProtocol(text)
  const lines = numberLines(protocol, width)
  const title = typeof protocol.frontMatter.data['title'] === 'string' ? (protocol.frontMatter.data['title'] as string) : label
  const body = lines.map((line) => lineHtml(line)).join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font: 10.5pt/1.5 Georgia, "Times New Roman", serif; margin: 2em auto; max-width: 48em; padding: 0 1em; color: #111; }
h1 { font-size: 1.4em; }
.line { display: flex; white-space: pre; break-inside: avoid; }
.line.opens { margin-top: 0.6em; }
.line.heading .words { font-weight: bold; }
.number { flex: 0 0 3em; text-align: right; padding-right: 1.2em; color: #555; font-variant-numeric: tabular-nums; user-select: none; }
footer { margin-top: 3em; border-top: 1px solid #999; padding-top: 0.5em; font-size: 0.85em; color: #444; white-space: normal; }
@page { size: A4; margin: 2cm 1.6cm; }
@media print { body { margin: 0; max-width: none; } }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<main>
${body}
</main>
<footer>${escapeHtml(`${footer} ${settings(width)}`)}</footer>
</body>
</html>
`
}

function lineHtml(line: NumberedLine): string {
  const classes = ['line', line.opensParagraph ? 'opens' : '', line.heading ? 'heading' : ''].filter(Boolean).join(' ')
  return `<div class="${classes}" id="line-${line.number}"><span class="number">${line.number}</span><span class="words">${escapeHtml(line.text)}</span></div>`
}
