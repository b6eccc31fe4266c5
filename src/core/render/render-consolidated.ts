import { buildChangeSet, type ChangeSet } from '../diff/change-set.js'
import { readDiffDocument } from '../diff/diff-document.js'
import { MarkedHtml } from './html-markdown.js'
import { printPage } from './print-page.js'
import { renderMarkdownDiff } from './render-markdown-diff.js'

/** The text of a protocol with nothing marked: a change set of the text against itself. */
function unchanged(text: string, label: string): ChangeSet {
  return buildChangeSet(readDiffDocument(text), readDiffDocument(text), { before: label, after: label })
}

/**
 * A protocol's consolidated text as one clean A4 page: no marks, no IDs, and
 * a footer naming the version, its date, the approving body and the text's
 * hash, so that a printed copy can be checked against the record. (The Word
 * one is in render-consolidated-docx.ts, which loads no HTML writer.)
 */
export function renderConsolidatedHtml(text: string, label: string, footer: string): string {
  const changeSet = unchanged(text, label)
  const title = changeSet.after.title || label
  const body = new MarkedHtml().blockNodes(renderMarkdownDiff(changeSet))
  return printPage({ title, body, footer, style: `
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; } h3 { font-size: 1.1em; }
table { border-collapse: collapse; } th, td { border: 1px solid #999; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
footer { margin-top: 3em; border-top: 1px solid #999; padding-top: 0.5em; font-size: 0.85em; color: #444; }
@page { size: A4; margin: 2cm; }
@media print { body { margin: 0; max-width: none; } }
` })
}
