// The outputs a clerk waits for, as a user runs them (a new process each time), side by side in one run:
// Word output of a 50,000-clause diff (the generator's pair, and make-protocol.js's with lists and tables and
// many more changed words) beside its text output, Uttlesford's HTML paper, and `keeling --version` beside
// Node's own start, each also as a first run (an empty compile cache). Prints medians of wall time and peak RSS.
// Usage: npm run bench:render   (RUNS=5 by default)
//        BEFORE=/path/to/an/older/bin/keeling.js npm run bench:render   also times that build's Word output, each run
//        beside this build's (one after the other, run by run), for a before/after in one run
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cacheDir, syntheticPair } from './synthetic.js'
import { makeProtocol } from './make-protocol.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const RUNS = Number(process.env.RUNS ?? 5)
const keeling = join(root, 'bin', 'keeling.js')
const out = mkdtempSync(join(tmpdir(), 'keeling-bench-render-'))

const before = process.env.BEFORE
// keeling's compile cache (src/start.ts) in a folder of this run's, filled by each command's first run, which is
// not timed: the times are of a command run before, as a clerk's mostly are. The first run of a command, with
// an empty cache folder, is timed on its own rows.
const compileCache = join(out, 'compile-cache')

/**
 * Median wall ms and peak RSS MB over RUNS of each command (exit 0 or 1: 1 is "the texts differ"), run in turn within
 * each run, so that a change in the machine's load falls on all of them; each is run once, untimed, before.
 */
function measureTogether(commands, cwd = root, firstRuns = false) {
  const walls = commands.map(() => [])
  const rss = commands.map(() => [])
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600', KEELING_COMPILE_CACHE: compileCache }
  if (!firstRuns) for (const args of commands) spawnSync(args[0], args.slice(1), { cwd, maxBuffer: 1 << 30, env })
  for (let run = 0; run < RUNS; run++) {
    commands.forEach((args, index) => {
      // A first run: an empty cache folder, which the run fills (writing it is part of a first run's time).
      if (firstRuns) env.KEELING_COMPILE_CACHE = mkdtempSync(join(out, 'first-run-'))
      // Wall time to the millisecond from here (time's %e counts hundredths of a second, too coarse for a start-up).
      const started = process.hrtime.bigint()
      const result = spawnSync('/usr/bin/time', ['-f', '%M', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env })
      const wall = Number(process.hrtime.bigint() - started) / 1e6
      if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`)
      const kb = Number(result.stderr.trim().split('\n').at(-1))
      walls[index].push(wall)
      rss[index].push(kb / 1024)
    })
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  return commands.map((_, index) => ({ ms: median(walls[index]), mb: median(rss[index]) }))
}

/** make-protocol.js's protocol at 13 MB (51,645 clauses) and a copy with every 20th " council " in capitals. */
function madePair() {
  const before = join(cacheDir, 'made-13m.before.md')
  const after = join(cacheDir, 'made-13m.after.md')
  if (!existsSync(before) || !existsSync(after)) {
    const text = makeProtocol(1.3e7)
    let seen = 0
    writeFileSync(before, text)
    writeFileSync(after, text.replace(/ council /g, (words) => (seen++ % 20 === 0 ? ' COUNCIL ' : words)))
  }
  return { before, after }
}

const clauses = (path) => (readFileSync(path, 'utf8').match(/<a id="/g) ?? []).length
const pairs = []
const generated = syntheticPair('synth-13m', 1.32e7, 6600)
if (generated) pairs.push({ name: 'gen-constitution.py, 13.5 MB, 6,600 edits', ...generated })
pairs.push({ name: 'make-protocol.js, 13.1 MB, lists and tables, 37,455 words changed', ...madePair() })

const rows = []
for (const pair of pairs) {
  const label = `${pair.name} (${clauses(pair.before).toLocaleString('en')} clauses)`
  const commands = [
    ['node', keeling, 'diff', pair.before, pair.after, '--format', 'docx', '-o', join(out, 'diff.docx')],
    ['node', keeling, 'diff', pair.before, pair.after, '--format', 'text'],
    ...(before ? [['node', before, 'diff', pair.before, pair.after, '--format', 'docx', '-o', join(out, 'before.docx')]] : [])
  ]
  const [docx, text, old] = measureTogether(commands)
  rows.push([`\`diff --format docx\`, ${label}`, docx])
  rows.push([`\`diff --format text\`, the same pair`, text])
  if (old) rows.push([`\`diff --format docx\`, the same pair, with ${before}`, old])
  process.stderr.write(`${label}: docx ${Math.round(docx.ms)} ms, text ${Math.round(text.ms)} ms${old ? `, docx with BEFORE ${Math.round(old.ms)} ms` : ''}\n`)
}
const paper = ['node', keeling, 'paper', 'uttlesford', '--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25', '--meta', 'papers/council-2017-05-16.yml', '--format', 'html']
const [paperWarm, versionWarm, node] = measureTogether([paper, ['node', keeling, '--version'], ['node', '-e', '0']])
const [paperCold, versionCold] = measureTogether([paper, ['node', keeling, '--version']], root, true)
rows.push(['`paper uttlesford … --format html`', paperWarm])
rows.push(['the same, a first run (an empty compile cache)', paperCold])
rows.push(['`keeling --version`', versionWarm])
rows.push(['the same, a first run (an empty compile cache)', versionCold])
rows.push(['Node start (`node -e 0`)', node])
rmSync(out, { recursive: true, force: true })

console.log(`Median wall ms / peak RSS MB over ${RUNS} runs, whole process, in one run (Node ${process.version})\n`)
console.log('| command | wall ms | peak RSS MB |\n| --- | ---: | ---: |')
for (const [name, result] of rows) console.log(`| ${name} | ${Math.round(result.ms).toLocaleString('en')} | ${Math.round(result.mb)} |`)
