// Measures reading a protocol (parse), checking it, and writing it back, at
// 1 MB and 10 MB, in-process; then the whole CLI (`keeling check`, `keeling
// show … CLAUSE`) as a user runs it. Prints medians of several runs.
// Usage: npm run bench   (builds first)
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadCore } from './load-core.js'
import { makeProtocol } from './make-protocol.js'

const RUNS = 7
const { parseProtocol, checkProtocol, writeProtocol } = await loadCore({
  parseProtocol: 'src/core/protocol/parse-protocol.ts',
  checkProtocol: 'src/core/protocol/check-protocol.ts',
  writeProtocol: 'src/core/protocol/write-protocol.ts'
})

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
function time(fn) {
  const samples = []
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    fn()
    samples.push(performance.now() - start)
  }
  return median(samples)
}
function timeCli(args, cwd) {
  const samples = []
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    const result = spawnSync(process.execPath, [join(process.cwd(), 'bin', 'keeling.js'), ...args], { cwd, encoding: 'utf8' })
    samples.push(performance.now() - start)
    if (result.status !== 0) throw new Error(`keeling ${args.join(' ')} exited ${result.status}: ${result.stderr}`)
  }
  return median(samples)
}

const rows = [['input', 'clauses', 'parse', 'check', 'write', '`keeling check`', '`keeling show … 5.3`']]
for (const [name, bytes] of [['100 KB', 1e5], ['1 MB', 1e6], ['10 MB', 1e7]]) {
  const text = makeProtocol(bytes)
  const protocol = parseProtocol(text)
  if (writeProtocol(protocol) !== text) throw new Error('round trip failed')
  const dir = mkdtempSync(join(tmpdir(), 'keeling-bench-'))
  mkdirSync(join(dir, 'protocols'))
  writeFileSync(join(dir, 'protocols', 'synthetic.md'), text)
  rows.push([
    `${name} (${(text.length / 1e6).toFixed(2)} MB)`,
    String(protocol.all.length),
    `${time(() => parseProtocol(text)).toFixed(0)} ms`,
    `${time(() => checkProtocol(parseProtocol(text), 'synthetic')).toFixed(0)} ms`,
    `${time(() => writeProtocol(protocol)).toFixed(0)} ms`,
    `${timeCli(['check', 'synthetic'], dir).toFixed(0)} ms`,
    `${timeCli(['show', 'synthetic', '5.3', '--format', 'text'], dir).toFixed(0)} ms`
  ])
  rmSync(dir, { recursive: true, force: true })
}
const version = timeCli(['--version'], process.cwd())

console.log(`Node ${process.version}, ${RUNS} runs each, medians\n`)
rows.splice(1, 0, rows[0].map(() => '---'))
for (const row of rows) console.log(`| ${row.join(' | ')} |`)
console.log(`\n\`keeling --version\`: ${version.toFixed(0)} ms`)
