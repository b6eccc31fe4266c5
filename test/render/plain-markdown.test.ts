import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fc, test } from '@fast-check/vitest'
import { remark } from 'remark'
import remarkGfm from 'remark-gfm'
import { describe, expect, it } from 'vitest'
import { readDiffDocument } from '../../src/core/diff/diff-document.js'
import { isPlainText, MARK, parseInline, parseMarkdown } from '../../src/core/render/markdown-tree.js'
import { repoRoot } from '../helpers/run-cli.js'

// The oracle is remark itself, called here directly: what parseMarkdown answers without the parser must be
// exactly the tree remark would have built (positions aside).
const remarkTree = (markdown: string): unknown => withoutPositions(remark().use(remarkGfm).parse(markdown))

function withoutPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutPositions)
  if (node === null || typeof node !== 'object') return node
  return Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'position').map(([key, value]) => [key, withoutPositions(value)]))
}

// Lines of words (now and then a character Markdown gives meaning to, or one of keeling's change marks), now and
// then with a space or tab at either end; rarely an empty line.
const word = fc.constantFrom('council', 'Members', 'shall', 'the', '3.9', '12', '(a)', ';', ',', '"', 'é', '§', '.', ...Object.values(MARK))
const syntax = fc.constantFrom('-', '+', '=', ':', '>', '*', '_', '~', '`', '#', '|', '[', ']', '<u>', '&amp;', '\\', '!', '@', 'www.example.org', 'https://x.org', '1.', '2)', '---', '===', '```', '\r', '\t')
const edge = fc.oneof({ weight: 20, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(' ', '  ', '\t') })
const line = fc
  .tuple(edge, fc.array(fc.oneof({ weight: 30, arbitrary: word }, { weight: 1, arbitrary: syntax }), { maxLength: 6, minLength: 1 }), edge)
  .map(([lead, words, end]) => lead + words.join(' ') + end)
const markdown = fc.array(fc.oneof({ weight: 20, arbitrary: line }, { weight: 1, arbitrary: edge }), { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'))

describe('parseMarkdown without the parser', () => {
  // Runs on text it does not call plain are skipped (fc.pre), not counted: about half the generated texts are plain,
  // so 1000 runs check as many plain texts as 2000 generated did.
  test.prop([markdown], { numRuns: 500 })('text it calls plain is one paragraph of exactly that text, as remark reads it', (text) => {
    fc.pre(isPlainText(text))
    expect(parseMarkdown(text)).toEqual(remarkTree(text))
  })

  // About one generated text in five is one plain line.
  test.prop([markdown], { numRuns: 250 })('a line it calls plain is read as a heading\'s words as remark reads them', (text) => {
    fc.pre(!text.includes('\n') && isPlainText(text))
    const heading = (remarkTree(`# ${text}`) as { children: Array<{ children: unknown }> }).children[0]
    expect(parseInline(text)).toEqual(heading?.children)
  })

  it('calls plain the words of a clause and a wrapped line', () => {
    expect(isPlainText('Members shall not disclose (a) confidential, or commercially sensitive, advice.')).toBe(true)
    expect(isPlainText('Ein Versicherter hat Anspruch auf\nKrankenbehandlung, wenn sie notwendig ist')).toBe(true)
  })

  it.each([
    ['emphasis', 'the *new* words'],
    ['a link', 'see [3.1](#c3-1)'],
    ['raw HTML', 'the <u>new</u> words'],
    ['an entity', 'Smith &amp; Co'],
    ['an escape', '2\\. words'],
    ['strike-through', 'the ~~old~~ words'],
    ['a web address', 'see www.example.org'],
    ['a mail address', 'write to clerk@example.org'],
    ['a list', '- first item'],
    ['an ordered list on the next line', 'words\n1. first'],
    ['a setext underline', 'Title\n==='],
    ['a blank line', 'one\n\ntwo'],
    ['a hard break', 'one  \ntwo'],
    ['a leading space', ' indented'],
    ['a tab', 'one\ttwo']
  ])('does not call %s plain', (_, text) => {
    expect(isPlainText(text)).toBe(false)
  })

  it('reads every clause of the example constitutions that it calls plain as remark does', () => {
    const bodies = ['uttlesford', 'oadby-wigston', 'town-council'].flatMap((slug) =>
      readDiffDocument(readFileSync(join(repoRoot, 'protocols', `${slug}.md`), 'utf8')).units.map((unit) => unit.body)
    )
    const plain = bodies.filter(isPlainText)
    expect(plain.length).toBeGreaterThan(bodies.length / 4)
    for (const body of plain) expect(parseMarkdown(body)).toEqual(remarkTree(body))
  })
})
