import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fc, test } from '@fast-check/vitest'
import { remark } from 'remark'
import remarkGfm from 'remark-gfm'
import { describe, expect, it } from 'vitest'
import { readDiffDocument } from '../../src/core/diff/diff-document.js'
import { MARK } from '../../src/core/render/markdown-tree.js'
import { parseSimpleMarkdown, simpleMarkdownTree } from '../../src/core/render/parse-simple-markdown.js'
import { repoRoot } from '../helpers/run-cli.js'

// The oracle is remark itself, called here directly: the tree read without the parser must be exactly the tree
// remark builds (positions aside).
const remarkProcessor = remark().use(remarkGfm)
const remarkTree = (markdown: string): unknown => withoutPositions(remarkProcessor.parse(markdown))

function withoutPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutPositions)
  if (node === null || typeof node !== 'object') return node
  return Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'position').map(([key, value]) => [key, withoutPositions(value)]))
}

// Words, now and then a character Markdown gives meaning to, one of keeling's change marks or a link (to a clause,
// or one the fast path does not take); lines of them; blocks of lines: paragraphs, bullet lists, tables, and
// near misses of each (a `*` or `+` list, an indented or empty item, a task, a row short of a cell, a bad delimiter).
const word = fc.constantFrom('council', 'Members', 'shall', 'the', '3.9', '12', '12.5', '1.)', '(a)', 'a.', ';', ',', '"', 'é', '§', '.', ...Object.values(MARK))
const syntax = fc.constantFrom('-', '+', '=', ':', '>', '*', '_', '~', '`', '#', '|', '[', ']', '(', ')', '<u>', '&amp;', '\\', '!', '@', 'www.example.org', 'https://x.org', '1.', '2)', '3.', '1234567890', '0123456789.', '---', '```', '\t', ' ')
const link = fc.constantFrom('[3.1](#c3-1)', '[see 3.1](#c3-1)', '[§ 2](#s2)', `[${MARK.insOpen}3.9${MARK.insClose}](#c3-9)`, '[a](#b "t")', '[ a](#b)', '[a](https://x.org)', '[a] (#b)', '![a](#b)', '[](#b)', '[x](#b)', '[a](<#b>)')
const token = fc.oneof({ weight: 30, arbitrary: word }, { weight: 2, arbitrary: link }, { weight: 1, arbitrary: syntax })
const words = fc.array(token, { minLength: 1, maxLength: 5 }).map((tokens) => tokens.join(' '))
// A statute's lines go on indented (four spaces or more, which cannot open a block inside a paragraph); near
// misses indent by fewer spaces or a tab.
const indent = fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 3, arbitrary: fc.constantFrom('    ', '      ', '        ') }, { weight: 1, arbitrary: fc.constantFrom(' ', '   ', '\t', '    \t') })
const paragraph = fc
  .tuple(words, fc.array(fc.tuple(indent, words), { maxLength: 2 }))
  .map(([first, rest]) => [first, ...rest.map(([space, line]) => space + line)].join('\n'))
const bullet = fc.oneof({ weight: 20, arbitrary: fc.constant('- ') }, { weight: 1, arbitrary: fc.constantFrom('* ', '+ ', '-  ', '- [ ] ', '- [x] ', '-', '1. ', '') })
const list = fc.array(fc.tuple(bullet, words), { minLength: 1, maxLength: 4 }).map((items) => items.map(([marker, text]) => marker + text).join('\n'))
const cell = fc.oneof({ weight: 10, arbitrary: words.map((text) => ` ${text} `) }, { weight: 1, arbitrary: fc.constantFrom('', ' ', '  x', 'y  ', ' - ', ' 1. ', ' # ') })
const delimiter = fc.constantFrom(' --- ', '---', ' :--- ', ' ---: ', ' :-: ', ' - ', ' -- - ', ' ', ' x ')
const table = fc.integer({ min: 1, max: 3 }).chain((columns) =>
  fc
    .tuple(
      fc.array(cell, { minLength: columns, maxLength: columns }),
      fc.array(delimiter, { minLength: columns, maxLength: columns }),
      fc.array(fc.array(cell, { minLength: Math.max(1, columns - 1), maxLength: columns + 1 }), { maxLength: 3 }),
      fc.constantFrom('|', '|', '|', '', ' |')
    )
    .map(([head, marks, rows, edge]) => [head, marks, ...rows].map((cells) => `|${cells.join('|')}${edge}`).join('\n'))
)
const heading = fc
  .tuple(fc.constantFrom('# ', '## ', '###### ', '####### ', '##', '##  ', '#\t'), words, fc.constantFrom('', '', '', ' #', ' ##', '#', ' '))
  .map(([marker, text, end]) => marker + text + end)
