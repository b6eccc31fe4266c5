/** Which parser read a text: a protocol's (`parseProtocol`) or a motion's (`parseMotion`). */
export type ParseKind = 'protocol' | 'motion'

/** Told of every text a parser reads, as it reads it. */
export type ParseObserver = (kind: ParseKind, text: string) => void

let observer: ParseObserver | null = null

/**
 * Watch every parse, so that a test can count how often a command reads
 * each text (issue 15: each command parses each protocol and motion once).
 * Not part of the library's API. One observer at a time: a second replaces
 * the first. Costs one comparison per parse when nobody watches.
 *
 * @param next told the kind and the text of each parse
 * @returns a function that stops watching (call it after the test)
 */
export function observeParses(next: ParseObserver): () => void {
  observer = next
  return () => {
    if (observer === next) observer = null
  }
}

/**
 * Tell the observer, if there is one, that a parser is reading a text; the
 * parsers call it first thing.
 */
export function noteParse(kind: ParseKind, text: string): void {
  if (observer !== null) observer(kind, text)
}
