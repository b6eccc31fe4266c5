import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { parseProtocol } from '../../src/core/protocol/parse-protocol.js'
import { repoRoot } from '../helpers/run-cli.js'
import { apply } from './helpers.js'

const uttlesford = readFileSync(join(repoRoot, 'protocols', 'uttlesford.md'), 'utf8')
const paragraphs = parseProtocol(uttlesford).all.filter((clause) => clause.kind === 'paragraph' && !clause.source.includes('|'))
const vocabulary = ['members', 'officers', 'the Council', 'promptly', 'in writing', 'Monitoring Officer', 'may', 'shall not']

/**
 * Every quote a person could mean unambiguously, found in the input texts alone: whole words inside one line of a
 * paragraph, between spaces, occurring once in it. The generator draws from these, so no run is left without an edit.
 */
const quotes = paragraphs.flatMap((clause) => {
  const source = clause.source
  const spans = [...source.matchAll(/(?<= )[^\s"]+(?: [^\s"]+){0,3}(?= )/g)].filter((match) => !match[0].includes('<'))
  return spans.flatMap((span) =>
    [1, 2, 3, 4].flatMap((length) => {
      const quote = span[0].split(' ').slice(0, length).join(' ')
      const start = source.indexOf(quote, span.index)
      return source.split(quote).length === 2 && source[start + quote.length] === ' ' ? [{ clause, quote, start }] : []
    })
  )
})
const unique = [...new Map(quotes.map((entry) => [`${entry.clause.id} ${entry.quote}`, entry])).values()]

const edit = fc.record({
  target: fc.constantFrom(...unique),
  type: fc.constantFrom('replace', 'delete', 'after'),
  words: fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 3 }).map((words) => words.join(' '))
})

describe('motions written from edits', () => {
  test.prop([edit], { numRuns: 150 })('a motion generated from a random edit applies back to exactly the edited text', ({ target: { clause, quote, start }, type, words }) => {
    const source = clause.source
    const end = start + quote.length
    const expectedSource =
      type === 'replace'
        ? source.slice(0, start) + words + source.slice(end)
        : type === 'delete'
          ? source.slice(0, start - 1) + source.slice(end)
          : `${source.slice(0, end)} ${words}${source.slice(end)}`
    const instruction =
      type === 'replace' ? `leave out "${quote}" and insert "${words}"` : type === 'delete' ? `leave out "${quote}"` : `after "${quote}" insert "${words}"`
    const result = apply(uttlesford, `1. In paragraph ${clause.number || clause.id}, ${instruction}.`)
    if ('problems' in result) throw new Error(result.problems.map((found) => found.message.reason).join('\n'))
    // The front matter gains `applied: [m1]`; everything after it is the edited text exactly.
    const body = (text: string): string => text.slice(text.indexOf('\n---', 3))
    expect(body(result.text)).toBe(body(uttlesford.replace(source, expectedSource)))
  })
})
