/**
 * keeling as a library: the engine the `keeling` command runs, for a
 * council's website, a meeting app or a CI job. Everything here is pure —
 * texts and bytes in, texts and bytes out; nothing reads or writes a file,
 * so the records (protocols, histories, motions) stay the caller's to keep.
 *
 * @example
 * import { importDocument, applyMotionTexts, diffTexts, renderMarkdownDiff } from 'keeling'
 * const imported = await importDocument(bytes, { slug: 'standing-orders' })
 */
import { buildChangeSet, type ChangeSet } from './core/diff/change-set.js'
import { readDiffDocument } from './core/diff/diff-document.js'
import { applyMotions, type ApplyResult } from './core/motion/apply-motions.js'
import { parseMotion } from './core/motion/parse-motion.js'
import { marshalMotions } from './core/marshal/marshal-motions.js'
import { type Outcome, outcomeSimulator, type Simulation } from './core/marshal/simulate-outcome.js'
import type { Marshal, VotingOrder } from './core/marshal/types.js'

export { importDocument } from './core/import/import-document.js'
export { parseProtocol } from './core/protocol/parse-protocol.js'
export { checkProtocol } from './core/protocol/check-protocol.js'
export type { Clause, Protocol } from './core/protocol/types.js'
export { parseMotion } from './core/motion/parse-motion.js'
export type { Motion } from './core/motion/types.js'
export type { ApplyResult, ChangedWords, MotionInput, MotionProblem } from './core/motion/apply-motions.js'
export { applyMotions } from './core/motion/apply-motions.js'
export type { ImportFailure, ImportNote, ImportOptions } from './core/import/types.js'
export type { ImportResult } from './core/import/import-text.js'
export type { Attribution, ChangeSet, ClauseDiff, ChangeSummary } from './core/diff/change-set.js'
export { acceptAll, rejectAll, summarizeChanges } from './core/diff/change-set.js'
export { renderMarkdownDiff } from './core/render/render-markdown-diff.js'
export { renderHtmlDiff } from './core/render/render-html-diff.js'
export { renderDocxDiff } from './core/render/render-docx-diff.js'
export { renderTextDiff, PLAIN_MARKS, COLOUR_MARKS } from './core/render/render-text-diff.js'
export { renderJsonDiff } from './core/render/render-json-diff.js'
export type { Decision, History, HistoryRecord, Version } from './core/history/history.js'
export { checkChain, lastHash, parseHistory, recordHash, sha256, versionsOf } from './core/history/history.js'
export type { Drift, Replay, ReplayStep } from './core/history/replay.js'
export { replayHistory } from './core/history/replay.js'
export { readHead, withoutHead } from './core/history/head.js'
export { renderCriticDiff } from './core/render/render-critic-diff.js'
export { readCritic } from './core/import/read-critic.js'
export { marshalMotions } from './core/marshal/marshal-motions.js'
export { outcomeSimulator, simulateOutcome } from './core/marshal/simulate-outcome.js'
export type { Outcome, SimulatedOutcome, Simulation } from './core/marshal/simulate-outcome.js'
export type { Conflict, Marshal, MarshalledMotion, Relation, VotingOrder, VotingStep } from './core/marshal/types.js'
export { renderMarshalText, renderMarshalMarkdown, renderMarshalJson } from './core/render/render-marshal.js'
export { renderMarshalHtml } from './core/render/html-marshal.js'

/**
 * Apply motion files, given as their texts, to a protocol's text: all of
 * them or none, as `keeling apply` does. Each motion's `id` is its file
 * name without `.md`; `protocol` is the protocol's slug (the folder the file
 * would be kept in).
 */
export function applyMotionTexts(protocolText: string, motions: { id: string; text: string }[], options: { protocol: string; version?: string }): ApplyResult {
  const inputs = motions.map((motion) => ({ motion: parseMotion(motion.text, motion.id, options.protocol), text: motion.text, name: `${motion.id}.md` }))
  return applyMotions(protocolText, inputs, options.version !== undefined ? { version: options.version } : {})
}

/**
 * The marshalled list of motion files, given as their texts, drafted against
 * a protocol's text: each amendment once in the order of the text (an
 * amendment to an amendment after it), every pair's conflict, and the order
 * of voting; `simulate` gives the text a meeting's decisions would make and
 * the amendments that would fall, as `keeling marshal --carry … --lose …`.
 *
 * @example
 * const meeting = marshalMotionTexts(protocolText, motions, { protocol: 'town-council' })
 * const outcome = meeting.simulate({ carried: ['baker-atmosphere'], lost: ['chen-relaxed'] })
 */
export function marshalMotionTexts(
  protocolText: string,
  motions: { id: string; text: string }[],
  options: { protocol: string; version?: string; order?: VotingOrder }
): { marshal: Marshal; simulate: (outcome: Outcome) => Simulation } {
  const inputs = motions.map((motion) => ({ motion: parseMotion(motion.text, motion.id, options.protocol), text: motion.text, name: `${motion.id}.md` }))
  const version = options.version !== undefined ? { version: options.version } : {}
  const marshal = marshalMotions(protocolText, inputs, { ...version, ...(options.order ? { order: options.order } : {}) })
  return { marshal, simulate: outcomeSimulator(protocolText, inputs, marshal, version) }
}

/**
 * The difference between two texts, clause by clause and word by word: by
 * clause ID when both are keeling protocols, else by content. Render it
 * with the `render…Diff` functions; `acceptAll` and `rejectAll` give the
 * two texts back as a reader has them (a keeling protocol without its front
 * matter and ID anchors, its cross-references as their words; any other
 * text exactly).
 */
export function diffTexts(before: string, after: string, labels: { before: string; after: string } = { before: 'before', after: 'after' }): ChangeSet {
  return buildChangeSet(readDiffDocument(before), readDiffDocument(after), labels)
}

export { draftMotion, MOTION_STYLES } from './core/motion/draft/draft-motion.js'
export type { DraftMeta, DraftedMotion, DraftProblem, MotionStyle } from './core/motion/draft/draft-motion.js'
export { transplant, partsFrom, readersCopy } from './core/motion/draft/transplant.js'
export { draftFromRedline, draftFromTracked } from './core/motion/draft/draft-from-document.js'
