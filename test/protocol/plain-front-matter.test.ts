import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { parseFrontMatter } from '../../src/core/protocol/parse-front-matter.js'
import { readPlainFrontMatter } from '../../src/core/protocol/plain-front-matter.js'
import { repoRoot } from '../helpers/run-cli.js'

/** The oracle: the YAML library, with the failsafe schema keeling reads front matter by. */
function yamlReads(text: string): { ok: true; value: unknown } | { ok: false } {
  const doc = parseDocument(text, { schema: 'failsafe', prettyErrors: false })
  if (doc.errors.length > 0) return { ok: false }
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) ?? {} }
}

/** The YAML between a file's `---` fences. */
const between = (text: string): string => /^---\r?\n([\s\S]*?)^---\r?$/m.exec(text)?.[1] ?? ''

// Front matter as it is written (words, a list under a key, a mapping under a key), then perhaps spoilt: a character
// that means something in YAML put in somewhere — a quote, an indicator, a comment, a colon, a tab, a break.
const word = fc.constantFrom('Member', 'Officer', 'protocol', '3.10', '2017-04-25', 'Cllr', 'yes', 'null', '~', 'true', '0x1F', 'é', 'Ω', '日本', 'a.b', 'x-y', "it's", 'end.')
const spaces = fc.constantFrom(' ', ' ', '  ')
const scalar = fc.tuple(word, fc.array(fc.tuple(spaces, word), { maxLength: 4 }), fc.constantFrom('', '', ' ')).map(([first, rest, tail]) => first + rest.map(([gap, next]) => gap + next).join('') + tail)
const key = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('title', 'mover', 'protocol', 'slug', 'history-head', 'body', 'date', 'meeting', 'amends', 'version', 'x_y', 'Title') },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'a b', '-x', '"q"', '3', 'é') }
)
const indent = fc.constantFrom('', ' ', '  ', '    ')
const entry = fc.oneof(
  fc.tuple(key, scalar).map(([k, value]) => [`${k}: ${value}`]),
  fc.tuple(key, indent, fc.array(scalar, { minLength: 1, maxLength: 4 })).map(([k, at, items]) => [`${k}:`, ...items.map((item) => `${at}- ${item}`)]),
  fc.tuple(key, indent.filter((at) => at !== ''), fc.array(fc.tuple(key, scalar), { minLength: 1, maxLength: 4 })).map(([k, at, pairs]) => [`${k}:`, ...pairs.map(([inner, value]) => `${at}${inner}: ${value}`)]),
  fc.constantFrom([''], ['  '])
)
const special = fc.constantFrom(':', ': ', '#', ' #', '-', '- ', '?', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '\\', '...', '---', '\t', '\r', '\n', '\n  ', '\u0085', '\u2028', '\u00a0', '\u0007', '\ufeff', '\ud83d\ude00', '\ud800')
const frontMatter = fc
  .tuple(fc.array(entry, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.array(fc.tuple(fc.nat(), special), { maxLength: 2 }))
  .map(([entries, end, last, spoils]) => {
    let text = entries.flat().join(end) + (last ? end : '')
    for (const [at, what] of spoils) text = text.slice(0, at % (text.length + 1)) + what + text.slice(at % (text.length + 1))
    return text
  })

describe('front matter read without the YAML parser', () => {
  test.prop([frontMatter], { numRuns: 2000 })('where it answers, it reads what YAML reads (failsafe: every value a string); otherwise it leaves the text to YAML', (text) => {
    const plain = readPlainFrontMatter(text)
    if (plain === undefined) return
    const oracle = yamlReads(text)
    expect(oracle.ok, JSON.stringify(text)).toBe(true)
    if (oracle.ok) expect(plain, JSON.stringify(text)).toStrictEqual(oracle.value)
  })

  it('answers for front matter as keeling and clerks write it: scalars, a list under a key, a mapping under a key, CRLF line ends', () => {
    const text = 'title: Member Officer Protocol\nversion: 3.10\napplied:\n  - artus-2017-04-04-1\n  - cwg-2017-04-25\ntabled:\n  body: Uttlesford District Council\n  date: 2017-04-04\nlist-at-margin:\n- a\n- b\n'
    const expected = { title: 'Member Officer Protocol', version: '3.10', applied: ['artus-2017-04-04-1', 'cwg-2017-04-25'], tabled: { body: 'Uttlesford District Council', date: '2017-04-04' }, 'list-at-margin': ['a', 'b'] }
    expect(readPlainFrontMatter(text)).toStrictEqual(expected)
    expect(readPlainFrontMatter(text.replace(/\n/g, '\r\n'))).toStrictEqual(expected)
  })

  it('leaves to YAML what only YAML reads right: quotes, comments, block scalars, flow lists, a value going on to the next line, a key twice', () => {
    for (const text of [
      'title: "Quoted"\n',
      "title: 'it''s'\n",
      'title: Members # a comment\n',
      'title: |\n  Two\n  lines\n',
      'applied: [a, b]\n',
      'title: Member\n  Officer Protocol\n',
      'title: a\ntitle: b\n',
      'tabled:\n  body: Council\n    more\n',
      'key:\n',
      'title: a: b\n'
    ]) {
      expect(readPlainFrontMatter(text), JSON.stringify(text)).toBeUndefined()
    }
    // Read through YAML, they come out as YAML reads them.
    const { frontMatter } = parseFrontMatter('---\ntitle: Member\n  Officer Protocol\nnote: "a # b"\n---\n\nBody.\n')
    expect(frontMatter.data).toStrictEqual({ title: 'Member Officer Protocol', note: 'a # b' })
  })

  it('answers for the front matter of every protocol and motion in this repository, as YAML reads it', () => {
    const files = [
      ...readdirSync(join(repoRoot, 'protocols')).map((name) => join(repoRoot, 'protocols', name)),
      ...readdirSync(join(repoRoot, 'amendments'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).map((name) => join(repoRoot, 'amendments', name))
    ]
    expect(files.length).toBeGreaterThan(8)
    for (const file of files) {
      const yamlText = between(readFileSync(file, 'utf8'))
      const oracle = yamlReads(yamlText)
      expect(oracle.ok, file).toBe(true)
      if (oracle.ok) expect(readPlainFrontMatter(yamlText), file).toStrictEqual(oracle.value)
    }
  })
})
