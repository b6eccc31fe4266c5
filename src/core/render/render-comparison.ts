import type { ClauseDiff } from '../diff/change-set.js'
import type { ChangeSentence } from '../diff/describe-changes.js'
import type { ComparedClause } from '../motion/compare-motions.js'
import { clauseSegments } from './clause-segments.js'
import { APPENDIX_MARKS, markParts, type MarkdownMarks, widenSpacingChanges } from './render-markdown-diff.js'
import type { TextMarks } from './render-text-diff.js'

/** Who the two motions are, for the heading lines. */
export interface ComparedMotions {
  a: { id: string; title: string; mover: string }
  b: { id: string; title: string; mover: string }
  /** The text both were applied to: "uttlesford@council-2017-04-04" or "protocols/uttlesford.md". */
  base: string
  amendment: 'a-amends-b' | 'b-amends-a' | null
}

function headingLines(motions: ComparedMotions): string[] {
  const line = (letter: 'A' | 'B', motion: ComparedMotions['a']): string => `${letter}: ${motion.id} — ${motion.title} (${motion.mover})`
  const note =
    motions.amendment === 'b-amends-a'
      ? 'B is A as amended by B.'
      : motions.amendment === 'a-amends-b'
        ? 'A is B as amended by A.'
        : 'Each applied on its own to the same text.'
  return [line('A', motions.a), line('B', motions.b), `${note} Base: ${motions.base}.`]
}

function sentence(letter: string, said: ChangeSentence): string {
  return `${said.place ? `${said.place}, ` : ''}${letter} ${said.action}${/[.!?]”$/.test(said.action) ? '' : '.'}`
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The sentences of one clause: what A does, what B does, and where they differ or agree. */
function clauseSentences(clause: ComparedClause): string[] {
  const same = clause.differences.length === 0 && clause.saysA.map((item) => item.action).join('\n') === clause.saysB.map((item) => item.action).join('\n')
  if (same) return clause.saysA.map((item) => capitalised(sentence('A and B both', { ...item, action: item.action.replace(/^(\w+)s\b/, '$1') })))
  const said = [...clause.saysA.map((item) => sentence('A', item)), ...clause.saysB.map((item) => sentence('B', item))]
  if (clause.differences.length === 0) said.push(`A and B agree on ${clause.name}.`)
  else said.push(...clause.differences.map((difference) => `${capitalised(difference)}.`))
  return said.map(capitalised)
}

/** A clause of several lines (a list, a quotation) kept under its "A: " label; blank lines stay blank. */
function hang(text: string): string {
  return text.replace(/\n(?=[^\n])/g, '\n     ')
}

function marked(clause: ClauseDiff | null, render: (clause: ClauseDiff) => string): string {
  return clause ? render(clause) : '(not changed)'
}

/** Plain text (or coloured on a terminal): each clause with A's and B's wording marked against the base, then the sentences. */
export function renderComparisonText(motions: ComparedMotions, clauses: ComparedClause[], marks: TextMarks): string {
  const render = (clause: ClauseDiff): string =>
    clauseSegments(clause.type === 'moved' ? { ...clause, type: 'changed' } : clause)
      .map((part) => (part.type === 'same' ? part.text : marks[part.type](part.text)))
      .join('')
      .replace(/^#{1,6}[ \t]+/, '')
  const blocks = clauses.map((clause) =>
    [capitalised(clause.name), `  A: ${hang(marked(clause.a, render))}`, `  B: ${hang(marked(clause.b, render))}`, ...clauseSentences(clause).map((line) => `  ${line}`)].join('\n')
  )
  return `${[headingLines(motions).join('\n'), ...blocks].join('\n\n')}\n`
}

/** Markdown: a heading per clause, A's and B's wordings marked in the house style, then the sentences. */
export function renderComparisonMarkdown(motions: ComparedMotions, clauses: ComparedClause[], marks: MarkdownMarks = APPENDIX_MARKS): string {
  const render = (clause: ClauseDiff): string =>
    markParts(widenSpacingChanges(clauseSegments(clause.type === 'moved' ? { ...clause, type: 'changed' } : clause)), marks).replace(/^#{1,6}[ \t]+/, '')
  const blocks = clauses.map((clause) =>
    [`## ${capitalised(clause.name)}`, `**A:** ${marked(clause.a, render)}`, `**B:** ${marked(clause.b, render)}`, clauseSentences(clause).join(' ')].join('\n\n')
  )
  return `${[headingLines(motions).join('  \n'), ...blocks].join('\n\n')}\n`
}

/** The comparison as JSON: each clause with both marked wordings, the sentences and the differences. */
export function renderComparisonJson(motions: ComparedMotions, clauses: ComparedClause[]): string {
  const words = (clause: ClauseDiff | null) => (clause ? clauseSegments(clause.type === 'moved' ? { ...clause, type: 'changed' } : clause) : null)
  const json = {
    a: motions.a,
    b: motions.b,
    base: motions.base,
    amendment: motions.amendment,
    clauses: clauses.map((clause) => ({
      id: clause.id,
      name: clause.name,
      a: words(clause.a),
      b: words(clause.b),
      sentences: clauseSentences(clause),
      agree: clause.differences.length === 0
    }))
  }
  return `${JSON.stringify(json, null, 2)}\n`
}
