import { Document } from 'yaml'
import { anchor, newClauseId } from '../protocol/clause-id.js'
import type { DraftClause } from './build-clauses.js'
import type { Unit } from './read-units.js'

/**
 * Write imported clauses in keeling's protocol format: front matter, then
 * each clause with a new ID anchor, blocks separated by blank lines, list
 * items as `- ` lines and tables as GFM tables.
 */
export function writeImportedProtocol(meta: { title: string; slug: string; body?: string }, clauses: DraftClause[]): string {
  const data: Record<string, string> = { title: meta.title, slug: meta.slug }
  if (meta.body) data['body'] = meta.body
  const frontMatter = `---\n${new Document(data).toString({ lineWidth: 0 })}---\n`
  const taken = new Set<string>()
  const parts = clauses.map((clause) => {
    const id = newClauseId({ number: clause.number, words: openingWords(clause), heading: clause.kind === 'heading' }, taken)
    taken.add(id)
    return writeClause(clause, id)
  })
  return `${frontMatter}\n${parts.join('\n\n')}\n`
}

function writeClause(clause: DraftClause, id: string): string {
  const first = `${anchor(id)}${[clause.number, clause.text].filter(Boolean).join(' ')}`
  if (clause.kind === 'heading') return `${'#'.repeat(clause.level)} ${first}`
  const blocks: string[] = [first]
  let items: string[] = []
  const flush = (): void => {
    if (items.length > 0) blocks.push(items.join('\n'))
    items = []
  }
  for (const unit of clause.content) {
    if (unit.type === 'item') {
      items.push(`- ${unit.text}`)
      continue
    }
    flush()
    blocks.push(writeUnit(unit))
  }
  flush()
  return blocks.join('\n\n')
}

function writeUnit(unit: Exclude<Unit, { type: 'item' }>): string {
  switch (unit.type) {
    case 'table':
      return writeTable(unit.rows)
    case 'numbered':
    case 'heading':
      return `${unit.number} ${unit.text}`
    case 'paragraph':
      return unit.text
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
