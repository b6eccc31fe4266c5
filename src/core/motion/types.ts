import type { VFileMessage } from 'vfile-message'

/**
 * Where a clause is named in a motion: by number as in the base text, by
 * ID, by opening words, or by a citation as the body writes it (`Standing
 * Order 3(f)`: the path 3, f), perhaps under an enclosing citation (`In
 * section 5 — in subsection (2), …`).
 */
export type ClauseRef =
  | { by: 'number'; value: string }
  | { by: 'id'; value: string }
  | { by: 'opening'; value: string }
  /** `title`: the words in brackets after the number ("Standing Order 8 (Voting on Appointments)"), which must be its heading's. */
  | { by: 'path'; path: string[]; text: string; unit: string; within?: string[]; title?: string }
  /** "paragraphs 10.5 to 10.7": the clauses from the first to the last, in the order of the text. */
  | { by: 'range'; from: ClauseRef; to: ClauseRef; text: string }
  /** "the definition of “consumers”": the paragraph that opens with the quoted term (inside `in`, when the instruction names a clause). */
  | { by: 'definition'; term: string; in?: ClauseRef }
  /** "the section headed “Officers”": the one heading whose words are the quoted ones (an unnumbered heading's citation). */
  | { by: 'heading'; title: string }

/** The words an operation acts on: inside a clause (or an item of one), the whole text, or another motion's text. */
export type Scope =
  /**
   * `before`: only the clause's words before that item of it ("in the words before sub-paragraph (a)", the chapeau);
   * `opening`: only its words before its first item ("in the opening words").
   */
  | { type: 'clause'; clause: ClauseRef; heading: boolean; before?: ClauseRef; opening?: boolean }
  | { type: 'document' }
  | { type: 'motion'; motion: string }

/**
 * Which of the places quoted words occur an operation means: the only one
 * (they must occur once), all of them ("in each place it occurs"), or the
 * nth (1-based; -1 is the last: "the second “the”", "the last “and”").
 */
export type Occurrence = 'only' | 'all' | number

/** Where new clauses go. */
export type Place =
  | { type: 'after'; clause: ClauseRef }
  | { type: 'before'; clause: ClauseRef }
  | { type: 'end-of-section'; clause: ClauseRef }
  /** "add a new clause 8": where that number falls — after clause 7, or first under the clause it belongs to. */
  | { type: 'as-number'; number: ClauseRef }
  | { type: 'end' }

/**
 * One change a motion makes. One spelling of each name is used in files,
 * code, messages and docs.
 */
export type Operation =
  /** `anyCase`: words typed unquoted in capitals for emphasis ("change CHAIRPERSON to CHAIR throughout"), found in any case. */
  | { type: 'replace-words'; scope: Scope; words: string; insert: string; occurrence?: Occurrence; anyCase?: boolean }
  | { type: 'delete-words'; scope: Scope; words: string; occurrence?: Occurrence }
  | { type: 'insert-words'; scope: Scope; where: 'after' | 'before'; words: string; insert: string; occurrence?: Occurrence }
  | { type: 'insert-words-at'; scope: Scope; where: 'start' | 'end'; insert: string }
  /**
   * Leave out from "X" to "Y" (both included), or to the end (`to: null`);
   * with `afterFrom`, everything after "X" ("delete all after “X”"); with
   * `insert`, the words put in their place ("for the words from … substitute …").
   */
  | { type: 'delete-range'; scope: Scope; from: string; to: string | null; afterFrom?: boolean; insert?: string }
  | { type: 'delete-clause'; clause: ClauseRef }
  | { type: 'insert-clauses'; place: Place; clauses: string[] }
  | { type: 'replace-clause'; clause: ClauseRef; clauses: string[] }
  | { type: 'move-clause'; clause: ClauseRef; after: ClauseRef; before?: boolean }
  /** "Delete the last sentence of clause 4.4", "replace the second sentence of 3.1 with “…”": a sentence by its place (1-based, -1 last). */
  | { type: 'change-sentence'; scope: Scope; sentence: number; insert: string | null }
  /** "Renumber paragraph 9.2 as 9.1": the clause takes the number given; those after it follow. */
  | { type: 'renumber-clause'; clause: ClauseRef; number: string }

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
