import { copyFileSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseProtocol } from '../../src/core/protocol/parse-protocol.js'
import { repoRoot, runCli, tempProject } from '../helpers/run-cli.js'

/** One document of the import corpus, as test/fixtures/import-corpus/corpus.yml describes it (written by hand from its source). */
interface CorpusDocument {
  id: string
  file: string
  format: 'markdown' | 'text' | 'docx' | 'pdf'
  source: string
  clauses: number
  sample: { cite: string; opens: string }[]
}

const corpus = join(repoRoot, 'test', 'fixtures', 'import-corpus')
const documents = parse(readFileSync(join(corpus, 'corpus.yml'), 'utf8')) as CorpusDocument[]

/** A line inside a clause that opens with a number or letter of its own ("1. …", "(a) …", "iv) …", "4.3.b …"): an item the count includes. */
const ITEM = /^[ \t]*(?:[-*+][ \t]+)?(?:\([0-9a-z]{1,4}\)|\([ivxlc]{1,7}\)|(?:\d+\.)+[0-9a-z]{1,4}\.?|[0-9a-z]{1,4}[.)]|[ivxlc]{1,7}[.)])[ \t]/i

/**
 * The corpus's clause count of a protocol: every heading, every numbered
 * clause, and every numbered or lettered item inside a clause (a contents
 * entry, a link to a heading, is none); unnumbered paragraphs add nothing.
 */
function countClauses(text: string): number {
  let count = 0
  for (const clause of parseProtocol(text).all) {
    if (clause.kind === 'heading' || clause.number !== '') count += 1
    const lines = clause.source.split('\n').slice(1)
    count += lines.filter((line) => ITEM.test(line) && !/^[ \t]*(?:[-*+][ \t]+)?\S+[ \t]+\[[^\]]*\]\(#[^)]*\)\s*$/.test(line)).length
  }
  return count
}

describe('the import corpus: real governing documents as their bodies publish them (test/fixtures/import-corpus)', () => {
  it('holds at least 4 Markdown or text documents, 4 Word and 4 PDF, each with its source and at least 10 samples', () => {
    const count = (formats: string[]): number => documents.filter((document) => formats.includes(document.format)).length
    expect(count(['markdown', 'text'])).toBeGreaterThanOrEqual(4)
    expect(count(['docx'])).toBeGreaterThanOrEqual(4)
    expect(count(['pdf'])).toBeGreaterThanOrEqual(4)
    for (const document of documents) {
      expect(document.source, document.id).toMatch(/^https?:\/\//)
      expect(document.sample.length, document.id).toBeGreaterThanOrEqual(10)
    }
  })

  for (const document of documents) {
    it(`${document.id} (${document.format}): imports with no error, ${document.clauses} clauses, each sample cited by its own number, check passes`, async () => {
      const dir = tempProject()
      const name = basename(document.file)
      copyFileSync(join(corpus, document.file), join(dir, name))
      const imported = await runCli(['import', name, '--as', 'doc'], dir)
      expect(imported.code, imported.stderr).toBe(0)
      const text = readFileSync(join(dir, 'protocols', 'doc.md'), 'utf8')
      const wrong: string[] = []
      for (const { cite, opens } of document.sample) {
        const shown = await runCli(['show', 'doc', cite, '--format', 'text'], dir)
        const first = shown.stdout.split('\n')[0] ?? ''
        if (shown.code !== 0 || !first.includes(opens)) wrong.push(`${cite}: expected «${opens}», got «${(first || shown.stderr).trim().slice(0, 120)}»`)
      }
      expect(wrong).toEqual([])
      expect(countClauses(text)).toBe(document.clauses)
      expect((await runCli(['check', 'doc'], dir)).code).toBe(0)
    })
  }
})
