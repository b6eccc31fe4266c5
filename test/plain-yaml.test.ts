import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { parseAllDocuments, parseDocument } from 'yaml'
import { parseHistory } from '../src/core/history/history.js'
import { readPlainDocuments, readPlainMapping } from '../src/core/plain-yaml.js'
import { parseFrontMatter } from '../src/core/protocol/parse-front-matter.js'
import { repoRoot } from './helpers/run-cli.js'

/** The oracle: the YAML library, with the failsafe schema keeling reads front matter by. */
function yamlReads(text: string): { ok: true; value: unknown } | { ok: false } {
  const doc = parseDocument(text, { schema: 'failsafe', prettyErrors: false })
  if (doc.errors.length > 0) return { ok: false }
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) ?? {} }
}

/** The YAML between a file's `---` fences. */
const between = (text: string): string => /^---\r?\n([\s\S]*?)^---\r?$/m.exec(text)?.[1] ?? ''

// YAML as keeling writes it (words, quoted words, an empty list, a list under a key, a list of mappings, a mapping
// under a key), then perhaps spoilt: a character that means something in YAML put in somewhere — a quote, an
// indicator, a comment, a colon, a tab, a break.
const word = fc.constantFrom('Member', 'Officer', 'protocol', '3.10', '2017-04-25', 'Cllr', 'yes', 'null', '~', 'true', '0x1F', 'é', 'Ω', '日本', 'a.b', 'x-y', "it's", 'end.')
const spaces = fc.constantFrom(' ', ' ', '  ')
const plainWords = fc.tuple(word, fc.array(fc.tuple(spaces, word), { maxLength: 4 }), fc.constantFrom('', '', ' ')).map(([first, rest, tail]) => first + rest.map(([gap, next]) => gap + next).join('') + tail)
const scalar = fc.oneof(
  { weight: 6, arbitrary: plainWords },
  { weight: 2, arbitrary: plainWords.map((words) => `"${words}"`) },
  { weight: 1, arbitrary: fc.constantFrom('""', '[]', '"2"', '"a: b # c"') }
)
const key = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('title', 'mover', 'protocol', 'slug', 'history-head', 'body', 'date', 'meeting', 'amends', 'version', 'x_y', 'Title', 'id', 'sha256') },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'a b', '-x', '"q"', '3', 'é') }
)
const indent = fc.constantFrom('', ' ', '  ', '    ')
const entry = fc.oneof(
  fc.tuple(key, scalar).map(([k, value]) => [`${k}: ${value}`]),
  fc.tuple(key, indent, fc.array(scalar, { minLength: 1, maxLength: 4 })).map(([k, at, items]) => [`${k}:`, ...items.map((item) => `${at}- ${item}`)]),
  fc
    .tuple(key, indent, fc.constantFrom(' ', '  ', '   '), fc.array(fc.array(fc.tuple(key, scalar), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }))
    .map(([k, at, gap, maps]) => [`${k}:`, ...maps.flatMap((pairs) => pairs.map(([inner, value], index) => `${at}${index === 0 ? `-${gap}` : ' '.repeat(1 + gap.length)}${inner}: ${value}`))]),
  fc.tuple(key, indent.filter((at) => at !== ''), fc.array(fc.tuple(key, scalar), { minLength: 1, maxLength: 4 })).map(([k, at, pairs]) => [`${k}:`, ...pairs.map(([inner, value]) => `${at}${inner}: ${value}`)]),
  fc.constantFrom([''], ['  '])
)
const special = fc.constantFrom(':', ': ', '#', ' #', '-', '- ', '?', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '\\', '\\"', '...', '---', '\t', '\r', '\n', '\n  ', '\n---\n', '\u0085', '\u2028', '\u00a0', '\u0007', '\ufeff', '\ud83d\ude00', '\ud800')
const spoilt = (text: string, spoils: Array<[number, string]>): string => {
  for (const [at, what] of spoils) text = text.slice(0, at % (text.length + 1)) + what + text.slice(at % (text.length + 1))
  return text
}
const spoils = fc.array(fc.tuple(fc.nat(), special), { maxLength: 2 })
const frontMatter = fc
  .tuple(fc.array(entry, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), spoils)
  .map(([entries, end, last, spoiling]) => spoilt(entries.flat().join(end) + (last ? end : ''), spoiling))
// A history: comment lines, then records each opened by `---`.
const history = fc
  .tuple(fc.array(fc.constantFrom('# The history of protocols/rules.md, kept by keeling.', '#', ''), { maxLength: 2 }), fc.array(fc.array(entry, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }), fc.constantFrom('\n', '\r\n'), fc.oneof(fc.constant<Array<[number, string]>>([]), spoils))
  .map(([comments, records, end, spoiling]) => spoilt([...comments, ...records.flatMap((entries) => ['---', ...entries.flat()])].join(end) + end, spoiling))

