import { ANCHOR } from '../protocol/clause-id.js'
import type { Clause } from '../protocol/types.js'

/**
 * The words of a clause as a reader sees them, with where each character
 * lies in the clause's source: no ID anchor, no heading marks, no number,
 * no list bullets, and a link `[7.2](#c7-2)` seen as "7.2". Motions quote
 * these words; edits go back to the source through `offsets`.
 */
export interface VisibleText {
  text: string
  /** Source offset (within `clause.source`) of each character of `text`, plus one entry for the end. */
  offsets: number[]
}

const LINK = /^\[([^\]\n]*)\]\(#[^)\s]*\)/
const BULLET = /^[ \t]*[-*+][ \t]+/

/** The visible words of a clause, mapped to its source. */
export function visibleText(clause: Clause): VisibleText {
  const source = clause.source
  const chars: string[] = []
  const offsets: number[] = []
  let index = skipOpening(clause)
  let lineStart = false
  while (index < source.length) {
    if (lineStart) {
      const bullet = BULLET.exec(source.slice(index, index + 12))
      if (bullet) index += bullet[0].length
      lineStart = false
      continue
    }
    const char = source[index] ?? ''
    if (char === '[') {
      const link = LINK.exec(source.slice(index, index + 200))
      if (link) {
        const label = link[1] ?? ''
        for (let k = 0; k < label.length; k++) {
          chars.push(label[k] ?? '')
          offsets.push(index + 1 + k)
        }
        index += link[0].length
        continue
      }
    }
    chars.push(char)
    offsets.push(index)
    if (char === '\n') lineStart = true
    index++
  }
  offsets.push(source.length)
  return { text: chars.join(''), offsets }
}

/** Where the clause's number is (or would be): after the `#`s and the ID anchor. */
export function numberOffset(source: string): number {
  const index = /^#{1,6}[ \t]+/.exec(source)?.[0].length ?? 0
  return index + (ANCHOR.exec(source.slice(index))?.[0].length ?? 0)
}

/** Where the clause's words begin: after `#`s, the anchor and the number. */
export function skipOpening(clause: Clause): number {
  const source = clause.source
  let index = numberOffset(source)
  if (clause.number !== '' && source.startsWith(clause.number, index)) {
    index += clause.number.length
    index += /^[ \t]*/.exec(source.slice(index))?.[0].length ?? 0
  }
  return index
}
