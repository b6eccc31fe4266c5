import type { Marshal } from '../marshal/types.js'
import { markdownBlocks, packDocx, revisionIds } from './render-docx-diff.js'
import { type MarshalHeading, renderMarshalMarkdown } from './render-marshal.js'

/**
 * The marshalled list as a Word document in the council's house style
 * (docx-house-style.ts): the list, the conflicts as a table, the order of
 * voting; "Page N of M" in the footer. Dated `date` (ISO 8601).
 */
export async function renderMarshalDocx(heading: MarshalHeading, marshal: Marshal, date: string): Promise<Uint8Array> {
  const ids = revisionIds()
  return packDocx(markdownBlocks(renderMarshalMarkdown(heading, marshal), ids), {
    title: `Marshalled list: ${heading.protocol}`,
    description: `${marshal.motions.length} amendments to ${heading.base}`,
    date,
    footer: `Marshalled list: ${heading.protocol}`,
    pageNumbers: true
  })
}
