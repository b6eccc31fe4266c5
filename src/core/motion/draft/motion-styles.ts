import { Document } from 'yaml'
import type { Citation } from './cite-clause.js'
import type { WordChange } from './word-changes.js'

/** The registers a drafted motion can be worded in. */
export const MOTION_STYLES = ['uk-council', 'legislation', 'roberts', 'plain'] as const
export type MotionStyle = (typeof MOTION_STYLES)[number]

/** One instruction of a drafted motion, before it is worded. */
export type DraftedInstruction =
  | { type: 'words'; clause: Citation; heading: boolean; changes: WordChange[] }
  | { type: 'replace-clause'; clause: Citation; texts: string[] }
  | { type: 'delete-clause'; clause: Citation }
  | { type: 'insert-clauses'; where: 'after' | 'before' | 'end-of-section' | 'end'; place?: Citation; texts: string[] }
  | { type: 'move'; clause: Citation; to: Citation; where: 'after' | 'before' }

/** How one register words each kind of change. */
interface Register {
  replace(words: string, insert: string): string
  omit(words: string): string
  insertAfter(words: string, insert: string): string
  insertBefore(words: string, insert: string): string
  atEnd(insert: string): string
  atStart(insert: string): string
  range(from: string, to: string | null, insert: string | undefined): string
  deleteClause(clause: string): string
  replaceClause(clause: string): string
  /** Where new clauses go; `what` is "the new paragraph" or "the new paragraphs". */
  insertClauses(where: 'after' | 'before' | 'end-of-section' | 'end', place: string, what: string): string
  move(clause: string, to: string, where: 'after' | 'before'): string
}

const to = (quote: string | null): string => (quote === null ? 'the end' : q(quote))

/**
 * Each register as its papers word it: a UK council's order paper ("leave
 * out … and insert …"), legislation ("for … substitute …", "omit …"),
 * Robert's Rules ("strike out … and insert …") and plain English ("replace
 * … with …"). Every form here is one keeling reads (src/core/motion/phrasings.ts).
 */
const REGISTERS: Record<MotionStyle, Register> = {
  'uk-council': {
    replace: (words, insert) => `leave out ${q(words)} and insert ${q(insert)}`,
    omit: (words) => `leave out ${q(words)}`,
    insertAfter: (words, insert) => `after ${q(words)} insert ${q(insert)}`,
    insertBefore: (words, insert) => `before ${q(words)} insert ${q(insert)}`,
    atEnd: (insert) => `at the end insert ${q(insert)}`,
    atStart: (insert) => `at the beginning insert ${q(insert)}`,
    range: (from, end, insert) => `leave out from ${q(from)} to ${to(end)}${insert === undefined ? '' : ` and insert ${q(insert)}`}`,
    deleteClause: (clause) => `Leave out ${clause}.`,
    replaceClause: (clause) => `Leave out ${clause} and insert:`,
    insertClauses: (where, place, what) =>
      where === 'after' ? `After ${place} insert ${what}:` : where === 'before' ? `Before ${place} insert ${what}:` : where === 'end-of-section' ? `At the end of ${place} insert ${what}:` : `Add ${what} at the end:`,
    move: (clause, other, where) => `Move ${clause} to ${where === 'after' ? 'follow' : 'precede'} ${other}.`
  },
  legislation: {
    replace: (words, insert) => `for ${q(words)} substitute ${q(insert)}`,
    omit: (words) => `omit ${q(words)}`,
    insertAfter: (words, insert) => `after ${q(words)} insert ${q(insert)}`,
    insertBefore: (words, insert) => `before ${q(words)} insert ${q(insert)}`,
    atEnd: (insert) => `at the end insert ${q(insert)}`,
    atStart: (insert) => `at the beginning insert ${q(insert)}`,
    range: (from, end, insert) => (insert === undefined ? `omit the words from ${q(from)} to ${to(end)}` : `for the words from ${q(from)} to ${to(end)} substitute ${q(insert)}`),
    deleteClause: (clause) => `Omit ${clause}.`,
    replaceClause: (clause) => `For ${clause} substitute—`,
    insertClauses: (where, place) => (where === 'after' ? `After ${place} insert—` : where === 'before' ? `Before ${place} insert—` : where === 'end-of-section' ? `At the end of ${place} insert—` : 'Insert at the end—'),
    move: (clause, other, where) => `Move ${clause} to ${where === 'after' ? 'follow' : 'precede'} ${other}.`
  },
  roberts: {
    replace: (words, insert) => `strike out ${q(words)} and insert ${q(insert)}`,
    omit: (words) => `strike out ${q(words)}`,
    insertAfter: (words, insert) => `insert ${q(insert)} after ${q(words)}`,
    insertBefore: (words, insert) => `insert ${q(insert)} before ${q(words)}`,
    atEnd: (insert) => `add ${q(insert)} at the end`,
    atStart: (insert) => `insert ${q(insert)} at the beginning`,
    range: (from, end, insert) => `strike out from ${q(from)} to ${to(end)}${insert === undefined ? '' : ` and insert ${q(insert)}`}`,
    deleteClause: (clause) => `Strike out ${clause}.`,
    replaceClause: (clause) => `Strike out ${clause} and insert:`,
    insertClauses: (where, place, what) =>
      where === 'after'
        ? `Insert the following ${what.replace(/^the /, '')} after ${place}:`
        : where === 'before'
          ? `Insert the following ${what.replace(/^the /, '')} before ${place}:`
          : where === 'end-of-section'
            ? `Add the following at the end of ${place}:`
            : `Add the following ${what.replace(/^the /, '')} at the end:`,
    move: (clause, other, where) => `Move ${clause} to ${where === 'after' ? 'follow' : 'precede'} ${other}.`
  },
  plain: {
    replace: (words, insert) => `replace ${q(words)} with ${q(insert)}`,
    omit: (words) => `delete ${q(words)}`,
    insertAfter: (words, insert) => `after ${q(words)} add ${q(insert)}`,
    insertBefore: (words, insert) => `before ${q(words)} add ${q(insert)}`,
    atEnd: (insert) => `add ${q(insert)} at the end`,
    atStart: (insert) => `add ${q(insert)} at the beginning`,
    range: (from, end, insert) => `delete from ${q(from)} to ${to(end)}${insert === undefined ? '' : ` and insert ${q(insert)}`}`,
    deleteClause: (clause) => `Delete ${clause}.`,
    replaceClause: (clause) => `Replace ${clause} with:`,
    insertClauses: (where, place) => (where === 'after' ? `Add after ${place}:` : where === 'before' ? `Add before ${place}:` : where === 'end-of-section' ? `Add at the end of ${place}:` : 'Add at the end:'),
    move: (clause, other, where) => `Move ${clause} ${where === 'after' ? 'after' : 'before'} ${other}.`
  }
}

