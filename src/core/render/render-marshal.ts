import type { Conflict, Marshal, MarshalledMotion, Relation } from '../marshal/types.js'
import type { SimulatedOutcome } from '../marshal/simulate-outcome.js'
import type { Element } from 'hast'
import { htmlPage } from './html-page.js'
import { h, lines, newline, text } from './html-write.js'

/** What the list is of: the protocol and the text the amendments were drafted against. */
export interface MarshalHeading {
  protocol: string
  /** The text: "uttlesford@council-2017-04-04" or "protocols/town-council.md". */
  base: string
}

/** The schema name of the marshalled list as JSON. */
export const MARSHAL_SCHEMA = 'keeling-marshal/1'

/** The short words for a relation, as the matrix shows it. */
const RELATION_WORDS: Record<Relation, string> = {
  independent: 'independent',
  'same-clause': 'same clause',
  'same-words': 'same words',
  'pre-empts': 'pre-empts',
  'changes-meaning': 'changes meaning',
  amends: 'amends'
}

/** The conflicts said under an amendment: those with the amendments above it on the list. */
function conflictsOf(marshal: Marshal, motion: MarshalledMotion): Conflict[] {
  return marshal.conflicts.filter((conflict) => conflict.b === motion.number && conflict.relation !== 'independent')
}

function independent(marshal: Marshal, motion: MarshalledMotion): boolean {
  return marshal.conflicts.every((conflict) => (conflict.a !== motion.number && conflict.b !== motion.number) || conflict.relation === 'independent')
}

function label(motion: MarshalledMotion): string {
  return `Amendment ${motion.number}${motion.parent ? ` (to amendment ${motion.parent})` : ''}`
}

function movedBy(motion: MarshalledMotion): string {
  const tabled = motion.tabled.meeting || [motion.tabled.body, motion.tabled.date].filter(Boolean).join(', ')
  return `Moved by ${motion.mover || '(no mover named)'}; seconded by ${motion.seconder || '(no seconder named)'}${tabled ? `. Tabled for ${tabled}` : ''}.`
}

function stepLine(marshal: Marshal, step: Marshal['voting'][number], index: number): string {
  const motion = marshal.motions.find((candidate) => candidate.number === step.number)
  return `${index + 1}. Amendment ${step.number}${step.amends ? `, to amendment ${step.amends}` : ''}: ${motion?.id ?? step.id} (${motion?.mover || 'no mover named'})`
}

/** An instruction as a block quote, line by line (a blank line a bare `>`). */
function quote(instruction: string): string[] {
  return instruction.split('\n').map((line) => (line.trim() === '' ? '>' : `> ${line}`))
}

/** The substantive motion, after the amendments. */
const SUBSTANTIVE = 'Then the substantive motion, as amended by the amendments carried.'

/** The marshalled list as plain text: each amendment with its words, effect and conflicts; then the order of voting. */
export function renderMarshalText(heading: MarshalHeading, marshal: Marshal): string {
  const lines = [`Marshalled list: ${heading.protocol}, ${marshal.motions.length} amendment${marshal.motions.length === 1 ? '' : 's'} to ${heading.base}`, '']
  for (const motion of marshal.motions) {
    const indent = '  '.repeat(motion.depth)
    lines.push(`${indent}${label(motion)}: ${motion.id} — ${motion.title}`)
    const more = `${indent}   `
    lines.push(`${more}${movedBy(motion)}`)
    if (motion.clauses.length > 0) lines.push(`${more}Touches ${motion.clauses.map((clause) => clause.name).join('; ')}.`)
    for (const instruction of motion.instructions) lines.push(...quote(instruction).map((line) => `${more}${line}`))
    for (const sentence of motion.effect) lines.push(`${more}${sentence}`)
    for (const problem of motion.problems) lines.push(`${more}Cannot be moved as it stands: ${problem}`)
    for (const conflict of conflictsOf(marshal, motion)) for (const sentence of conflict.sentences) lines.push(`${more}${sentence}`)
    if (motion.problems.length === 0 && independent(marshal, motion)) lines.push(`${more}Independent of every other amendment.`)
    lines.push('')
  }
  lines.push('Order of voting', marshal.rule, ...marshal.voting.map((step, index) => stepLine(marshal, step, index)), SUBSTANTIVE, '')
  return lines.join('\n')
}

