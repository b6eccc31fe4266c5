/**
 * PDF.js, an ES module kept outside keeling's bundles (it loads its worker from its own folder), loaded when a PDF
 * is read. The command line's bundle runs code compiled from V8's code cache (src/start.ts), and in Node 20 an
 * `import()` in such code fails ("A dynamic import callback was not specified"), so the command line hands in an
 * `import()` of its own module, which Node loads as any other (`loadPdfjsWith`).
 */
type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

const SPECIFIER = 'pdfjs-dist/legacy/build/pdf.mjs'

let load = (): Promise<Pdfjs> => import('pdfjs-dist/legacy/build/pdf.mjs')

/** PDF.js's module. */
export function loadPdfjs(): Promise<Pdfjs> {
  return load()
}

/** Load PDF.js with this `import()` from now on. */
export function loadPdfjsWith(importModule: (specifier: string) => Promise<unknown>): void {
  load = () => importModule(SPECIFIER) as Promise<Pdfjs>
}
