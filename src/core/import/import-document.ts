import { importText, type ImportResult } from './import-text.js'
import { readDocument, type ReadOptions } from './read-document.js'
import type { ImportOptions } from './types.js'

/**
 * Import a document's bytes — plain text, Markdown, Word (.docx) or PDF —
 * as a protocol in keeling's format, as `keeling import` does (without
 * writing it). A Word or PDF document's lines are not the user's: each note
 * and a refusal then carry their `place` ("paragraph 12", "page 3, line 14").
 */
export async function importDocument(bytes: Uint8Array, options: ImportOptions & { acceptChanges?: boolean; accept?: ReadOptions['accept'] }): Promise<ImportResult> {
  const { acceptChanges, accept, ...rest } = options
  const document = await readDocument(bytes, { acceptChanges: acceptChanges === true, ...(accept ? { accept } : {}) })
  if ('failure' in document) return document
  const title = options.title ?? document.title
  const result = importText(document.text, { ...rest, ...(title !== undefined ? { title } : {}), ...(document.laidOut ? { pageFurniture: false } : {}) })
  const placeOf = (line: number): string | undefined => (document.places ? document.places[line - 1] || `line ${line} of the text read` : undefined)
  const placed = <Found extends { line?: number; place?: string }>(found: Found): Found => {
    const place = found.place ?? (found.line !== undefined ? placeOf(found.line) : undefined)
    return place !== undefined ? { ...found, place } : found
  }
  if ('failure' in result) return { failure: placed(result.failure) }
  const notes = [...document.notes, ...result.notes].map(placed).sort((a, b) => a.line - b.line)
  return { markdown: result.markdown, notes }
}
