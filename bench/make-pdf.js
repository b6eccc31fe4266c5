// Writes a PDF of standing orders, as a council's office prints them: a
// running header and "Page N of M" on every page, numbered paragraphs wrapped
// to the measure, 10-point Helvetica (a standard font, so nothing embedded).
// Deterministic for a page count. Usage: node bench/make-pdf.js PAGES > big.pdf
const WORDS = 'members officers council shall may request information committee chairman meeting notice motion amendment quorum clerk business the of and to in for with by any which'.split(' ')

/** A PDF of `pages` pages: its bytes, and how many clauses (headings and numbered paragraphs) it prints. */
export function makePdf(pages) {
  let seed = pages
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  const word = () => WORDS[Math.floor(next() * WORDS.length)]
  const escape = (text) => text.replace(/[\\()]/g, (c) => `\\${c}`)
  // The text as lines [gap before, text, size], then set on the pages: paragraphs run on across page breaks.
  const lines = []
  let section = 0
  while (lines.length < pages * 60) {
    section++
    lines.push([12, `${section}. ${word()[0].toUpperCase()}${word().slice(1)} and ${word()}`, 12])
    const clauses = 4 + Math.floor(next() * 12)
    for (let clause = 1; clause <= clauses; clause++) {
      const words = Array.from({ length: 20 + Math.floor(next() * 60) }, word)
      let line = `${section}.${clause} ${words[0][0].toUpperCase()}${words[0].slice(1)}`
      let gap = 8
      for (const w of words.slice(1)) {
        if ((line + w).length > 88) {
          lines.push([gap, line, 10])
          gap = 0
          line = w
        } else line += ` ${w}`
      }
      lines.push([gap, `${line}.`, 10])
    }
  }
  const streams = []
  let at = 0
  for (let page = 1; page <= pages; page++) {
    const text = ['BT /F1 9 Tf 180 810 Td (Anytown Town Council - Standing Orders) Tj ET']
    let y = 782
    for (let first = true; at < lines.length; first = false, at++) {
      const [gap, line, size] = lines[at]
      const step = 12 + (first ? 0 : gap)
      if (y - step < 72) break
      y -= step
      text.push(`BT /F1 ${size} Tf 72 ${y} Td (${escape(line)}) Tj ET`)
    }
    text.push(`BT /F1 9 Tf 270 40 Td (Page ${page} of ${pages}) Tj ET`)
    streams.push(text.join('\n'))
  }
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>']
  const kids = []
  streams.forEach((stream) => {
    objects.push(`<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`)
    const contents = objects.length
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contents} 0 R >>`)
    kids.push(`${objects.length} 0 R`)
  })
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`
  let out = '%PDF-1.4\n'
  const offsets = []
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out))
    out += `${index + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out)
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  // Every heading and the first line of every paragraph has a gap before it; a wrapped line has none.
  return { bytes: Buffer.from(out, 'latin1'), clauses: lines.slice(0, at).filter(([gap]) => gap > 0).length }
}

if (process.argv[1]?.endsWith('make-pdf.js')) process.stdout.write(makePdf(Number(process.argv[2] ?? 200)).bytes)
