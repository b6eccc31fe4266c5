// Measures applying one motion with many instructions to a 1 MB protocol, in-process:
// 500, 1,000, 2,000 and 10,000 word instructions, each on its own paragraph. Prints medians.
// Usage: node scripts/build.js && node bench/bench-apply.js
import { loadCore } from './load-core.js'
import { makeProtocol } from './make-protocol.js'

const RUNS = Number(process.env.RUNS ?? 3)
const { applyMotions, parseMotion, parseProtocol } = await loadCore({
  applyMotions: 'src/core/motion/apply-motions.ts',
  parseMotion: 'src/core/motion/parse-motion.ts',
  parseProtocol: 'src/core/protocol/parse-protocol.ts'
})

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const protocol = makeProtocol(1_000_000)
const numbered = parseProtocol(protocol).all.filter((clause) => /^\d+\.\d+$/.test(clause.number) && clause.kind === 'paragraph')
console.log(`protocol: ${(protocol.length / 1e6).toFixed(2)} MB, ${numbered.length} numbered paragraphs`)
for (const count of (process.env.COUNTS ?? '500,1000,2000,10000').split(',').map(Number)) {
  const lines = []
  for (let index = 0; lines.length < count && index < count * 20; index++) {
    const clause = numbered[index % numbered.length]
    // A word of the paragraph's own, at the position this instruction is the nth on it: each touches other words.
    // The kth word of the paragraph, named by which occurrence of it it is ("the third “council”"): no two overlap.
    const words = clause.source.replace(/^<a id="[^"]*"><\/a>\S+\s*/, '').split(/\s+/).map((word) => word.replace(/[.,;:]$/, ''))
    const k = 1 + Math.floor(index / numbered.length) * 2
    const word = words[k]
    const seen = words.slice(0, k + 1).filter((other) => other === word).length
    if (!word || !/^[a-z]{4,}$/.test(word) || seen > 10) continue
    const ordinal = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'][seen - 1]
    lines.push(`${lines.length + 1}. In paragraph ${clause.number}, leave out the ${ordinal} "${word}" and insert "${word.toUpperCase()}".`)
  }
  const text = `---\ntitle: Bench\nmover: Bench\n---\n\n${lines.join('\n')}\n`
  const samples = []
  let outcome = ''
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    const motion = parseMotion(text, 'bench', 'bench')
    const result = applyMotions(protocol, [{ motion, text, name: 'bench' }])
    samples.push(performance.now() - start)
    outcome = 'problems' in result ? `refused (${result.problems.length} problems: ${result.problems[0]?.message.reason.slice(0, 80)})` : 'applied'
  }
  console.log(`${String(lines.length).padStart(6)} instructions: ${median(samples).toFixed(0).padStart(7)} ms  ${outcome}`)
}
