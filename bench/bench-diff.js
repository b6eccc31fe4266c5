// `keeling diff` against the tools a user would otherwise run, whole process,
// on the synthetic constitutions (../shared/bench/gen-constitution.py,
// converted to keeling's format) and the real amendment pairs in
// ../shared/bench/pairs/. Several runs each; prints medians of wall time and
// peak RSS, and keeling's ratio to each peer, all measured in one run.
// Usage: npm run bench:diff [-- --write]   (--write also updates bench/RESULTS.md)
// RUNS=5 by default; peers missing from the machine are left out, and said so.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cacheDir, syntheticPair } from './synthetic.js'
import { mkdirSync } from 'node:fs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const RUNS = Number(process.env.RUNS ?? 5)
const TIMEOUT_S = Number(process.env.TIMEOUT_S ?? 60)
const pairsDir = join(root, '..', 'shared', 'bench', 'pairs')
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0

/** One run of a command: wall ms and peak RSS MB, or why it did not finish. */
function runOnce(command, args) {
  // timeout kills the tool itself (a timed-out peer must not go on loading the machine); time still sees its RSS.
  const started = process.hrtime.bigint()
  const result = spawnSync('/usr/bin/time', ['-f', '%M', 'timeout', '-s', 'KILL', String(TIMEOUT_S), command, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 })
  // Wall time to the millisecond from here (time's %e counts hundredths of a second).
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (result.error || result.signal || result.status === 137 || /terminated by signal/.test(result.stderr)) return { failed: `over ${TIMEOUT_S} s` }
  const line = result.stderr.trim().split('\n').at(-1) ?? ''
  const kb = Number(line)
  if (!Number.isFinite(kb)) return { failed: `no measure (${line})` }
  return { ms, mb: kb / 1024 }
}

/**
 * Median wall ms and peak RSS MB over RUNS of each command, or why it did not finish. The commands take turns
 * within each run (keeling, then each peer, then the floor), so that a change in the machine's load falls on all
 * of them and the ratios hold; a command that timed out once is not run again.
 */