/** Quoted words: in double quotes, or single ones when the words have double quotes of their own. */
function q(text: string): string {
  if (!/["“”]/.test(text)) return `"${text}"`
  return /['‘’]/.test(text) ? `“${text}”` : `‘${text}’`
}

/** One word change in a register's words. */
function sayChange(register: Register, change: WordChange): string {
  const operation = change.operation
  switch (operation.type) {
    case 'replace-words':
      return register.replace(operation.words, operation.insert)
    case 'delete-words':
      return register.omit(operation.words)
    case 'insert-words':
      return operation.where === 'after' ? register.insertAfter(operation.words, operation.insert) : register.insertBefore(operation.words, operation.insert)
    case 'insert-words-at':
      return operation.where === 'end' ? register.atEnd(operation.insert) : register.atStart(operation.insert)
    case 'delete-range':
      return register.range(operation.from, operation.to, operation.insert)
  }
}

/** Where a clause's words are, as the instruction opens: "In paragraph 2.1", "In the heading of section 3", "In the paragraph beginning “…”". */
function scopeOf(clause: Citation, heading: boolean): string {
  if (heading) return `In the heading of ${clause.text}`
  if (clause.text && !/^paragraph [a-z][a-z0-9]*-/.test(clause.text)) return `In ${clause.text}`
  return clause.opening ? `In the paragraph beginning ${q(clause.opening)}` : `In ${clause.text}`
}

/** An instruction as its register words it, with the new text as a block quote under it. */
function sayInstruction(register: Register, instruction: DraftedInstruction): { line: string; quote: string[] } {
  switch (instruction.type) {
    case 'words':
      return { line: `${scopeOf(instruction.clause, instruction.heading)}, ${instruction.changes.map((change) => sayChange(register, change)).join('; ')}.`, quote: [] }
    case 'delete-clause':
      return { line: register.deleteClause(instruction.clause.text), quote: [] }
    case 'replace-clause':
      return { line: register.replaceClause(instruction.clause.text), quote: instruction.texts }
    case 'insert-clauses': {
      const what = instruction.texts.length === 1 ? 'the new paragraph' : 'the new paragraphs'
      return { line: register.insertClauses(instruction.where, instruction.place?.text ?? '', what), quote: instruction.texts }
    }
    case 'move':
      return { line: register.move(instruction.clause.text, instruction.to.text, instruction.where), quote: [] }
  }
}

/**
 * The motion file: front matter (title, mover, seconder, protocol, base) and
 * the instructions as a numbered list, new text as block quotes under them.
 */
export function writeMotion(
  instructions: DraftedInstruction[],
  meta: { title: string; mover: string; seconder?: string; protocol: string; base?: string; tabled?: { body?: string; meeting?: string; date?: string }; notes?: string[] },
  style: MotionStyle
): string {
  const register = REGISTERS[style]
  const data: Record<string, string> = { title: meta.title, mover: meta.mover }
  if (meta.seconder) data['seconder'] = meta.seconder
  data['protocol'] = meta.protocol
  if (meta.base) data['base'] = meta.base
  const tabled = Object.fromEntries(Object.entries(meta.tabled ?? {}).filter(([, value]) => value))
  const yaml: Record<string, unknown> = Object.keys(tabled).length > 0 ? { ...data, tabled } : data
  const items = instructions.map((instruction, index) => {
    const { line, quote } = sayInstruction(register, instruction)
    const marker = `${index + 1}. `
    const indent = ' '.repeat(marker.length)
    const text = marker + line.charAt(0).toUpperCase() + line.slice(1)
    if (quote.length === 0) return text
    const lines = quote.flatMap((paragraph, at) => [...(at > 0 ? [`${indent}>`] : []), ...paragraph.split('\n').map((part) => (part === '' ? `${indent}>` : `${indent}> ${part}`))])
    return `${text}\n\n${lines.join('\n')}\n`
  })
  // Notes (a document's comments) as an HTML comment, which a motion file keeps and keeling does not read as an instruction.
  const notes = (meta.notes ?? []).map((note) => note.replace(/--+>?/g, '–'))
  const comment = notes.length > 0 ? `<!--\n${notes.join('\n')}\n-->\n\n` : ''
  return `---\n${new Document(yaml).toString({ lineWidth: 0 })}---\n\n${comment}${items.join('\n').replace(/\n+$/, '')}\n`
}
