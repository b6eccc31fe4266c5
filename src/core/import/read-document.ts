import { decodeText } from './decode-text.js'
import type { ImportFailure, ImportNote } from './types.js'

/** A document read as the lines the text importer reads, with where each line came from. */
export interface ReadDocument {
  text: string
  /** For each line of `text` (index = line − 1), the place a user finds it ("paragraph 12", "page 3, line 14"); absent for text files. */
  places?: string[]
  /** What the reader left out, joined or guessed, at lines of `text`. */
  notes: ImportNote[]
  /** The document's title, where its format marks one (Word's Title style). */
  title?: string
  /** Whether the reader laid the text out itself (Word, PDF): page furniture is gone and page breaks are joined. */
  laidOut?: boolean
}

/** What the file is, by its first bytes: a zip package (Word), a PDF, an old binary Office file, RTF, or text. */
export type FileKind = 'zip' | 'pdf' | 'ole' | 'rtf' | 'text'

/** How to read a document that is not plain text. */
export interface ReadOptions {
  acceptChanges: boolean
  /** Word: which tracked changes to read as accepted (the rest rejected), instead of refusing or accepting all. */
  accept?: (revision: { kind: 'insertion' | 'deletion'; author: string; date: string }) => boolean
}

/** The kind of a file by its signature, whatever its name says. */
export function fileKind(bytes: Uint8Array): FileKind {
  const starts = (...signature: number[]): boolean => signature.every((byte, index) => bytes[index] === byte)
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip'
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf'
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole'
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return 'rtf'
  return 'text'
}

/**
 * Read a document of any kind keeling imports — plain text or Markdown,
 * Word (.docx), PDF — as text lines for the importer. The Word and PDF
 * readers are loaded only when such a file is read.
 */
export async function readDocument(bytes: Uint8Array, options: ReadOptions): Promise<ReadDocument | { failure: ImportFailure }> {
  switch (fileKind(bytes)) {
    case 'zip': {
      const { readDocx } = await import('./docx/read-docx.js')
      return readDocx(bytes, options)
    }
    case 'pdf': {
      const { readPdf } = await import('./pdf/read-pdf.js')
      return readPdf(bytes)
    }
    case 'ole':
      return {
        failure: {
          reason:
            'this is a Word 97–2003 document (.doc) or a password-protected Office file; keeling reads .docx: open it in Word and save it as Word Document (.docx), or run `soffice --headless --convert-to docx FILE` (remove any password first)',
          code: 'unsupported-format'
        }
      }
    case 'rtf':
      return { failure: { reason: 'this is a Rich Text (.rtf) file; save it as Word (.docx) or plain text and import that', code: 'unsupported-format' } }
    case 'text': {
      const decoded = decodeText(bytes)
      if ('failure' in decoded) {
        const reason =
          decoded.failure === 'empty'
            ? 'the file is empty; nothing to import'
            : 'this is not text (binary, or not UTF-8), nor a Word or PDF document; save the document as plain text (UTF-8), Markdown, .docx or PDF and import that'
        return { failure: { reason, code: decoded.failure === 'empty' ? 'empty-file' : 'not-text' } }
      }
      return { text: decoded.text, notes: [] }
    }
  }
}
