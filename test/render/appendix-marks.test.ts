import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { buildChangeSet } from '../../src/core/diff/change-set.js'
import { readDiffDocument } from '../../src/core/diff/diff-document.js'
import { checkProtocol } from '../../src/core/protocol/check-protocol.js'
import { parseProtocol } from '../../src/core/protocol/parse-protocol.js'
import { renderMarkdownDiff } from '../../src/core/render/render-markdown-diff.js'
import { repoRoot } from '../helpers/run-cli.js'
import { resolveMarks } from '../helpers/markdown-marks.js'
import { apply, refused, RULES } from '../motion/helpers.js'

const TOWN = readFileSync(join(repoRoot, 'protocols', 'town-council.md'), 'utf8')

/** The Markdown appendix of one motion applied to a protocol, each operation marked as its own runs (as report and paper mark it). */
function appendixOf(protocol: string, body: string): string {
  const result = apply(protocol, body)
  if ('problems' in result) throw new Error(result.problems.map((found) => found.message.reason).join('\n'))
  return renderMarkdownDiff(buildChangeSet(readDiffDocument(protocol), readDiffDocument(result.text), { before: 'a', after: 'b' }, result))
}

/** The appendix's line for the clause opening with `number`. */
function lineOf(markdown: string, number: string): string {
  return markdown.split('\n').find((row) => row.startsWith(`${number} `)) ?? ''
}

// Issue 18, "Marks that do not give the texts back". Expectations are written from the motions and the texts.
describe('issue 18: the appendix marks give the two texts back, and mark what a clerk marks', () => {
  test('inserted words that contain ~~ or <u> are escaped: only keeling’s marks mark, and accept-all and reject-all read as written', () => {
    const markdown = appendixOf(RULES, '1. In paragraph 3.1, at the end insert "Use ~~this~~ and <u>that</u> marks".')
    const row = lineOf(markdown, '3.1')
    expect(row).toBe('3.1 Members speak for themselves<u> Use \\~\\~this\\~\\~ and &lt;u>that&lt;/u> marks</u>.')
    expect(lineOf(resolveMarks(markdown, 'accept'), '3.1')).toBe('3.1 Members speak for themselves Use ~~this~~ and <u>that</u> marks.')
    expect(lineOf(resolveMarks(markdown, 'reject'), '3.1')).toBe('3.1 Members speak for themselves.')
  })

  test('a quoted paragraph opening with an anchor is one new clause: one anchor, its number once', () => {
    const result = apply(RULES, '1. After paragraph 3.2 insert the new paragraph:\n\n   > <a id="c2-1"></a>3.3 Members keep briefings confidential.')
    if ('problems' in result) throw new Error(result.problems.map((found) => found.message.reason).join('\n'))
    expect(result.text).toContain('\n<a id="m1-1"></a>3.3 Members keep briefings confidential.\n')
    expect(result.text.match(/<a id="c2-1"><\/a>/g)).toHaveLength(1)
  })

  test('check catches an ID anchor inside a clause’s text, and a motion that would put one there is refused', () => {
    const stray = RULES.replace('3.2 Officers give facts.', '3.2 <a id="c2-1"></a>Officers give facts.')
    const messages = checkProtocol(parseProtocol(stray)).filter((message) => message.ruleId === 'stray-anchor')
    expect(messages.map((message) => `${message.line}:${message.column}`)).toEqual(['29:22'])
    const problems = refused(RULES, '1. After paragraph 3.2 insert the new paragraph:\n\n   > 3.3 Members keep <a id="c2-1"></a>briefings confidential.')
    expect(problems.join('\n')).toContain('invalid-result')
  })

  test('an empty insertion is refused, naming the instruction, and leaves no gap', () => {
    expect(refused(RULES, '1. In paragraph 3.1, after "speak" insert "".')).toEqual([expect.stringMatching(/^6:4 empty-words: Instruction 1: the words to insert are empty/)])
    expect(refused(RULES, '1. In paragraph 3.1, leave out "speak" and insert "".')[0]).toContain('leave out "speak"')
  })

  test('a phrase a motion replaces is one struck run and one underlined run', () => {
    const markdown = appendixOf(
      TOWN,
      '1. In paragraph 11.1, leave out "embrace the principles of personal development and skill training and ensure they allocate time to participate in all the necessary training and personal development activities" and insert "attend the training the Council provides".'
    )
    expect(lineOf(markdown, '11.1')).toBe(
      '11.1 Members are expected to ~~embrace the principles of personal development and skill training and ensure they allocate time to participate in all the necessary training and personal development activities~~<u>attend the training the Council provides</u>. This includes the necessary skills to take advantage of the ICT facilities made available to them.'
    )
  })

  test('the motion’s operations decide the runs; a plain diff joins changes a word apart; both give the texts back', () => {
    const body = '1. In paragraph 7.2, leave out "must be reasonable" and insert "shall be proper"; leave out "must recognise" and insert "shall respect".'
    const byMotion = lineOf(appendixOf(TOWN, body), '7.2')
    expect(byMotion).toContain('Such requests ~~must be reasonable~~<u>shall be proper</u>, and ~~must recognise~~ <u>shall respect</u> the need')
    const result = apply(TOWN, body)
    if ('problems' in result) throw new Error('refused')
    const plainDiff = renderMarkdownDiff(buildChangeSet(readDiffDocument(TOWN), readDiffDocument(result.text), { before: 'a', after: 'b' }))
    expect(lineOf(plainDiff, '7.2')).toContain('Such requests ~~must be reasonable, and must recognise~~ <u>shall be proper, and shall respect</u> the need')
    for (const markdown of [appendixOf(TOWN, body), plainDiff]) {
      expect(lineOf(resolveMarks(markdown, 'accept'), '7.2')).toContain('Such requests shall be proper, and shall respect the need')
      expect(lineOf(resolveMarks(markdown, 'reject'), '7.2')).toContain('Such requests must be reasonable, and must recognise the need')
    }
  })
})
