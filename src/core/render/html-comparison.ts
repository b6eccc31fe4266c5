import type { ComparedClause } from '../motion/compare-motions.js'
import { MarkedHtml } from './html-markdown.js'
import { htmlPage } from './html-page.js'
import { joinMarks } from './html-write.js'
import { SENTINEL_MARKS } from './markdown-tree.js'
import { type ComparedMotions, renderComparisonMarkdown } from './render-comparison.js'

/** One self-contained page: the Markdown comparison with real <del>/<ins>, every text escaped. */
export function renderComparisonHtml(motions: ComparedMotions, clauses: ComparedClause[]): string {
  const body = joinMarks(new MarkedHtml().blockNodes(renderComparisonMarkdown(motions, clauses, SENTINEL_MARKS)))
  return htmlPage({ title: `${motions.a.id} and ${motions.b.id} compared`, style: COMPARISON_STYLE, body })
}

const COMPARISON_STYLE = `
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; }
del { text-decoration: line-through; color: #a00; } ins { text-decoration: underline; color: #060; }
h2 { font-size: 1.1em; margin-top: 1.5em; }
@page { size: A4; margin: 2cm; }
@media print { body { margin: 0; max-width: none; } del, ins { color: #000; } }
`
