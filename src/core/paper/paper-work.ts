import { buildChangeSet, type ChangeSet } from '../diff/change-set.js'
import { type DiffDocument, readDiffDocument } from '../diff/diff-document.js'
import { type EffectWork, type MotionEffect, motionEffects } from '../history/attribute.js'
import type { ReplayStep } from '../history/replay.js'
import { createParseCache, type ParseCache } from '../parse-cache.js'
import { inner, remembered } from '../remembered.js'
import { type ApplyOptions, type ApplyResult, applyMotions, type MotionInput } from '../motion/apply-motions.js'
import type { ChangeHints, ComparisonWork } from '../motion/compare-motions.js'

/**
 * The work a paper does on the records, each piece done once and shared by every section that needs it: a
 * text read for comparing, motions applied to a text, the change a motion alone makes. A paper reads the same
 * version as the text after one step, before the next, the base of a comparison and one side of the appendix;
 * here it is read once. It is also the work of the paper's comparisons (`compareMotions`).
 */
export class PaperWork implements EffectWork, ComparisonWork {
  private readonly documents = new Map<string, DiffDocument>()
  private readonly changeSets = new Map<string, Map<string, Map<string, ChangeSet>>>()

  /** @param parsed the command's parsed texts: a text the paper reads, or one a motion makes, is parsed once */
  constructor(private readonly parsed: ParseCache = createParseCache()) {}

  /** A text read for comparing (`readDiffDocument`), once per text. */
  document(text: string): DiffDocument {
    return remembered(this.documents, text, () => readDiffDocument(text, this.parsed))
  }

  /** `applyMotions` through the command's cache: once per text and motions. */
  apply(text: string, inputs: MotionInput[], options: ApplyOptions = {}): ApplyResult {
    return applyMotions(text, inputs, { ...options, parsed: this.parsed })
  }

  /** What motions applied to `text` changed, told what they did (moved clauses, changed words). */
  changesOf(text: string, result: Extract<ApplyResult, { text: string }>): ChangeSet {
    return this.changeSet(text, result.text, { moved: result.moved, changedWords: result.changedWords })
  }

  /**
   * The change set from one text to another, told what motions did; once per texts and hints. It is shared:
   * a caller that adds to it (labels, attributions) takes a copy ({@link labelled}).
   */
  changeSet(before: string, after: string, hints: ChangeHints = {}): ChangeSet {
    const moved = [...(hints.moved ?? [])].sort()
    // Keyed by the texts themselves, then by the hints, which are small.
    const key = JSON.stringify([moved, hints.changedWords ?? null])
    return remembered(inner(inner(this.changeSets, before), after), key, () =>
      buildChangeSet(this.document(before), this.document(after), { before: '', after: '' }, { moved, ...(hints.changedWords ? { changedWords: hints.changedWords } : {}) })
    )
  }

  /** Each motion's effect (`motionEffects`), its applications and change sets shared with the rest of the paper. */
  effects(steps: ReplayStep[]): MotionEffect[] {
    return motionEffects(steps, this.parsed, this)
  }
}

/** A copy of a shared change set with its own labels and its own attribution lists, for the appendix to add to. */
export function labelled(changeSet: ChangeSet, labels: { before: string; after: string }): ChangeSet {
  return {
    ...changeSet,
    before: { ...changeSet.before, label: labels.before },
    after: { ...changeSet.after, label: labels.after },
    clauses: changeSet.clauses.map((clause) => ({ ...clause, attribution: [...clause.attribution] }))
  }
}
