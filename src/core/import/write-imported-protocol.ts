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
      const result = linkCrossReferences(inPageLinks(text, headingSlugs, clause.line, notes), idsByNumber, meta.title)
      for (const number of result.linked) notes.push({ line: clause.line, message: `linked the reference to ${number} to its clause` })
      return result.text
    }
    return writeClause(clause, ids[index] ?? '', link, (text) => inPageLinks(text, headingSlugs, clause.line, notes))
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

function writeClause(clause: DraftClause, id: string, link: (text: string) => string, linkHeading: (text: string) => string): string {
  // A heading's words are a title ("SECTION 21"), not a reference; a heading that links to another (a contents entry) links to its clause.
  if (clause.kind === 'heading') return `${'#'.repeat(clause.level)} ${anchor(id)}${[clause.number, linkHeading(clause.text)].filter(Boolean).join(' ')}`
  const first = `${anchor(id)}${[clause.number, link(clause.text)].filter(Boolean).join(' ')}`
  const blocks: string[] = [first]
  let items: string[] = []
  const flush = (): void => {
    if (items.length > 0) blocks.push(items.join('\n'))
    items = []
  }
  // Markdown list items nested in the source stay nested: each under its parent's text, as CommonMark nests them.
  const own = /^\d{1,9}[.)]$/.test(clause.number) ? [{ source: clause.indent, written: 0, width: clause.number.length }] : []
  const nesting: { source: number; written: number; width: number }[] = [...own]
  const listed: { source: number; written: number; width: number }[] = []
  for (const unit of clause.content) {
    if (unit.type === 'item') {
      if (!unit.nested) {
        items.push(`- ${link(unit.text)}`)
        listed.length = 0
        listed.push({ source: -1, written: 0, width: 1 })
        continue
      }
      // An item of a bulleted item keeps its number, under its parent's text as CommonMark nests it.
      while (listed.length > 1 && (listed.at(-1)?.source ?? -1) >= unit.nested.indent) listed.pop()
      const parent = listed.at(-1)
      const written = parent ? parent.written + parent.width + 1 : 0
      listed.push({ source: unit.nested.indent, written, width: unit.nested.marker.length })
      items.push(`${' '.repeat(written)}${unit.nested.marker} ${link(unit.text)}`)
      continue
    }
    flush()
    if (unit.type !== 'numbered' || !/^\d{1,9}[.)]$/.test(unit.number)) {
      nesting.splice(own.length)
      blocks.push(writeUnit(unit, link))
      continue
    }
    while (nesting.length > own.length && (nesting.at(-1)?.source ?? -1) >= unit.indent) nesting.pop()
    const parent = nesting.at(-1)
    const written = parent ? parent.written + parent.width + 1 : 0
    nesting.push({ source: unit.indent, written, width: unit.number.length })
    blocks.push(`${' '.repeat(written)}${writeUnit(unit, link)}`)
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
  const seen = new Map<string, number>()
  clauses.forEach((clause, index) => {
    if (clause.kind !== 'heading') return
    // The words a reader sees: a heading that is itself a link ("### [Version Control](#version-control-1)") is its words.
    const title = [clause.number, clause.text].filter(Boolean).join(' ').replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    const base = title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .trim()
      .replace(/\s/g, '-')
    // GitHub numbers a repeated heading's anchor: "version-control", then "version-control-1".
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    const slug = count === 0 ? base : `${base}-${count}`
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
