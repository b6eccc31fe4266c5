import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { importText } from '../../src/core/import/import-text.js'
import { applyMotions } from '../../src/core/motion/apply-motions.js'
import { parseMotion } from '../../src/core/motion/parse-motion.js'
import { parseProtocol } from '../../src/core/protocol/parse-protocol.js'

/** The corpus of real amendment wordings: test/fixtures/motion-corpus/ (see its README). */
export const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'motion-corpus')
export const REGISTERS = ['uk-council', 'legislation', 'roberts', 'plain'] as const

export interface CorpusItem {
  id: string
  source: string
  text: string
  adapted: boolean
  note: string
  motion: string
  expect?: Array<{ clause: string; before: string; after: string }>
  refused?: 'words-not-found' | 'ambiguous-words' | 'unknown-clause' | 'inside-word'
}

/** A register's items: `REGISTER.yml`, and `REGISTER-2.yml` (items of real motions on their own bodies' texts) when there is one. */
export function corpusItems(register: string): CorpusItem[] {
  return [`${register}.yml`, `${register}-2.yml`]
    .filter((name) => existsSync(join(CORPUS, name)))
    .flatMap((name) => parse(readFileSync(join(CORPUS, name), 'utf8')) as CorpusItem[])
}

const imported = new Map<string, string | Error>()

/** A corpus text as a keeling protocol: its `# ` header (title, source, licence) left out, the rest imported. */
export function corpusProtocol(file: string): string {
  const cached = imported.get(file)
  if (cached instanceof Error) throw cached
  if (cached !== undefined) return cached
  const raw = readFileSync(join(CORPUS, file), 'utf8')
  const body = raw.replace(/^(?:#[^\n]*\n)+\s*/, '')
  const slug = file.replace(/^texts\//, '').replace(/\.txt$/, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase().replace(/^-|-$/g, '')
  const result = importText(body, { slug, inserted: [] })
  if ('failure' in result) {
    const error = new Error(`import of ${file} failed: ${result.failure.reason}`)
    imported.set(file, error)
    throw error
  }
  imported.set(file, result.markdown)
  return result.markdown
}

/**
 * The protocol as a reader has it, one line per paragraph or item, spaces single: what the hand-written
 * expectations are written in. Numbers stay as written (a Markdown renderer would renumber a list).
 */
export function readerText(protocol: string): string {
  const { frontMatter } = parseProtocol(protocol)
  return protocol
    .slice(frontMatter.raw.length)
    .split('\n')
    .map((line) => line.replace(/<a id="[^"]*"><\/a>/g, '').replace(/^#{1,6}\s+/, '').replace(/^\s*[-*+]\s+/, '').replace(/\[([^\]]*)\]\(#[^)]*\)/g, '$1').replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
}

/** What applying an item's motion gives: the new reader text, or the codes of the problems. */
export function applyItem(item: CorpusItem): { text: string; before: string } | { codes: string[]; reasons: string[] } {
  const protocol = corpusProtocol(item.text)
  const motionText = `---\ntitle: ${item.id}\nmover: Corpus\n---\n\n${item.motion}`
  const motion = parseMotion(motionText, item.id, 'corpus')
  const result = applyMotions(protocol, [{ motion, text: motionText, name: item.id }])
  if ('problems' in result) return { codes: result.problems.map((found) => found.message.ruleId ?? ''), reasons: result.problems.map((found) => found.message.reason) }
  return { text: readerText(result.text), before: readerText(protocol) }
}

/** Clause numbers at the start of lines, which renumbering may change. */
export function withoutNumbers(text: string): string {
  return text.replace(/^(?:[A-Z]\.\d+(?:\.\d+)*\.?|\d+(?:\.\d+)*\.?|\([a-z0-9]{1,5}\)|[a-z]{1,3}[.)])\s+/gim, '')
}

function spaced(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
}

/** The expected reader text: the original with each `before` replaced by its `after` (a deleted clause's line goes). */
export function expectedText(before: string, item: CorpusItem): string {
  let text = before
  for (const change of item.expect ?? []) {
    // Spaces single within a line; a change written over several lines (a clause's paragraphs) keeps its lines.
    const from = spaced(change.before)
    const to = spaced(change.after)
    if (from === '') {
      text = `${text}\n${to}`
      continue
    }
    const lines = text.split('\n')
    const at = lines.findIndex((line) => line === from)
    if (at >= 0) {
      if (to === '') lines.splice(at, 1)
      else lines[at] = to
      text = lines.join('\n')
    } else text = text.replace(from, to)
  }
  return text
}
