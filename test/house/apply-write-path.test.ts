import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { applyMotions } from '../../src/core/motion/apply-motions.js'
import { parseMotion } from '../../src/core/motion/parse-motion.js'
import { parseProtocol } from '../../src/core/protocol/parse-protocol.js'
import { writeProtocol } from '../../src/core/protocol/write-protocol.js'
import { type GeneratedClause, protocolArbitrary } from '../protocol/protocol-arbitrary.js'

// Issue 15: "The round-trip properties exercise `writeProtocol`, which production never calls (`apply-motions.ts`
// rebuilds the text inline)". apply now writes its text with writeProtocol; these properties hold that write path
// to the generated clauses, not to keeling's own output.

const HEAD = '---\ntitle: Generated\nslug: generated\n---\n\n'

/** A generated protocol with clause IDs a motion can name ("clause clause-3": an ID has a hyphen). */
const protocolWithIds = protocolArbitrary.map(({ clauses }) => {
  const renamed = clauses.map((clause, index) => ({ ...clause, id: `clause-${index}`, source: clause.source.replace(`<a id="${clause.id}"></a>`, `<a id="clause-${index}"></a>`) }))
  return { text: HEAD + renamed.map((clause) => clause.source).join('\n\n') + '\n', clauses: renamed }
})

/**
 * The word a generated paragraph opens with (after its anchor and number), when it occurs only once in it, and
 * the protocol numbers no two clauses alike (a duplicate number is an error apply refuses before any motion).
 */
function onlyOpeningWord(clauses: GeneratedClause[], target: GeneratedClause | undefined): string | undefined {
  if (target?.kind !== 'paragraph') return undefined
  const numbers = clauses.map((clause) => clause.number).filter((number) => number !== '')
  if (new Set(numbers).size !== numbers.length) return undefined
  const source = target.source
  const word = /^(?:#+ )?<a id="[^"]*"><\/a>(?:\S+ )?(Members|Officers|The|Nothing|Café)(?![\p{L}\p{N}])/u.exec(source)?.[1]
  if (word === undefined) return undefined
  const whole = new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'gu')
  return (source.match(whole) ?? []).length === 1 ? word : undefined
}

function motion(text: string): { motion: ReturnType<typeof parseMotion>; text: string; name: string } {
  return { motion: parseMotion(text, 'zebra', 'generated'), text, name: 'zebra.md' }
}

describe('apply writes its text through writeProtocol', () => {
  test.prop([protocolWithIds, fc.nat()])('one word changed, and every other clause byte for byte as generated, one blank line apart', ({ text, clauses }, pick) => {
    const target = clauses[pick % clauses.length]
    const word = onlyOpeningWord(clauses, target)
    fc.pre(target !== undefined && word !== undefined)
    if (!target || !word) return
    const result = applyMotions(text, [motion(`---\ntitle: Zebra\nmover: Cllr Z\n---\n\n1. In clause ${target.id}, leave out "${word}" and insert "Zebra".\n`)])
    // A motion refused fails the property: every run checks a text.
    expect('problems' in result ? result.problems.map((found) => found.message.reason) : []).toEqual([])
    if ('problems' in result) return
    const expected = clauses.map((clause) => (clause === target ? clause.source.replace(word, 'Zebra') : clause.source))
    expect(result.text).toBe(`${HEAD.replace('---\n\n', 'applied:\n  - zebra\n---\n\n')}${expected.join('\n\n')}\n`)
  })

  test.prop([protocolWithIds, fc.nat()])('what apply writes, parsed and written again, is the same bytes', ({ text, clauses }, pick) => {
    const target = clauses[pick % clauses.length]
    const word = onlyOpeningWord(clauses, target)
    fc.pre(target !== undefined && word !== undefined)
    if (!target || !word) return
    const result = applyMotions(text, [motion(`---\ntitle: Zebra\nmover: Cllr Z\n---\n\n1. In clause ${target.id}, after "${word}" insert "zebra".\n`)])
    expect('problems' in result ? result.problems.map((found) => found.message.reason) : []).toEqual([])
    if ('problems' in result) return
    expect(result.text).toContain(`${word} zebra`)
    expect(writeProtocol(parseProtocol(result.text))).toBe(result.text)
  })
})
