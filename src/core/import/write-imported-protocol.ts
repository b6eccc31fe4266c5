import { Document } from 'yaml'
import { anchor, newClauseId } from '../protocol/clause-id.js'
import type { DraftClause } from './build-clauses.js'
import type { Unit } from './read-units.js'
import type { ImportNote } from './types.js'
import { linkCrossReferences } from './link-cross-references.js'
import { numberKey } from '../protocol/clause-number.js'

/**
 * Write imported clauses in keeling's protocol format: front matter, then
 * each clause with a new ID anchor, blocks separated by blank lines, list
 * items as `- ` lines and tables as GFM tables. Cross-references in words
 * ("see paragraph 7.2") become links to clause IDs, each one noted.
 */
export function writeImportedProtocol(
  meta: { title: string; slug: string; body?: string },
  clauses: DraftClause[]
): { markdown: string; notes: ImportNote[] } {
  const data: Record<string, string> = { title: meta.title, slug: meta.slug }
  if (meta.body) data['body'] = meta.body
  const frontMatter = `---\n${new Document(data).toString({ lineWidth: 0 })}---\n`
  const taken = new Set<string>()
  const ids = clauses.map((clause) => {
    const id = newClauseId({ number: clause.number, words: openingWords(clause), heading: clause.kind === 'heading' }, taken)
    taken.add(id)
    return id
  })
  const idsByNumber = uniqueNumbers(clauses, ids)
  const headingSlugs = headingAnchors(clauses, ids)
  const notes: ImportNote[] = []
  const parts = clauses.map((clause, index) => {
    const link = (text: string): string => {
      const result = linkCrossReferences(inPageLinks(text, headingSlugs, clause.line, notes), idsByNumber)
      for (const number of result.linked) notes.push({ line: clause.line, message: `linked the reference to ${number} to its clause` })
      return result.text
    }
    return writeClause(clause, ids[index] ?? '', link)
  })
  return { markdown: `${frontMatter}\n${parts.join('\n\n')}\n`, notes }
}

/** Clause IDs by number, for the numbers exactly one clause carries. */
function uniqueNumbers(clauses: DraftClause[], ids: string[]): Map<string, string> {
  const byNumber = new Map<string, string | null>()
  clauses.forEach((clause, index) => {
    if (clause.number === '') return
    const key = numberKey(clause.number)
    byNumber.set(key, byNumber.has(key) ? null : (ids[index] ?? null))
  })
  return new Map([...byNumber].filter((entry): entry is [string, string] => entry[1] !== null))
}

function writeClause(clause: DraftClause, id: string, link: (text: string) => string): string {
  // A heading's words are a title ("SECTION 21"), not a reference.
  if (clause.kind === 'heading') return `${'#'.repeat(clause.level)} ${anchor(id)}${[clause.number, clause.text].filter(Boolean).join(' ')}`
  const first = `${anchor(id)}${[clause.number, link(clause.text)].filter(Boolean).join(' ')}`
  const blocks: string[] = [first]
  let items: string[] = []
  const flush = (): void => {
    if (items.length > 0) blocks.push(items.join('\n'))
    items = []
  }
  for (const unit of clause.content) {
    if (unit.type === 'item') {
      items.push(`- ${link(unit.text)}`)
      continue
    }
    flush()
    blocks.push(writeUnit(unit, link))
  }
  flush()
  return blocks.join('\n\n')
}

function writeUnit(unit: Exclude<Unit, { type: 'item' }>, link: (text: string) => string): string {
  switch (unit.type) {
    case 'table':
      return writeTable(unit.rows)
    case 'numbered':
    case 'heading':
      return `${unit.number} ${link(unit.text)}`
    case 'paragraph':
      return link(unit.text)
  }
}

function writeTable(rows: string[][]): string {
  const width = Math.max(...rows.map((row) => row.length))
  const cells = (row: string[]): string =>
    `| ${Array.from({ length: width }, (_, index) => (row[index] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`
  const [head = [], ...body] = rows
  return [cells(head), `|${' --- |'.repeat(width)}`, ...body.map(cells)].join('\n')
}

function openingWords(clause: DraftClause): string {
  if (clause.text) return clause.text
  const first = clause.content[0]
  if (first && 'text' in first) return first.text
  return first?.type === 'table' ? (first.rows[0] ?? []).join(' ') : ''
}

/**
 * The anchors a Markdown renderer gives headings (GitHub's: lower case,
 * punctuation dropped, spaces as hyphens: "1. This Document" →
 * `1-this-document`), each mapped to the heading's clause ID.
 */
function headingAnchors(clauses: DraftClause[], ids: string[]): Map<string, string> {
  const anchors = new Map<string, string>()
  clauses.forEach((clause, index) => {
    if (clause.kind !== 'heading') return
    const title = [clause.number, clause.text].filter(Boolean).join(' ')
    const slug = title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s-]/gu, '')
      .trim()
      .replace(/\s/g, '-')
    if (!anchors.has(slug)) anchors.set(slug, ids[index] ?? '')
  })
  return anchors
}

/**
 * A table of contents' links to headings (`[1. Name](#1-name)`) are links
 * to those headings' clauses, not references to clause IDs that do not
 * exist; an in-page link to no heading is kept as its words, and noted.
 */
function inPageLinks(text: string, anchors: Map<string, string>, line: number, notes: ImportNote[]): string {
  return text.replace(/\[([^\]\n]*)\]\(#([^)\s]+)\)/g, (_link, words: string, target: string) => {
    const id = anchors.get(target.toLowerCase()) ?? anchors.get(target.toLowerCase().replace(/-+/g, '-'))
    if (id) return `[${words}](#${id})`
    notes.push({ line, message: `kept the link text "${words}" without its link to #${target}, which is no heading of the document` })
    return words
  })
}
