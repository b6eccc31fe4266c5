import { type Attribution, buildChangeSet, type ChangeSet } from '../diff/change-set.js'
import { type DiffDocument, readDiffDocument } from '../diff/diff-document.js'
import { attachAttributions, attributionsOf, motionEffects, motionHints } from '../history/attribute.js'
import { type Decision, type History, standingDecision, type Version, versionsOf } from '../history/history.js'
import type { ReplayStep } from '../history/replay.js'
import type { MotionInput } from '../motion/apply-motions.js'
import { createParseCache, type ParseCache } from '../parse-cache.js'

/** What the site is built from, for one protocol: its file, its history and the texts of its versions. */
export interface SiteProtocol {
  slug: string
  /** The protocol file as stored, without its `history-head` line. */
  text: string
  history: History
  /** Every version's text with the motions adopted into it, oldest first (a history's replay); none without a history. */
  steps: ReplayStep[]
  /** Every motion file of the protocol, by ID. */
  motions: Map<string, MotionInput>
  /** The texts the command has parsed and the motions it has applied (its replay's), shared with the pages. */
  parsed?: ParseCache
}

/** One protocol as the pages read it: the facts worked out once. */
export interface ProtocolView {
  slug: string
  title: string
  body: string
  history: History
  steps: ReplayStep[]
  versions: Version[]
  /** The last version, or undefined when none is recorded. */
  last: Version | undefined
  /** The text the protocol page shows: the last version's, else the file's. */
  current: string
  /** That text read clause by clause. */
  currentDocument: DiffDocument
  /** The file's text, when it differs from the last version (motions applied with `keeling apply`, not yet adopted). */
  unadopted: string | undefined
  motions: Map<string, MotionInput>
  decision: (motion: string) => Decision | undefined
  /** For each version after the first, by label: the changes from the version before, each attributed. */
  changes: Map<string, ChangeSet>
  /** Clause ID → the motions that changed it, oldest first, across every version. */
  changedBy: Map<string, Attribution[]>
  /** Each version's text read clause by clause, by label. */
  documents: Map<string, DiffDocument>
  /** The texts parsed and the motions applied for this protocol's pages, each once. */
  parsed: ParseCache
}

/** Work out what the pages of one protocol need. */
export function viewProtocol(input: SiteProtocol): ProtocolView {
  const versions = versionsOf(input.history)
  const last = versions.at(-1)
  const lastText = input.steps.at(-1)?.after
  const current = lastText ?? input.text
  const parsed = input.parsed ?? createParseCache()
  const data = parsed.protocol(input.text).frontMatter.data
  const decision = (motion: string): Decision | undefined => standingDecision(input.history, motion)
  const changes = new Map<string, ChangeSet>()
  const documents = new Map<string, DiffDocument>()
  for (const step of input.steps) documents.set(step.version.label, readDiffDocument(step.after, parsed))
  for (const step of input.steps.slice(1)) {
    const effects = motionEffects([step], parsed)
    const labels = { before: `${input.slug}@${step.version.from}`, after: `${input.slug}@${step.version.label}` }
    const changeSet = buildChangeSet(readDiffDocument(step.before, parsed), documents.get(step.version.label) ?? readDiffDocument(step.after, parsed), labels, motionHints(effects))
    changes.set(step.version.label, attachAttributions(changeSet, attributionsOf(effects, decision)))
  }
  const currentDocument = readDiffDocument(current, parsed)
  const text = (value: unknown): string => (typeof value === 'string' ? value : '')
  return {
    slug: input.slug,
    title: currentDocument.title || text(data['title']) || input.slug,
    body: text(data['body']),
    history: input.history,
    steps: input.steps,
    versions,
    last,
    current,
    currentDocument,
    unadopted: lastText !== undefined && lastText !== input.text ? input.text : undefined,
    motions: input.motions,
    decision,
    changes,
    changedBy: attributionsOf(motionEffects(input.steps, parsed), decision),
    documents,
    parsed
  }
}

/** The IDs of the motions adopted in any version. */
export function adoptedMotions(view: ProtocolView): Set<string> {
  return new Set(view.versions.flatMap((version) => version.motions.map((motion) => motion.id)))
}

/** The version that adopted a motion, if one did. */
export function versionAdopting(view: ProtocolView, motion: string): Version | undefined {
  return view.versions.find((version) => version.motions.some((item) => item.id === motion))
}

/**
 * The motions still before a body: files not adopted in any version, and
 * not lost, withdrawn or superseded.
 */
export function pendingMotions(view: ProtocolView): MotionInput[] {
  const adopted = adoptedMotions(view)
  return [...view.motions.values()]
    .filter((input) => !adopted.has(input.motion.id))
    .filter((input) => {
      const outcome = view.decision(input.motion.id)?.outcome
      return outcome === undefined || outcome === 'carried' || outcome === 'deferred' || outcome === 'referred'
    })
    .sort((a, b) => (a.motion.id < b.motion.id ? -1 : 1))
}