/** The marshalled list as Markdown, for the agenda papers. */
export function renderMarshalMarkdown(heading: MarshalHeading, marshal: Marshal): string {
  const lines = [`# Marshalled list: ${heading.protocol}`, '', `${marshal.motions.length} amendment${marshal.motions.length === 1 ? '' : 's'} to ${heading.base}, in the order of the text.`, '']
  for (const motion of marshal.motions) {
    lines.push(`## ${label(motion)}: ${motion.title}`, '', `\`${motion.id}\`. ${movedBy(motion)}`, '')
    if (motion.clauses.length > 0) lines.push(`Touches ${motion.clauses.map((clause) => clause.name).join('; ')}.`, '')
    for (const instruction of motion.instructions) lines.push(...quote(instruction), '')
    for (const sentence of motion.effect) lines.push(sentence, '')
    for (const problem of motion.problems) lines.push(`**Cannot be moved as it stands:** ${problem}`, '')
    for (const conflict of conflictsOf(marshal, motion)) for (const sentence of conflict.sentences) lines.push(`- ${sentence}`)
    if (conflictsOf(marshal, motion).length > 0) lines.push('')
    if (motion.problems.length === 0 && independent(marshal, motion)) lines.push('Independent of every other amendment.', '')
  }
  if (marshal.motions.length > 1) lines.push('## Conflicts', '', ...matrixMarkdown(marshal), '', 'Each row\'s amendment against each column\'s: “pre-empts” means carrying the row\'s amendment stops the column\'s.', '')
  lines.push('## Order of voting', '', marshal.rule, '', ...marshal.voting.map((step, index) => stepLine(marshal, step, index)), '', SUBSTANTIVE, '')
  return lines.join('\n')
}

/** What the matrix says of a row's amendment against a column's. */
function matrixWords(marshal: Marshal, row: number, column: number): string {
  if (row === column) return '—'
  const conflict = marshal.conflicts.find((candidate) => (candidate.a === row && candidate.b === column) || (candidate.a === column && candidate.b === row))
  if (!conflict) return ''
  if (conflict.relation !== 'pre-empts') return RELATION_WORDS[conflict.relation]
  return (conflict.a === row ? conflict.aStopsB : conflict.bStopsA) ? 'pre-empts' : 'pre-empted by'
}

function matrixMarkdown(marshal: Marshal): string[] {
  const numbers = marshal.motions.map((motion) => motion.number)
  return [
    `| | ${numbers.join(' | ')} |`,
    `| --- | ${numbers.map(() => '---').join(' | ')} |`,
    ...numbers.map((row) => `| **${row}** | ${numbers.map((column) => matrixWords(marshal, row, column)).join(' | ')} |`)
  ]
}

/** The marshalled list as one print-ready A4 page: the list, the conflicts as a matrix, the order of voting. Every text escaped. */
export function renderMarshalHtml(heading: MarshalHeading, marshal: Marshal): string {
  const items = marshal.motions.map((motion) => {
    const sentences = [
      ...motion.effect.map((sentence) => h('p', { className: ['effect'] }, sentence)),
      ...motion.problems.map((problem) => h('p', { className: ['problem'] }, [h('strong', {}, 'Cannot be moved as it stands:'), ` ${problem}`])),
      ...conflictsOf(marshal, motion).flatMap((conflict) => conflict.sentences.map((sentence) => h('p', { className: ['conflict'] }, sentence))),
      ...(motion.problems.length === 0 && independent(marshal, motion) ? [h('p', { className: ['conflict'] }, 'Independent of every other amendment.')] : [])
    ]
    const clauses = motion.clauses.length > 0 ? [h('p', { className: ['clauses'] }, `Touches ${motion.clauses.map((clause) => clause.name).join('; ')}.`), newline()] : []
    return h('section', { className: ['amendment', `depth-${motion.depth}`], id: `amendment-${motion.number}` }, [
      newline(),
      h('h2', {}, `${label(motion)}: ${motion.title}`),
      newline(),
      h('p', { className: ['who'] }, [h('code', {}, motion.id), `. ${movedBy(motion)}`]),
      newline(),
      ...clauses,
      ...lines(motion.instructions.map((instruction) => h('blockquote', {}, instruction))),
      newline(),
      ...lines(sentences),
      newline()
    ])
  })
  const numbers = marshal.motions.map((motion) => motion.number)
  const cell = (row: number, column: number): Element => {
    if (row === column) return h('td', { className: ['self'] }, '—')
    const conflict = marshal.conflicts.find((candidate) => (candidate.a === row && candidate.b === column) || (candidate.a === column && candidate.b === row))
    if (!conflict) return h('td')
    return h('td', { className: [conflict.relation], title: conflict.sentences.join(' ') }, matrixWords(marshal, row, column))
  }
  const matrix = h('table', { className: ['matrix'] }, [
    newline(),
    ...lines([
      h('caption', {}, "Each row's amendment against each column's: “pre-empts” means carrying the row's amendment stops the column's."),
      h('tr', {}, [h('th'), ...numbers.map((number) => h('th', { scope: 'col' }, String(number)))]),
      ...(numbers.length > 0 ? numbers.map((row) => h('tr', {}, [h('th', { scope: 'row' }, String(row)), ...numbers.map((column) => cell(row, column))])) : [text('')])
    ]),
    newline()
  ])
  const voting = h('ol', { className: ['voting'] }, [newline(), ...lines(marshal.voting.map((step, index) => h('li', {}, stepLine(marshal, step, index).replace(/^\d+\. /, '')))), newline()])
  const title = `Marshalled list: ${heading.protocol}`
  const count = `${marshal.motions.length} amendment${marshal.motions.length === 1 ? '' : 's'} to ${heading.base}, in the order of the text.`
  return htmlPage({
    title,
    style: MARSHAL_STYLE,
    body: lines([h('h1', {}, title), h('p', {}, count), ...(items.length > 0 ? items : [text('')]), h('h2', {}, 'Conflicts'), matrix, h('h2', {}, 'Order of voting'), h('p', {}, marshal.rule), voting, h('p', {}, SUBSTANTIVE)])
  })
}

