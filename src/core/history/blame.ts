import type { Attribution } from '../diff/change-set.js'
import { buildChangeSet } from '../diff/change-set.js'
import { readDiffDocument } from '../diff/diff-document.js'
import { diffWords } from '../diff/diff-words.js'
import { attributionsOf, motionEffects, movedClauses } from './attribute.js'
import type { ParseCache } from '../parse-cache.js'
import type { Decision } from './history.js'
import type { ReplayStep } from './replay.js'

/** A run of a clause's words and who last changed them; `attribution.motion` is '' for the first version's text. */
export interface BlameSpan {
  text: string
  attribution: Attribution
}

/** A clause of the last version, word by word. */
export interface ClauseBlame {
  id: string
  number: string
  /** Who gave the clause its number, when a motion renumbered it. */
  numberedBy: Attribution | null
  spans: BlameSpan[]
}

/**
 * Blame every clause of the last version in the steps: each run of words is
 * attributed to the version and motion that last changed it, the first
 * version's words to that version. Unchanged words keep their attribution
 * through every later version, however the words around them changed.
 *
 * @param parse the command's parsed texts, when it has them (the replay read the same texts)
 */
export function blame(steps: ReplayStep[], decision: (motion: string) => Decision | undefined, parse?: ParseCache): ClauseBlame[] {
  const byId = new Map<string, ClauseBlame>()
  let order: string[] = []
  for (const step of steps) {
    const after = readDiffDocument(step.after, parse)
    if (step.motions.length === 0) {
      const original: Attribution = { motion: '', version: step.version.label, date: step.version.date, body: step.version.by }
      for (const unit of after.units) byId.set(unit.id, { id: unit.id, number: unit.number, numberedBy: null, spans: unit.body ? [{ text: unit.body, attribution: original }] : [] })
      order = after.units.map((unit) => unit.id)
      continue
    }
    const effects = motionEffects([step], parse)
    const who = attributionsOf(effects, decision)
    const changes = buildChangeSet(readDiffDocument(step.before, parse), after, { before: '', after: '' }, { moved: movedClauses(effects) })
    for (const clause of changes.clauses) {
      if (!clause.after || clause.type === 'unchanged') continue
      const attribution = who.get(clause.id)?.[0] ?? { motion: step.motions.map((input) => input.motion.id).join(', '), version: step.version.label, date: step.version.date }
      const old = byId.get(clause.id)
      const spans = old && clause.before ? carry(old.spans, diffWords(clause.before.body, clause.after.body), attribution) : [{ text: clause.after.body, attribution }]
      const numberedBy = clause.renumbered || !old ? (clause.after.number ? attribution : null) : old.numberedBy
      byId.set(clause.id, { id: clause.id, number: clause.after.number, numberedBy: old && !clause.renumbered ? old.numberedBy : numberedBy, spans: spans.filter((span) => span.text !== '') })
    }
    order = after.units.map((unit) => unit.id)
  }
  return order.flatMap((id) => byId.get(id) ?? [])
}

/** Carry attributions through a word diff: kept words keep theirs, inserted words take the new one. */
function carry(spans: BlameSpan[], parts: ReturnType<typeof diffWords>, attribution: Attribution): BlameSpan[] {
  const result: BlameSpan[] = []
  const queue = spans.map((span) => ({ ...span }))
  const push = (text: string, who: Attribution): void => {
    const last = result.at(-1)
    if (last && last.attribution === who) last.text += text
    else result.push({ text, attribution: who })
  }
  const take = (length: number, keep: boolean): void => {
    let left = length
    while (left > 0 && queue.length > 0) {
      const head = queue[0]
      if (!head) break
      const piece = head.text.slice(0, left)
      if (keep) push(piece, head.attribution)
      head.text = head.text.slice(piece.length)
      left -= piece.length
      if (head.text === '') queue.shift()
    }
  }
  for (const part of parts) {
    if (part.type === 'same') take(part.text.length, true)
    else if (part.type === 'deleted') take(part.text.length, false)
    else push(part.text, attribution)
  }
  return result
}
