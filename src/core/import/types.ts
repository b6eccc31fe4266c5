/** A line of the text being imported, with its line number in the input file. */
export interface SourceLine {
  text: string
  line: number
}

/** Something the importer did that the user should know about (printed on stderr). */
export interface ImportNote {
  line: number
  /** Where a user finds it when that is not `line` of the text read ("page 3, line 14" of a PDF). */
  place?: string
  message: string
}

/** Which text of a Keeling schedule (~~struck~~, <u>inserted</u>) to import. */
export type TrackedSide = 'before' | 'after'

export interface ImportOptions {
  slug: string
  /** The protocol's title; by default the first line, when it reads as a title. */
  title?: string
  /** The body that owns the protocol ("Uttlesford District Council"). */
  body?: string
  /** Start at the first line that begins with this text; earlier lines are skipped. */
  from?: string
  /** Stop before the first line (after `from`) that begins with this text; it and later lines are skipped. */
  to?: string
  /** Read ~~struck~~ and <u>underlined</u> marks as tracked changes and keep one side. */
  tracked?: TrackedSide
  /** Texts that are insertions although the source lost their underline. */
  inserted?: readonly string[]
  /**
   * Whether the text can still hold page furniture (a paste from a printed page). A Word or PDF reader has
   * already removed it and joined what page breaks split, so nothing more is taken out: `false`.
   */
  pageFurniture?: boolean
}

/** The importer's refusal: a message for the user, and the line it concerns when there is one. */
export interface ImportFailure {
  reason: string
  line?: number
  /** Where a user finds it in a Word or PDF document ("paragraph 12"), as for a note. */
  place?: string
  code: string
}