const block = fc.oneof({ weight: 4, arbitrary: paragraph }, { weight: 3, arbitrary: list }, { weight: 2, arbitrary: table }, { weight: 2, arbitrary: heading })
const separator = fc.oneof({ weight: 10, arbitrary: fc.constant('\n\n') }, { weight: 1, arbitrary: fc.constantFrom('\n', '\n\n\n', '\n \n', '\n\n ') })
const markdown = fc
  .tuple(fc.array(fc.tuple(separator, block), { minLength: 0, maxLength: 4 }), block)
  .map(([rest, first]) => first + rest.map(([gap, next]) => gap + next).join(''))

describe('parseSimpleMarkdown', () => {
  test.prop([markdown], { numRuns: 400 })('reads any text as remark does (positions aside)', (text) => {
    expect(withoutPositions(parseSimpleMarkdown(text))).toEqual(remarkTree(text))
  })

  // Half the texts the property above draws are read without the parser, so that it checks the fast path.
  test.prop([markdown], { numRuns: 300 })('reads a text without the parser as remark does', (text) => {
    const tree = simpleMarkdownTree(text)
    fc.pre(tree !== null)
    expect(tree).toEqual(remarkTree(text))
  })

  it('reads the clause shapes of a protocol without the parser', () => {
    const shapes = [
      'Members shall not disclose advice.',
      'Members shall not disclose advice. See [3.1](#c3-1).',
      '3.1 Members shall not disclose advice.\n12 members may ask.',
      '## 3. Working Relationships',
      'The council shall:\n\n- request information;\n- provide advice;\n- respect the protocol.',
      'The following applies.\n\na. Members should ask.\n\nb. Officers should answer.',
      'Conduct as follows.\n\n| To be | Not to be |\n| --- | :-: |\n| Positive | Unhelpful |',
      `The ${MARK.delOpen}council${MARK.delClose} ${MARK.insOpen}COUNCIL${MARK.insClose} shall:\n\n- ${MARK.insOpen}ask${MARK.insClose};\n- answer.`
    ]
    for (const text of shapes) {
      expect(simpleMarkdownTree(text), text).not.toBeNull()
      expect(simpleMarkdownTree(text)).toEqual(remarkTree(text))
    }
  })

  it.each([
    ['emphasis', 'the *new* words'],
    ['a loose list', '- one\n\n- two'],
    ['a list item going on on the next line', '- one\ntwo'],
    ['a task', '- [ ] one'],
    ['an ordered list', '1. one\n2. two'],
    ['an ordered list opening with 12)', '12) one'],
    ['a heading with a closing sequence', '## Title ##'],
    ['a row with a cell too few', '| a | b |\n| --- | --- |\n| c |'],
    ['a link with a title', 'see [3.1](#c3-1 "3.1")'],
    ['a blank line of spaces', 'one\n \ntwo']
  ])('leaves %s to remark', (_, text) => {
    expect(simpleMarkdownTree(text)).toBeNull()
    expect(withoutPositions(parseSimpleMarkdown(text))).toEqual(remarkTree(text))
  })

  it('reads every clause of the example constitutions as remark does', () => {
    const bodies = ['uttlesford', 'oadby-wigston', 'town-council'].flatMap((slug) =>
      readDiffDocument(readFileSync(join(repoRoot, 'protocols', `${slug}.md`), 'utf8')).units.map((unit) => unit.body)
    )
    for (const body of bodies) expect(withoutPositions(parseSimpleMarkdown(body))).toEqual(remarkTree(body))
  })
})
