import type { Clause, Protocol } from './types.js'

/** A clause as JSON: the tree without parent links. */
export interface ClauseJson {
  id: string
  number: string
  kind: 'heading' | 'paragraph'
  depth: number
  title: string
  source: string
  line: number
  children: ClauseJson[]
}

/** The clause tree as plain data, for `show --format json`. */
export function clauseToJson(clause: Clause): ClauseJson {
  return {
    id: clause.id,
    number: clause.number,
    kind: clause.kind,
    depth: clause.depth,
    title: clause.title,
    source: clause.source,
    line: clause.position.start.line,
    children: clause.children.map(clauseToJson)
  }
}

/** The protocol as plain data: metadata and the clause tree. */
export function protocolToJson(protocol: Protocol): { frontMatter: Record<string, unknown>; clauses: ClauseJson[] } {
  return { frontMatter: protocol.frontMatter.data, clauses: protocol.clauses.map(clauseToJson) }
}
