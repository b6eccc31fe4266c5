/** How the amendments are put to the vote: in the order of the text they amend, or in the order they were tabled. */
export type VotingOrder = 'text' | 'tabled'

/** One amendment on the marshalled list. */
export interface MarshalledMotion {
  /** Its number on the list, from 1: the chair's "amendment 3". */
  number: number
  id: string
  title: string
  mover: string
  seconder: string
  tabled: { body: string; meeting: string; date: string }
  /** The motion it amends ('' for an amendment to the protocol's text). */
  amends: string
  /** The number of the motion it amends on this list (0 for none). */
  parent: number
  /** 0 for an amendment to the text, 1 for an amendment to it, 2 for one to that … */
  depth: number
  /** The clauses it touches, in the order of the text: "paragraph 7.2", "a new paragraph after paragraph 3.6". */
  clauses: Array<{ id: string; name: string }>
  /** Its instructions as written: the words the meeting is asked to agree. */
  instructions: string[]
  /** What it does, in the words of the committee report: "In paragraph 7.2, it adds the phrase “…”." */
  effect: string[]
  /** Why it cannot be moved as it stands (empty when it can). */
  problems: string[]
}

/**
 * How two amendments bear on each other:
 * - `independent`: different clauses; either or both may be carried.
 * - `same-clause`: the same clause, other words; either or both may be carried.
 * - `same-words`: they change the same words, yet each still applies after the other.
 * - `pre-empts`: carrying one makes the other impossible to apply (found by applying them in turn).
 * - `changes-meaning`: each still applies after the other, but what the second does, or the text that
 *   results, depends on whether (or in which order) the first was carried.
 * - `amends`: one amends the other (or an amendment to it).
 */
export type Relation = 'independent' | 'same-clause' | 'same-words' | 'pre-empts' | 'changes-meaning' | 'amends'

/** The relation of two amendments on the list, `a` before `b`, with what it means for the meeting in sentences. */
export interface Conflict {
  a: number
  b: number
  relation: Relation
  /** With `pre-empts`: whether carrying a stops b, and whether carrying b stops a. */
  aStopsB: boolean
  bStopsA: boolean
  sentences: string[]
}

/** One question put to the meeting, in the order of voting. */
export interface VotingStep {
  number: number
  id: string
  /** The number of the amendment it amends (0 for an amendment to the text). */
  amends: number
}

/** The marshalled list: every amendment once, their conflicts, and the order of voting with its rule. */
export interface Marshal {
  motions: MarshalledMotion[]
  /** Every pair, `a` < `b`, in list order. */
  conflicts: Conflict[]
  voting: VotingStep[]
  order: VotingOrder
  /** The rule the order of voting follows, in a sentence or two. */
  rule: string
}