/** The line of each document YAML reads, and its value: the oracle for histories. */
function yamlDocuments(text: string): { ok: true; documents: Array<{ line: number; value: unknown }> } | { ok: false } {
  const documents = parseAllDocuments(text, { schema: 'failsafe', prettyErrors: false })
  if (!Array.isArray(documents) || documents.some((doc) => doc.errors.length > 0)) return { ok: false }
  return { ok: true, documents: documents.map((doc) => ({ line: text.slice(0, doc.range[0]).split('\n').length, value: doc.toJS({ maxAliasCount: 100 }) })) }
}

describe('front matter read without the YAML parser', () => {
  test.prop([frontMatter], { numRuns: 2000 })('where it answers, it reads what YAML reads (failsafe: every value a string); otherwise it leaves the text to YAML', (text) => {
    const plain = readPlainMapping(text)
    if (plain === undefined) return
    const oracle = yamlReads(text)
    expect(oracle.ok, JSON.stringify(text)).toBe(true)
    if (oracle.ok) expect(plain, JSON.stringify(text)).toStrictEqual(oracle.value)
  })

  it('answers for front matter as keeling and clerks write it: scalars, a list under a key, a mapping under a key, CRLF line ends', () => {
    const text = 'title: Member Officer Protocol\nversion: 3.10\napplied:\n  - artus-2017-04-04-1\n  - cwg-2017-04-25\ntabled:\n  body: Uttlesford District Council\n  date: 2017-04-04\nlist-at-margin:\n- a\n- b\n'
    const expected = { title: 'Member Officer Protocol', version: '3.10', applied: ['artus-2017-04-04-1', 'cwg-2017-04-25'], tabled: { body: 'Uttlesford District Council', date: '2017-04-04' }, 'list-at-margin': ['a', 'b'] }
    expect(readPlainMapping(text)).toStrictEqual(expected)
    expect(readPlainMapping(text.replace(/\n/g, '\r\n'))).toStrictEqual(expected)
  })

  it('leaves to YAML what only YAML reads right: single quotes, escapes, comments, block scalars, flow lists, a value going on to the next line, a key twice', () => {
    for (const text of [
      'title: "an \\"escaped\\" quote"\n',
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
      expect(readPlainMapping(text), JSON.stringify(text)).toBeUndefined()
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
      if (oracle.ok) expect(readPlainMapping(yamlText), file).toStrictEqual(oracle.value)
    }
  })
})

describe('history records read without the YAML parser', () => {
  test.prop([history], { numRuns: 2000 })('where it answers, it reads each record and its line as YAML reads them; otherwise it leaves the text to YAML', (text) => {
    const plain = readPlainDocuments(text)
    if (plain === undefined) return
    const oracle = yamlDocuments(text)
    expect(oracle.ok, JSON.stringify(text)).toBe(true)
    if (oracle.ok) expect(plain, JSON.stringify(text)).toStrictEqual(oracle.documents)
  })

  it('answers for the histories in this repository, record for record as YAML reads them', () => {
    const files = readdirSync(join(repoRoot, 'history')).filter((name) => name.endsWith('.yml'))
    expect(files.length).toBeGreaterThan(1)
    for (const name of files) {
      const text = readFileSync(join(repoRoot, 'history', name), 'utf8')
      const oracle = yamlDocuments(text)
      expect(oracle.ok, name).toBe(true)
      const plain = readPlainDocuments(text)
      expect(plain, name).toBeDefined()
      if (oracle.ok) expect(plain, name).toStrictEqual(oracle.documents)
    }
  })

  it("reads a version's list of motions, each a mapping, and quoted and empty values", () => {
    const text = '# kept by keeling\n---\nrecord: version\nlabel: v2\nfrom: ""\nmotions:\n  - id: m1\n    sha256: aa\n  - id: m2\n    sha256: bb\nnone: []\nformat: "2"\n'
    expect(readPlainDocuments(text)).toStrictEqual([{ line: 2, value: { record: 'version', label: 'v2', from: '', motions: [{ id: 'm1', sha256: 'aa' }, { id: 'm2', sha256: 'bb' }], none: [], format: '2' } }])
  })

  it('leaves to YAML a history with a comment among its records, an empty record or an escape, and parseHistory says what it said before', () => {
    for (const text of ['---\nrecord: decision\n# a note\n', '---\n---\nrecord: decision\n', '---\nnote: "a \\"quoted\\" word"\n', 'record: decision\n---\n', '---\nrecord: decision\n...\n']) {
      expect(readPlainDocuments(text), JSON.stringify(text)).toBeUndefined()
    }
    expect(parseHistory('---\nrecord: decision\n# a note\n').problems[0]?.message).toMatch(/a comment among the records/)
  })
})
