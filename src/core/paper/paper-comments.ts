import type { DiffUnit } from '../diff/diff-document.js'
import type { PaperComment, Place } from './paper-meta.js'
import { type Draft, paragraph } from './paragraph-drafts.js'

/** The person's comments from PAPER.yml, each drafted once, after the motion or clause it names. */
export class Commenter {
  private readonly used = new Set<string>()
  constructor(private readonly comments: Map<string, PaperComment>) {}

  /** The comment on a motion (by its ID) or a clause (by its number or ID), unless it was drafted already. */
  take(key: string): Draft[] {
    const comment = this.comments.get(key)
    if (this.used.has(key) || !comment) return []
    this.used.add(key)
    return comment.paragraphs.map((text) => paragraph(text))
  }

  /** Comments on a clause: by its number (7.2) or its ID. */
  takeClause(unit: DiffUnit): Draft[] {
    const number = unit.number.replace(/\.$/, '')
    return [...(number ? this.take(number) : []), ...(unit.id ? this.take(unit.id) : [])]
  }

  /** The comments no part of the paper took, with where their keys are. */
  unused(): Array<[string, Place]> {
    return [...this.comments].filter(([key]) => !this.used.has(key)).map(([key, comment]) => [key, comment.place])
  }
}