function measureTogether(commands) {
  const walls = commands.map(() => [])
  const rss = commands.map(() => [])
  const failed = commands.map(() => null)
  for (let run = 0; run < RUNS; run++) {
    commands.forEach(([command, args], index) => {
      if (failed[index]) return
      const result = runOnce(command, args)
      if (result.failed) failed[index] = result.failed
      else {
        walls[index].push(result.ms)
        rss[index].push(result.mb)
      }
    })
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  return commands.map((_, index) => (failed[index] ? { failed: failed[index] } : { ms: median(walls[index]), mb: median(rss[index]) }))
}

// keeling's compile cache (src/start.ts) in a folder of the bench's: the first timed run of keeling diff fills it
// (the slowest of the first input's runs, so not its median), and the rest are runs of a command run before, as a
// clerk's mostly are. bench-render.js times first runs too.
process.env.KEELING_COMPILE_CACHE = join(cacheDir, 'compile-cache')

const helpers = join(root, 'bench', 'peers.js')
const tools = [
  { name: 'keeling diff', run: (a, b) => ['node', [join(root, 'bin', 'keeling.js'), 'diff', a, b, '--format', 'text']] },
  { name: 'git diff --word-diff', run: (a, b) => ['git', ['diff', '--no-index', '--no-color', '--word-diff=plain', a, b]], needs: 'git' },
  { name: 'wdiff', run: (a, b) => ['wdiff', [a, b]], needs: 'wdiff' },
  { name: 'dwdiff', run: (a, b) => ['dwdiff', [a, b]], needs: 'dwdiff' },
  { name: 'jsdiff diffWords (Node)', run: (a, b) => ['node', [helpers, 'jsdiff', a, b]] },
  { name: 'diff-match-patch (Node)', run: (a, b) => ['node', [helpers, 'dmp', a, b]] },
  { name: 'floor: Node start, read, tokenize', run: (a, b) => ['node', [helpers, 'floor', a, b]] }
].filter((tool) => !tool.needs || has(tool.needs))

const inputs = []
const synthetic = [
  ['synth-100k', 1e5, 50],
  ['synth-1m', 1e6, 500],
  ['synth-10m', 1e7, 5000]
]
for (const [name, bytes, edits] of synthetic) {
  const pair = syntheticPair(name, bytes, edits)
  if (pair) inputs.push({ name, before: pair.before, after: pair.after, group: 'size' })
}
// Any Markdown, aligned by content: the generator's own output (IDs as a trailing `{#c-000123}`, which keeling does not read as IDs).
for (const [name, bytes, edits] of synthetic.slice(1)) {
  const pair = syntheticPair(name, bytes, edits)
  if (pair) inputs.push({ name: `${name}, any Markdown (by content)`, before: pair.rawBefore, after: pair.rawAfter, group: 'content' })
}
for (const name of ['gg-art93', 'bgb-1631d', 'sgb5-png', 'bgb-2012-2021']) {
  const before = join(pairsDir, `${name}.before.md`)
  if (existsSync(before)) inputs.push({ name, before, after: join(pairsDir, `${name}.after.md`), group: 'real' })
}
for (const edits of [50, 5000, 50000]) {
  const pair = syntheticPair(`synth-1m-e${edits}`, 1e6, edits)
  if (pair) inputs.push({ name: `synth-1m, ${edits} edits`, before: pair.before, after: pair.after, group: 'edits' })
}
// The worst case: two unrelated 1 MB texts (constitutions from different seeds).
const other = syntheticPair('synth-1m-other', 1e6, 500, 99)
const first = syntheticPair('synth-1m', 1e6, 500)
if (other && first) inputs.push({ name: 'two unrelated 1 MB texts', before: first.before, after: other.after, group: 'edits' })
// The adversarial paragraph (issue 22): 60,000 random words from a vocabulary of 5,000, one line, a third of them
// upper-cased in the new text.
const paragraph = longParagraph()
inputs.push({ name: 'one paragraph of 60,000 words, 20,000 changed', before: paragraph.before, after: paragraph.after, group: 'edits' })
if (inputs.length === 0) {
  console.error(`no inputs: python3 and ${join('..', 'shared', 'bench')} are needed to make them`)
  process.exit(1)
}

const rows = []
for (const input of inputs) {
  const size = `${(readFileSync(input.before).length / 1e6).toFixed(2)} → ${(readFileSync(input.after).length / 1e6).toFixed(2)} MB`
  // jsdiff over a whole statute takes minutes: the table says so rather than waiting.
  const results = measureTogether(tools.map((tool) => tool.run(input.before, input.after)))
  rows.push({ input, size, results })
  process.stderr.write(`${input.name}: ${results.map((r, i) => `${tools[i].name} ${r.failed ?? `${Math.round(r.ms)} ms`}`).join(', ')}\n`)
}

const cell = (result) => (result.failed ? result.failed : `${Math.round(result.ms).toLocaleString('en')} / ${Math.round(result.mb)}`)
const ratio = (peer, keeling) => (peer.failed || keeling.failed ? '–' : `${(peer.ms / keeling.ms).toFixed(1)}×`)
const table = [
  `| input | size | ${tools.map((tool) => tool.name).join(' | ')} |`,
  `| --- | --- | ${tools.map(() => '---:').join(' | ')} |`,
  ...rows.map(({ input, size, results }) => `| ${input.name} | ${size} | ${results.map(cell).join(' | ')} |`)
].join('\n')
const ratios = [
  `| input | ${tools.slice(1).map((tool) => `${tool.name} ÷ keeling`).join(' | ')} |`,
  `| --- | ${tools.slice(1).map(() => '---:').join(' | ')} |`,
  ...rows.map(({ input, results }) => `| ${input.name} | ${results.slice(1).map((result) => ratio(result, results[0])).join(' | ')} |`)
].join('\n')
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
const report = `Median wall ms / peak RSS MB over ${RUNS} runs, whole process, the tools taking turns within each run, measured in one run on ${machine}.\n\n${table}\n\nTime of each peer over keeling's (above 1× means keeling is faster):\n\n${ratios}\n`
console.log(report)

if (process.argv.includes('--write')) {
  const path = join(root, 'bench', 'RESULTS.md')
  const old = existsSync(path) ? readFileSync(path, 'utf8') : ''
  const start = old.indexOf('<!-- bench:diff -->')
  const end = old.indexOf('<!-- /bench:diff -->')
  const block = `<!-- bench:diff -->\n${report}<!-- /bench:diff -->`
  writeFileSync(path, start >= 0 && end > start ? old.slice(0, start) + block + old.slice(end + '<!-- /bench:diff -->'.length) : `${old}${old ? '\n' : ''}${block}\n`)
  console.error(`wrote ${path} (inputs cached in ${cacheDir})`)
}

function longParagraph() {
  const before = join(cacheDir, 'paragraph-60k.before.md')
  const after = join(cacheDir, 'paragraph-60k.after.md')
  if (existsSync(before) && existsSync(after)) return { before, after }
  let seed = 22
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const vocabulary = Array.from({ length: 5000 }, (_, index) => `w${index.toString(36)}x`)
  const words = Array.from({ length: 60000 }, () => vocabulary[Math.floor(next() * vocabulary.length)])
  const changed = new Set()
  while (changed.size < 20000) changed.add(Math.floor(next() * words.length))
  mkdirSync(cacheDir, { recursive: true })
  writeFileSync(before, `${words.join(' ')}\n`)
  writeFileSync(after, `${words.map((word, index) => (changed.has(index) ? word.toUpperCase() : word)).join(' ')}\n`)
  return { before, after }
}
