import { buildChangeSet } from '../diff/change-set.js'
import { readDiffDocument } from '../diff/diff-document.js'
import { renderDocxDiff } from './render-docx-diff.js'

/**
 * The consolidated text as a Word document, clean, with the footer on every page. Apart from the HTML one
 * (render-consolidated.ts), so that `show --format docx` loads no HTML writer.
 */
export async function renderConsolidatedDocx(text: string, label: string, footer: string, date: string): Promise<Uint8Array> {
  // The text with nothing marked: a change set of the text against itself.
  const unchanged = buildChangeSet(readDiffDocument(text), readDiffDocument(text), { before: label, after: label })
  return renderDocxDiff(unchanged, { date, footer })
}
