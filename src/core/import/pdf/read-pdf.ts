import type { ImportFailure } from '../types.js'
import type { ReadDocument } from '../read-document.js'
import { layOutPages, type PageText, type TextPiece } from './lay-out-pages.js'
import { loadPdfjs } from './load-pdfjs.js'

/** The text layer of pdfjs's `getTextContent`, as much of it as the reader uses. */
interface TextItemLike {
  str?: string
  transform?: number[]
  width?: number
  height?: number
}

/**
 * Read a PDF's text layer (PDF.js) as the lines the text importer reads, in
 * reading order (two-column pages left column first), with running headers,
 * footers and page numbers removed, hyphenated line ends rejoined and
 * paragraphs split where the page leaves a gap. Places are "page P, line L".
 * A PDF that needs a password, or has no text layer (a scan), is refused.
 */
export async function readPdf(bytes: Uint8Array): Promise<ReadDocument | { failure: ImportFailure }> {
  const pdfjs = await loadPdfjs()
  let document: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>
  try {
    // PDF.js takes the bytes over; give it a copy so the caller's buffer is left as it was.
    document = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false }).promise
  } catch (error) {
    const name = error instanceof Error ? error.name : ''
    if (name === 'PasswordException') {
      return { failure: { reason: 'the PDF is encrypted and needs a password to open; open it with the password and save or print an unprotected copy, then import that', code: 'encrypted-document' } }
    }
    const detail = error instanceof Error ? error.message : String(error)
    return { failure: { reason: `the PDF cannot be read (${detail}); open it and save or print it again as PDF, or save it as text`, code: 'damaged-document' } }
  }
  try {
    const pages: PageText[] = []
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number)
      const view = page.getViewport({ scale: 1 })
      const content = await page.getTextContent()
      pages.push({ width: view.width, height: view.height, pieces: pieces(content.items as TextItemLike[], view.transform) })
      page.cleanup()
    }
    const characters = pages.reduce((sum, page) => sum + page.pieces.reduce((count, piece) => count + piece.text.trim().length, 0), 0)
    if (characters < 20 * Math.max(1, Math.min(pages.length, 5))) {
      return { failure: { reason: 'the PDF has no text layer (it is a scanned image, or its text is drawn as shapes): run it through OCR (for example `ocrmypdf`) and import the result, or import the document it was made from', code: 'no-text-layer' } }
    }
    return layOutPages(pages)
  } finally {
    await document.destroy()
  }
}

/** The page's text pieces in page coordinates: y down from the top of the page, sizes in points. */
function pieces(items: TextItemLike[], viewport: number[]): TextPiece[] {
  const [a = 1, b = 0, c = 0, d = -1, e = 0, f = 0] = viewport
  const found: TextPiece[] = []
  for (const item of items) {
    const text = item.str ?? ''
    const transform = item.transform
    if (text === '' || !transform) continue
    const [ta = 0, tb = 0, , td = 0, tx = 0, ty = 0] = transform
    // Text set at an angle (a watermark, a rotated label) is not the document's running text.
    if (Math.abs(tb) > 0.01 * Math.abs(ta) + 0.01) continue
    const x = a * tx + c * ty + e
    const y = b * tx + d * ty + f
    const size = Math.abs(td) || item.height || 10
    found.push({ text, x, y, width: item.width ?? 0, size })
  }
  return found
}