const MARSHAL_STYLE = `
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin: 1.2em 0 0.3em; }
.amendment { break-inside: avoid; border-top: 1px solid #bbb; }
.depth-1 { margin-left: 2em; } .depth-2 { margin-left: 4em; } .depth-3 { margin-left: 6em; }
blockquote { margin: 0.4em 0 0.4em 1.5em; font-style: italic; white-space: pre-wrap; }
.problem { color: #a00; }
table.matrix { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
.matrix th, .matrix td { border: 1px solid #999; padding: 0.2em 0.4em; text-align: center; }
.matrix td.pre-empts { font-weight: bold; } .matrix td.self { color: #999; }
caption { caption-side: bottom; text-align: left; font-size: 0.85em; padding-top: 0.3em; }
@page { size: A4; margin: 2cm; }
@media print { body { margin: 0; max-width: none; } }
`

/** The marshalled list as JSON: the amendments, every pair's conflict (the matrix), the order of voting and its rule. */
export function renderMarshalJson(heading: MarshalHeading, marshal: Marshal): string {
  const matrix = marshal.motions.map((row) =>
    marshal.motions.map((column) => {
      if (row.number === column.number) return null
      const conflict = marshal.conflicts.find((candidate) => (candidate.a === row.number && candidate.b === column.number) || (candidate.a === column.number && candidate.b === row.number))
      return conflict?.relation ?? 'independent'
    })
  )
  return `${JSON.stringify({ schema: MARSHAL_SCHEMA, protocol: heading.protocol, base: heading.base, motions: marshal.motions, conflicts: marshal.conflicts, matrix, order: marshal.order, rule: marshal.rule, voting: marshal.voting }, null, 2)}\n`
}

/** The schema name of a simulated outcome as JSON. */
export const OUTCOME_SCHEMA = 'keeling-outcome/1'

function amendments(numbers: number[]): string {
  if (numbers.length === 0) return 'none'
  return `${numbers.length === 1 ? 'amendment' : 'amendments'} ${numbers.length === 1 ? numbers[0] : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`}`
}

/** A simulated outcome in sentences: carried, lost, what falls and why, what is still to be decided, how it is applied. */
export function describeOutcome(outcome: SimulatedOutcome): string[] {
  const lines = [`Carried, in the order of voting: ${amendments(outcome.carried)}.`, `Lost: ${amendments(outcome.lost)}.`]
  for (const fallen of outcome.fallen) lines.push(`Amendment ${fallen.number} (${fallen.id}) falls: ${fallen.reason}.`)
  if (outcome.fallen.length === 0) lines.push('No amendment falls.')
  if (outcome.pending.length > 0) lines.push(`Still to be decided: ${amendments(outcome.pending)}.`)
  for (const application of outcome.applications) lines.push(`As applied: keeling apply ${application.map((id) => `${id}.md`).join(' ')}`)
  return lines
}

/** A simulated outcome as JSON: what became of each amendment, and the text. */
export function renderOutcomeJson(heading: MarshalHeading, outcome: SimulatedOutcome): string {
  return `${JSON.stringify({ schema: OUTCOME_SCHEMA, protocol: heading.protocol, base: heading.base, ...outcome }, null, 2)}\n`
}
