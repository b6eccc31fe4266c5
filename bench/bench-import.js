// Measures `keeling import` as a user runs it: a 10 MB plain-text constitution
// (the synthetic protocol with its IDs taken out) and a 200-page PDF with a
// running header and page numbers (bench/make-pdf.js). Prints medians of
// several runs and checks each import found every clause.
// Usage: npm run bench:import   (builds first)
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makePdf } from './make-pdf.js'
import { makeProtocol } from './make-protocol.js'

const RUNS = 5
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const dir = mkdtempSync(join(tmpdir(), 'keeling-bench-import-'))

function timeImport(file) {
  const samples = []
  let clauses = 0
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    const result = spawnSync(process.execPath, [join(process.cwd(), 'bin', 'keeling.js'), 'import', file, '--as', 'big', '--force'], { cwd: dir, encoding: 'utf8' })
    samples.push(performance.now() - start)
    if (result.status !== 0) throw new Error(`keeling import ${file} exited ${result.status}: ${result.stderr.slice(-2000)}`)
    clauses = Number(/wrote \S+: (\d+) clause/.exec(result.stderr)?.[1] ?? 0)
  }
  return { ms: median(samples), clauses }
}

try {
  // About 10 MB once the IDs are taken out.
  const protocol = makeProtocol(10_900_000)
  const text = protocol.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/<a id="[^"]*"><\/a>/g, '').replace(/\]\(#[^)]*\)/g, ']')
  writeFileSync(join(dir, 'big.txt'), text)
  const expectedText = (protocol.match(/<a id="[^"]*"><\/a>/g) ?? []).length
  const pdf = makePdf(200)
  writeFileSync(join(dir, 'big.pdf'), pdf.bytes)
  const rows = [
    ['10 MB text', `${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB`, expectedText, timeImport('big.txt')],
    ['200-page PDF', `${(pdf.bytes.length / 1e6).toFixed(1)} MB`, pdf.clauses, timeImport('big.pdf')]
  ]
  console.log(`keeling import, median of ${RUNS} runs (Node ${process.version})\n`)
  console.log('| input | size | clauses expected | clauses found | `keeling import` |\n| --- | ---: | ---: | ---: | ---: |')
  for (const [name, size, expected, { ms, clauses }] of rows) console.log(`| ${name} | ${size} | ${expected} | ${clauses} | ${Math.round(ms)} ms |`)
  const wrong = rows.filter(([, , expected, { clauses }]) => expected !== clauses)
  if (wrong.length > 0) {
    console.error(`clause counts differ: ${wrong.map(([name]) => name).join(', ')}`)
    process.exitCode = 1
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
