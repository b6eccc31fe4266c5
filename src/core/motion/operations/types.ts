import type { Clause, Protocol } from '../../protocol/types.js'
import type { MotionInput, MotionProblem } from '../apply-motions.js'
import type { WordEdit } from '../plan-word-edit.js'
import type { Resolved } from '../resolve-clause.js'
import type { ClauseRef, Instruction, Operation } from '../types.js'

/** A change to words of one clause's source, from one instruction. */
export interface PlannedEdit extends WordEdit {
  input: MotionInput
  instruction: Instruction
}

/** The operations that change clauses whole: left out, put in, replaced, moved, renumbered. */
export type StructuralOperation = Extract<Operation, { type: 'delete-clause' | 'insert-clauses' | 'replace-clause' | 'move-clause' | 'renumber-clause' }>

/** A clause operation placed in the base text. */
export interface PlannedStructure {
  input: MotionInput
  instruction: Instruction
  operation: StructuralOperation
  /** The clause ID of the clause the operation acts on ('' for an insertion). */
  target: string
  /** The clause ID an insertion or move is placed by ('' for the end of the text). */
  place: string
  /** Where relative to `place`: after it (and all under it), before it, or at the end of the text. */
  where?: 'after' | 'before' | 'end'
}

/** What an operation comes to in the base text. */
export type Planned = PlannedEdit | PlannedStructure

/** What every operation's planner is given: the base text, the instruction, and how to name a clause or fail. */
export interface PlanContext {
  base: Protocol
  input: MotionInput
  instruction: Instruction
  fail(reason: string, code: string): MotionProblem
  /** One clause (or an item of one) a reference names. */
  resolve(ref: ClauseRef): Resolved
  /** The clauses a reference names: one, or each of a range in the order of the text. */
  resolveAll(ref: ClauseRef): { clauses: Clause[]; items?: { start: number; end: number; label: string } } | { reason: string; code: string }
}

/** A planner: what one kind of operation comes to in the base text, or why it cannot be placed. */
export type Planner<T extends Operation> = (operation: T, context: PlanContext) => Planned[] | MotionProblem
