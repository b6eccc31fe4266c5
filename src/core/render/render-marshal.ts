import type { Conflict, Marshal, MarshalledMotion, Relation } from '../marshal/types.js'
import type { SimulatedOutcome } from '../marshal/simulate-outcome.js'

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
export function conflictsOf(marshal: Marshal, motion: MarshalledMotion): Conflict[] {
  return marshal.conflicts.filter((conflict) => conflict.b === motion.number && conflict.relation !== 'independent')
}

export function independent(marshal: Marshal, motion: MarshalledMotion): boolean {
  return marshal.conflicts.every((conflict) => (conflict.a !== motion.number && conflict.b !== motion.number) || conflict.relation === 'independent')
}

export function label(motion: MarshalledMotion): string {
  return `Amendment ${motion.number}${motion.parent ? ` (to amendment ${motion.parent})` : ''}`
}

export function movedBy(motion: MarshalledMotion): string {
  const tabled = motion.tabled.meeting || [motion.tabled.body, motion.tabled.date].filter(Boolean).join(', ')
  return `Moved by ${motion.mover || '(no mover named)'}; seconded by ${motion.seconder || '(no seconder named)'}${tabled ? `. Tabled for ${tabled}` : ''}.`
}

export function stepLine(marshal: Marshal, step: Marshal['voting'][number], index: number): string {
  const motion = marshal.motions.find((candidate) => candidate.number === step.number)
  return `${index + 1}. Amendment ${step.number}${step.amends ? `, to amendment ${step.amends}` : ''}: ${motion?.id ?? step.id} (${motion?.mover || 'no mover named'})`
}

/** An instruction as a block quote, line by line (a blank line a bare `>`). */
function quote(instruction: string): string[] {
  return instruction.split('\n').map((line) => (line.trim() === '' ? '>' : `> ${line}`))
}

/** The substantive motion, after the amendments. */
export const SUBSTANTIVE = 'Then the substantive motion, as amended by the amendments carried.'

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
export function matrixWords(marshal: Marshal, row: number, column: number): string {
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
