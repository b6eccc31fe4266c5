import type { VFileMessage } from 'vfile-message'

/** Where a clause is named in a motion: by number as in the base text, by ID, or by opening words. */
export type ClauseRef =
  | { by: 'number'; value: string }
  | { by: 'id'; value: string }
  | { by: 'opening'; value: string }

/** The words an operation acts on inside a clause, or inside another motion's text. */
export type Scope = { type: 'clause'; clause: ClauseRef; heading: boolean } | { type: 'motion'; motion: string }

/** Where new clauses go. */
export type Place =
  | { type: 'after'; clause: ClauseRef }
  | { type: 'before'; clause: ClauseRef }
  | { type: 'end-of-section'; clause: ClauseRef }
  | { type: 'end' }

/**
 * One change a motion makes. One spelling of each name is used in files,
 * code, messages and docs.
 */
export type Operation =
  | { type: 'replace-words'; scope: Scope; words: string; insert: string }
  | { type: 'delete-words'; scope: Scope; words: string }
  | { type: 'insert-words'; scope: Scope; where: 'after' | 'before'; words: string; insert: string }
  | { type: 'insert-words-at'; scope: Scope; where: 'start' | 'end'; insert: string }
  | { type: 'delete-range'; scope: Scope; from: string; to: string | null }
  | { type: 'delete-clause'; clause: ClauseRef }
  | { type: 'insert-clauses'; place: Place; clauses: string[] }
  | { type: 'replace-clause'; clause: ClauseRef; clauses: string[] }
  | { type: 'move-clause'; clause: ClauseRef; after: ClauseRef }

/** An operation with the place in the motion file it was read from. */
export interface Instruction {
  operation: Operation
  /** The instruction as written, for messages. */
  text: string
  line: number
  column: number
  /** 1-based number of the instruction in the motion's list. */
  index: number
  /** 1-based place of the operation within its instruction ("…; after "X" insert "Y"" is part 2). */
  part: number
}

/** A motion file: its metadata and its instructions. */
export interface Motion {
  /** The file name without `.md`: `amendments/uttlesford/cwg-1.md` → `cwg-1`. */
  id: string
  title: string
  mover: string
  seconder: string
  protocol: string
  base: string
  amends: string
  tabled: { body: string; meeting: string; date: string }
  instructions: Instruction[]
  /** Problems found reading the file; a motion with errors is not applied. */
  messages: VFileMessage[]
}
