// The Node peers of `keeling diff` in bench/bench-diff.js, each a whole
// process as a user would run it: `node bench/peers.js TOOL A B`.
//   jsdiff  — jsdiff's diffWords over the whole text, printed wdiff-style
//   dmp     — diff-match-patch in word mode (words as characters), printed wdiff-style
//   floor   — start Node, read both files, tokenize them: the least any Node tool does
import { readFileSync } from 'node:fs'
import { diffWords } from 'diff'
import DiffMatchPatch from 'diff-match-patch'

const [tool, a, b] = process.argv.slice(2)
const before = readFileSync(a, 'utf8')
const after = readFileSync(b, 'utf8')
const out = []
const mark = (removed, added, text) => (removed ? `[-${text}-]` : added ? `{+${text}+}` : text)

if (tool === 'jsdiff') {
  for (const change of diffWords(before, after)) out.push(mark(change.removed, change.added, change.value))
} else if (tool === 'dmp') {
  // diff-match-patch's documented word mode: map each word to one character, diff, map back.
  const dmp = new DiffMatchPatch()
  dmp.Diff_Timeout = 0
  const words = []
  const index = new Map()
  const encode = (text) =>
    (text.match(/\s+|[^\s]+/g) ?? [])
      .map((word) => {
        if (!index.has(word)) {
          index.set(word, words.length)
          words.push(word)
        }
        return String.fromCharCode(index.get(word) + 1)
      })
      .join('')
  const diffs = dmp.diff_main(encode(before), encode(after), false)
  for (const [op, text] of diffs) out.push(mark(op === -1, op === 1, [...text].map((char) => words[char.charCodeAt(0) - 1]).join('')))
} else if (tool === 'floor') {
  const tokens = (text) => text.split(/\s+/).length
  out.push(`${tokens(before)} ${tokens(after)}\n`)
} else {
  console.error(`usage: node bench/peers.js jsdiff|dmp|floor A B`)
  process.exit(2)
}
process.stdout.write(out.join(''))
