import { describe, expect, it } from 'vitest'
import { applyMotions, type MotionInput } from '../../src/core/motion/apply-motions.js'
import { parseMotion } from '../../src/core/motion/parse-motion.js'
import { createParseCache } from '../../src/core/parse-cache.js'
import { RULES } from '../motion/helpers.js'

/** A motion file's text and what keeling reads of it, as the file `name` in the folder `folder`. */
function input(text: string, id: string, name: string, folder = 'rules'): MotionInput {
  return { motion: parseMotion(text, id, folder), text, name }
}

const words = (body: string): string => `---\ntitle: m\nmover: Cllr M\n---\n\n${body}\n`
const GOOD = words('1. In paragraph 3.2, leave out "facts" and insert "the facts".')
const BAD = words('1. In paragraph 3.2, leave out "opinions" and insert "views".')

describe('the same motions applied to the same text once per command (the parse cache keeps the result)', () => {
  it('gives the same result object the second time, and the text a motion makes is the motion’s', () => {
    const parsed = createParseCache()
    const first = applyMotions(RULES, [input(GOOD, 'm1', 'amendments/rules/m1.md')], { parsed })
    const again = applyMotions(RULES, [input(GOOD, 'm1', 'amendments/rules/m1.md')], { parsed })
    expect(again).toBe(first)
    expect('text' in first && first.text).toContain('3.2 Officers give the facts.')
  })

  it('keeps apart what differs: the motion’s words, its file (the name its problems carry), the text, the order', () => {
    const parsed = createParseCache()
    const inA = applyMotions(RULES, [input(BAD, 'm1', 'amendments/rules/a.md')], { parsed })
    const inB = applyMotions(RULES, [input(BAD, 'm1', 'amendments/rules/b.md')], { parsed })
    // Each refusal names the file it came from, though the words are the same.
    expect('problems' in inA && inA.problems.map((problem) => problem.name)).toEqual(['amendments/rules/a.md'])
    expect('problems' in inB && inB.problems.map((problem) => problem.name)).toEqual(['amendments/rules/b.md'])
    const good = applyMotions(RULES, [input(GOOD, 'm1', 'amendments/rules/a.md')], { parsed })
    expect('text' in good).toBe(true)
    // Applied to another text, it is worked out on that text.
    const other = RULES.replace('3.2 Officers give facts.', '3.2 Officers give facts, always.')
    const onOther = applyMotions(other, [input(GOOD, 'm1', 'amendments/rules/a.md')], { parsed })
    expect('text' in onOther && onOther.text).toContain('3.2 Officers give the facts, always.')
    // Two motions in the other order are another application (their problems, if any, in that order).
    const both = applyMotions(RULES, [input(GOOD, 'm1', 'amendments/rules/a.md'), input(BAD, 'm2', 'amendments/rules/b.md')], { parsed })
    const swapped = applyMotions(RULES, [input(BAD, 'm2', 'amendments/rules/b.md'), input(GOOD, 'm1', 'amendments/rules/a.md')], { parsed })
    expect(swapped).not.toBe(both)
  })

  it('without the command’s cache, every call applies anew', () => {
    const first = applyMotions(RULES, [input(GOOD, 'm1', 'amendments/rules/m1.md')])
    const again = applyMotions(RULES, [input(GOOD, 'm1', 'amendments/rules/m1.md')])
    expect(again).not.toBe(first)
    expect(again).toEqual(first)
  })
})
