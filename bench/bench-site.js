// Measures building the website of one protocol with many clauses and versions, in-process (no disk):
// 20 sections of 25 paragraphs (520 clauses), and 10 versions after the first, each adopting a motion that
// changes five paragraphs. Prints the median time of buildSite, the pages and their size.
// Usage: node scripts/build.js && node bench/bench-site.js   (SECTIONS, VERSIONS, RUNS to change it)
import { loadCore } from './load-core.js'

const RUNS = Number(process.env.RUNS ?? 3)
const SECTIONS = Number(process.env.SECTIONS ?? 20)
const VERSIONS = Number(process.env.VERSIONS ?? 10)
const { applyMotions, parseMotion, buildSite, sha256, recordHash } = await loadCore({
  applyMotions: 'src/core/motion/apply-motions.ts',
  parseMotion: 'src/core/motion/parse-motion.ts',
  buildSite: 'src/core/site/build-site.ts',
  sha256: 'src/core/history/history.ts',
  recordHash: 'src/core/history/history.ts'
})

const lines = ['---', 'title: Big Standing Orders', 'slug: big', 'body: Big Council', '---', '']
for (let s = 1; s <= SECTIONS; s++) {
  lines.push(`## <a id="s${s}"></a>${s}. Section ${s}`, '')
  for (let c = 1; c <= 25; c++) lines.push(`<a id="c${s}-${c}"></a>${s}.${c} Members of section ${s} shall observe rule ${c} with care and diligence at every meeting of the council.`, '')
}
let text = lines.join('\n')
const records = []
const steps = []
const motions = new Map()
let previous = ''
const version = (label, from, adopted, body) => {
  const record = { record: 'version', label, date: `2025-02-${String(steps.length + 1).padStart(2, '0')}`, by: 'Big Council', from, motions: adopted, sha256: sha256(body), previous, format: '2' }
  previous = recordHash(record)
  records.push(record)
  return record
}
steps.push({ version: version('v0', '', [], text), motions: [], before: '', after: text })
for (let v = 1; v <= VERSIONS; v++) {
  const instructions = Array.from({ length: 5 }, (_, i) => `${i + 1}. In paragraph ${((v + i) % SECTIONS) + 1}.${((v * 3 + i) % 25) + 1}, leave out "care" and insert "care ${v}".`)
  const motionText = `---\ntitle: Motion ${v}\nmover: Cllr M${v}\n---\n\n${instructions.join('\n')}\n`
  const input = { motion: parseMotion(motionText, `m${v}`, 'big'), text: motionText, name: `m${v}.md` }
  const applied = applyMotions(text, [input], { version: `v${v - 1}` })
  if ('problems' in applied) throw new Error(applied.problems[0]?.message.reason)
  motions.set(`m${v}`, input)
  steps.push({ version: version(`v${v}`, `v${v - 1}`, [{ id: `m${v}`, sha256: sha256(motionText) }], applied.text), motions: [input], before: text, after: applied.text })
  text = applied.text
}
const protocol = { slug: 'big', text, history: { records, problems: [] }, steps, motions }
const samples = []
let files = new Map()
for (let run = 0; run < RUNS; run++) {
  const start = performance.now()
  files = buildSite([protocol], 'keeling bench')
  samples.push(performance.now() - start)
}
const median = [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]
const pages = [...files.keys()].filter((path) => path.endsWith('.html')).length
const bytes = [...files.values()].reduce((sum, file) => sum + file.length, 0)
console.log(`site of ${steps[0].after.split('<a id=').length - 1} clauses, ${steps.length} versions: ${pages} pages, ${(bytes / 1e6).toFixed(1)} MB, buildSite median ${median.toFixed(0)} ms of ${RUNS} runs`)
