import { describe, expect, it } from 'vitest'
import { parseProtocol } from '../../src/core/protocol/parse-protocol.js'
import { RULES, applied, refused } from './helpers.js'

/** `number id` for each clause, in order, to read renumbering at a glance. */
function outline(text: string): string[] {
  return parseProtocol(text).all.map((clause) => `${clause.number || '-'} ${clause.id}`)
}

describe('clause operations', () => {
  it('after paragraph 2.1 insert two new paragraphs: they get new IDs and 2.2–2.4 become 2.4–2.6', () => {
    const text = applied(RULES, '1. After paragraph 2.1 insert the new paragraphs:\n\n   > 2.2 Officers are politically neutral.\n   >\n   > 2.3 Members respect this.')
    expect(outline(text).slice(2, 9)).toEqual(['2. s2', '2.1 c2-1', '2.2 m1-1', '2.3 m1-2', '2.4 c2-2', '2.5 c2-3', '2.6 c2-4'])
    expect(text).toContain('<a id="m1-1"></a>2.2 Officers are politically neutral.\n\n<a id="m1-2"></a>2.3 Members respect this.\n\n<a id="c2-2"></a>2.4 Information')
  })

  it('renumbering updates the cross-references that showed the old numbers', () => {
    const text = applied(RULES, '1. Before paragraph 2.1 insert the new paragraph:\n\n   > Members and officers work together.')
    expect(text).toContain('<a id="m1-1"></a>2.1 Members and officers work together.')
    expect(text).toContain('<a id="c2-4"></a>2.5 Disputes go to the Chief Executive (see [2.2](#c2-1) and [2.4](#c2-3)).')
  })

  it('leave out paragraph 2.2: the paragraphs after it close up, and its text goes whole', () => {
    const text = applied(RULES, '1. Leave out paragraph 2.2.')
    expect(outline(text).slice(3, 6)).toEqual(['2.1 c2-1', '2.2 c2-3', '2.3 c2-4'])
    expect(text).not.toContain('legal reason')
    expect(text).toContain('(see [2.1](#c2-1) and [2.2](#c2-3))')
  })

  it('leave out paragraph 3.1 and insert: the new text takes the old number', () => {
    const text = applied(RULES, '1. Leave out paragraph 3.1 and insert:\n\n   > Members speak for their wards.')
    expect(outline(text).slice(-2)).toEqual(['3.1 m1-1', '3.2 c3-2'])
    expect(text).toContain('<a id="m1-1"></a>3.1 Members speak for their wards.')
  })

  it('refuses to leave out a paragraph another still refers to, unless the motion changes that reference too', () => {
    expect(refused(RULES, '1. Leave out paragraph 2.1.')).toEqual([
      '6:4 broken-reference: Instruction 1: leaves out 2.1, which 2.4 still refers to; change that reference in the same motion'
    ])
    const text = applied(RULES, '1. Leave out paragraph 2.1.\n2. In paragraph 2.4, leave out "2.1 and "')
    expect(text).toContain('<a id="c2-4"></a>2.3 Disputes go to the Chief Executive (see [2.2](#c2-3)).')
  })

  it('move paragraph 2.1 to follow paragraph 2.3: it keeps its ID, and the numbers follow the new order', () => {
    const text = applied(RULES, '1. Move paragraph 2.1 to follow paragraph 2.3.')
    expect(outline(text).slice(3, 7)).toEqual(['2.1 c2-2', '2.2 c2-3', '2.3 c2-1', '2.4 c2-4'])
    expect(text).toContain('<a id="c2-1"></a>2.3 Members and officers should treat each other with respect.')
  })

  it('at the end of section 3 insert: an unnumbered new paragraph gets the next number', () => {
    const text = applied(RULES, '1. At the end of section 3 insert the new paragraph:\n\n   > Nobody speaks for the Council without its leave.')
    expect(text.endsWith('<a id="m1-1"></a>3.3 Nobody speaks for the Council without its leave.\n')).toBe(true)
  })

  it('"it is proposed that the following is added" (seed 000) adds at the end, unnumbered after unnumbered', () => {
    const protocol = `---\ntitle: T\nslug: rules\n---\n\n## <a id="principles"></a>Principles\n\n<a id="respect"></a>Respect the political neutrality of officers.\n`
    const text = applied(protocol, '1. It is proposed that the following is added:\n\n   > Officers should respect the right of members to make decisions.')
    expect(text).toBe(`${protocol.replace('slug: rules\n', 'slug: rules\napplied:\n  - m1\n')}\n<a id="m1-1"></a>Officers should respect the right of members to make decisions.\n`)
  })

  it('renumbers at depth 1: a new section 2 makes 2. into 3. and 2.1 into 3.1', () => {
    const text = applied(RULES, '1. Before section 2 insert the new paragraphs:\n\n   > ## 2. Roles\n   >\n   > 2.1 Members set policy.')
    expect(outline(text)).toEqual([
      '1. s1', '- nothing', '2. m1-1', '2.1 m1-2', '3. s2', '3.1 c2-1', '3.2 c2-2', '3.3 c2-3', '3.4 c2-4', '4. s3', '4.1 c3-1', '4.2 c3-2'
    ])
    expect(text).toContain('(see [3.1](#c2-1) and [3.3](#c2-3))')
  })

  it('renumbers at depth 3: 21.2.1 and 21.2.2 under headings', () => {
    const protocol = `---\ntitle: T\nslug: rules\n---\n\n## <a id="s21-2"></a>21.2 Principles\n\n### <a id="s21-2-1"></a>21.2.1 Mutual Respect\n\n<a id="p1"></a>Respect is essential.\n\n### <a id="s21-2-2"></a>21.2.2 Standards\n\n<a id="p2"></a>Have regard to the Code.\n`
    const text = applied(protocol, '1. Leave out paragraph 21.2.1.')
    expect(outline(text)).toEqual(['21.2 s21-2', '21.2.1 s21-2-2', '- p2'])
  })

  it('refuses a motion leaving out a clause that another motion changes, naming it', () => {
    expect(refused(RULES, '1. In paragraph 3.1, leave out "for themselves"', '1. Leave out paragraph 3.1.')).toEqual([
      '6:4 competing-motions: Instruction 1: changes words of a clause that instruction 1 of motion m2 leaves out or replaces'
    ])
  })

  it('refuses two motions changing the same words, naming the first', () => {
    const problems = refused(RULES, '1. In paragraph 3.2, leave out "facts" and insert "advice"', '1. In paragraph 3.2, leave out "give facts" and insert "inform"')
    expect(problems).toEqual(['6:4 competing-motions: Instruction 1: its words were already changed by instruction 1 of motion m1; the two motions compete — apply one, or amend it'])
  })

  it('an amendment to a motion changes its words before it applies', () => {
    const motion = '---\n# id: cwg\ntitle: CWG\nmover: CWG\n---\n\n1. In the paragraph beginning "Nothing", leave out "calling or attending" and insert "requesting".\n'
    const amendment = '---\n# id: artus\ntitle: Artus\nmover: Cllr Artus\namends: cwg\n---\n\n1. In motion cwg, leave out "requesting" and insert "calling, attending or requesting".\n'
    const text = applied(RULES, motion, amendment)
    expect(text).toContain('from calling, attending or requesting meetings')
    expect(refused(RULES, amendment)).toEqual([
      '8:4 unknown-motion: Instruction 1: it changes motion cwg, which is not among the motions given; apply them together (keeling apply cwg.md artus.md)'
    ])
  })

  it('refuses a motion drafted against a version the protocol is not', () => {
    expect(refused(RULES, '---\ntitle: T\nmover: M\nbase: council-2017-04-04\n---\n\n1. Leave out paragraph 3.2.\n')).toEqual([
      '1:1 unknown-base: Motion was drafted against version `council-2017-04-04`, which is not the text it would change (no recorded version is); remove `base:` to read its numbers against the current text'
    ])
  })
})
