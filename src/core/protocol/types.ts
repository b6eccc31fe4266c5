import type { Point, Position } from 'unist'
import type { VFileMessage } from 'vfile-message'

export type { Point, Position }

/**
 * One clause: a section heading, or a paragraph with everything that belongs
 * to it (further paragraphs, lists, lettered sub-items, tables).
 */
export interface Clause {
  /** Stable clause ID; empty when the source line has none (`check` reports it). */
  id: string
  /** The number as written ("3.9", "21.2.1", "a.", "(iv)"), or '' when unnumbered. */
  number: string
  kind: 'heading' | 'paragraph'
  /** Markdown heading level (1–6) for headings; 0 for paragraphs. */
  level: number
  /** 1 for a top-level clause, 2 for a clause inside a top-level heading, … */
  depth: number
  /** The words after the number on the clause's first line (a heading's title). */
  title: string
  /** Exact source of the clause's own blocks, without trailing blank lines. */
  source: string
  /** The blank lines after `source`, up to the next clause (kept for round trip). */
  trailing: string
  /** Where `source` lies in the file (1-based lines and columns, 0-based offsets). */
  position: Position
  /** Clauses inside a heading; always empty for a paragraph. */
  children: Clause[]
  /** The enclosing heading, or null at top level. */
  parent: Clause | null
}

export interface FrontMatter {
  /**
   * Exact text of the front matter block including both `---` fences and the newline after them (and a byte
   * order mark before them), or ''.
   */
  raw: string
  /** The YAML mapping as strings (failsafe schema: "3.10" stays "3.10"). */
  data: Record<string, unknown>
  /** Position of the YAML between the fences. */
  position: Position | null
}

/** A protocol: front matter, then an ordered tree of clauses. */
export interface Protocol {
  frontMatter: FrontMatter
  /** Text between the front matter and the first clause (blank lines only, in a well-formed file; a byte order mark when there is no front matter). */
  lead: string
  /** Top-level clauses, in document order. */
  clauses: Clause[]
  /** Every clause, in document order. */
  all: Clause[]
  /** Problems found while reading the text (front matter, text outside clauses). */
  messages: VFileMessage[]
}
