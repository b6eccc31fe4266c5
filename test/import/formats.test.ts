import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot, runCli, tempProject } from '../helpers/run-cli.js'

const texts = join(repoRoot, 'test', 'fixtures', 'motion-corpus', 'texts')
const copies = join(repoRoot, 'test', 'fixtures', 'import-formats', 'from-text')
const names = readdirSync(copies).filter((name) => name.endsWith('.pdf')).map((name) => name.replace(/\.pdf$/, ''))

/** The clauses of an imported protocol: its text without the front matter. */
const clausesOf = (dir: string): string => readFileSync(join(dir, 'protocols', 'doc.md'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')

/** The corpus's header lines ("# source: …") are about the text, not in it; the Word and PDF copies leave them out. */
const withoutHeader = (text: string): string => text.replace(/^(?:# [a-z]+: .*\n)+\n*/, '')

async function imported(file: string): Promise<string> {
  const dir = tempProject()
  const name = file.split('/').at(-1) ?? file
  if (name.endsWith('.txt')) writeFileSync(join(dir, name), withoutHeader(readFileSync(file, 'utf8')))
  else copyFileSync(file, join(dir, name))
  const result = await runCli(['import', name, '--as', 'doc'], dir)
  expect(result.code, result.stderr).toBe(0)
  return clausesOf(dir)
}

describe('a real text saved as Word and as PDF imports to the same clauses as the text (LibreOffice copies, make-fixtures.mjs)', () => {
  it('has copies to read', () => expect(names.length).toBeGreaterThanOrEqual(13))
  for (const name of names) {
    it(name, async () => {
      const text = await imported(join(texts, `${name}.txt`))
      expect(await imported(join(copies, `${name}.docx`))).toBe(text)
      expect(await imported(join(copies, `${name}.pdf`))).toBe(text)
    })
  }
})
