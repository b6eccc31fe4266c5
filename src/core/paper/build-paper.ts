import { type ChangeSet, type ClauseDiff, describeSummary, summarizeChanges } from '../diff/change-set.js'
import { describeGroup, groupReplacements } from '../diff/describe-changes.js'
import { attachAttributions, attributionsOf, type MotionEffect, motionHints } from '../history/attribute.js'
import { type Decision, type History, sha256, standingDecision, type Version, versionsOf } from '../history/history.js'
import type { ReplayStep } from '../history/replay.js'
import type { MotionInput, MotionProblem } from '../motion/apply-motions.js'
import { createParseCache, type ParseCache } from '../parse-cache.js'
import { labelled, PaperWork } from './paper-work.js'
import { problem } from '../problem.js'
import type { VFileMessage } from 'vfile-message'
import type { PaperMeta } from './paper-meta.js'
import { Commenter } from './paper-comments.js'
import { citedAs, type Draft, type DraftSection, numberParagraphs, paragraph } from './paragraph-drafts.js'
import { groupByDecision, groupByMover, sayClauseChange, sayCompeting, sayDecided, sayOutstanding, sayOutstandingText, sayProposed, sayStanding } from './paper-sentences.js'
import { capitalise, describeVersion, implicationsHeading, indent, motionBody, outcomeVerb, quote } from './paper-words.js'
import { longDate } from '../dates.js'
import { possessive, theName } from '../names.js'
export { possessive, theName } from '../names.js'

/** A block of the report: a numbered paragraph (Markdown), unnumbered text, or a table. */
export type PaperBlock =
  | { type: 'paragraph'; number: number; markdown: string }
  | { type: 'text'; markdown: string }
  | { type: 'table'; header: string[]; rows: string[][] }

export interface PaperSection {
  title: string
  blocks: PaperBlock[]
}

/** A committee report: the heading facts, the numbered sections, and the appendix of tracked changes. */
export interface Paper {
  /** "Committee" → "Council", … in the order printed. */
  front: Array<[string, string]>
  title: string
  sections: PaperSection[]
  appendix: { title: string; changeSet: ChangeSet }
  /** The council's name, at the head of the paper ('' when neither PAPER.yml nor the protocol gives it). */
  council: string
  /** What the footer of every page says: the meeting, the item and the title, as a clerk writes them. */
  footer: string
}

/** What the records hold for one protocol: its history replayed, and every motion file it has. */
export interface PaperRecords {
  slug: string
  history: History
  steps: ReplayStep[]
  /** Every motion file of the protocol, by ID (decided, adopted or only tabled). */
  motions: Map<string, MotionInput>
  /** The body whose protocol it is (the protocol's `body:`), if it says. */
  council?: string
}

/** The versions a paper goes between, and any motions put to the meeting (applied, undecided, to `to`). */
export interface PaperRange {
  from: string
  to: string
  proposed?: MotionInput[]
}

/**
 * A reason a paper cannot be written from the records and PAPER.yml as they are: in PAPER.yml (no `name`),
 * or in a motion file (its name), at a line and column there.
 */
export interface PaperProblem {
  name?: string
  message: VFileMessage
}

/** What every section of a paper is written from: the records between the two versions, read once. */
interface PaperFacts {
  records: PaperRecords
  meta: PaperMeta
  from: string
  to: string
  proposed: MotionInput[]
  versions: Version[]
  fromVersion: Version
  toVersion: Version
  fromText: string
  toText: string
  /** The motions put to this meeting as a step after `to`, when there are any. */
  proposedStep: ReplayStep | null
  /** The steps from `from` to `to` (and the proposal). */
  rangeSteps: ReplayStep[]
  /** The step that made version `from`, when it was made by motions: the story so far. */
  contextStep: ReplayStep | null
  /** Each motion's effect on its own, the context step's first. */
  effects: MotionEffect[]
  /** The change set of the appendix, built once. */
  changeSet: ChangeSet
  decision: (motion: string) => Decision | undefined
  /** The motions neither adopted nor proposed that the paper still reports: decided otherwise, or tabled. */
  outstanding: MotionInput[]
  appendixTitle: string
  appendixName: string
  comments: Commenter
  /** The texts read, the motions applied and the change sets built, once each. */
  work: PaperWork
}

/**
 * Write the committee report for the change from version `from` to
 * version `to`: the person's facts from PAPER.yml, and from the records a
 * numbered account of the motions (who moved them, what each body decided,
 * the votes, the dates), the wordings that competed for a clause set side
 * by side, the differences between the versions in sentences, and the
 * appendix as tracked changes. Paragraphs are numbered 1, 2, 3 … through.
 *
 * @param parsed the command's parsed texts: each version and each text a motion makes is parsed once
 * @returns the paper; or every problem that keeps it from being written (motions proposed that do not apply,
 *   comments in PAPER.yml that name nothing in the paper), each where it is
 */
export function buildPaper(records: PaperRecords, range: PaperRange, meta: PaperMeta, parsed: ParseCache = createParseCache()): { paper: Paper } | { problems: PaperProblem[] } {
  const facts = paperFacts(records, range, meta, parsed)
  if ('problems' in facts) return facts
  const drafts = [summarySection, recommendationSection, backgroundSection, ...implicationsSections(meta), impactSection, riskSection, consultedSection, wardsSection, appendicesSection, backgroundPapersSection, contactSection]
    .map((section) => section(facts))
    .filter((section) => section !== null)
  const sections = numberParagraphs(drafts)
  const unused = facts.comments.unused()
  if (unused.length > 0) {
    const ids = [...records.motions.keys()].slice(0, 3).join(', ')
    const reason = (key: string): string => `comments: "${key}" names no motion or changed clause between ${range.from} and ${range.to}; use a motion ID (${ids} …) or the number of a changed clause`
    return { problems: unused.map(([key, place]) => ({ message: problem(reason(key), place, 'paper-unknown-comment') })) }
  }
  const agendaItem: Array<[string, string]> = meta.agendaItem ? [['Agenda item', meta.agendaItem]] : []
  const front: Array<[string, string]> = [
    ['Committee', meta.committee],
    ['Date', longDate(meta.date)],
    ...agendaItem,
    ['Title', meta.title],
    ['Author', meta.author],
    ['Item for decision', meta.forDecision ? 'Yes' : 'No']
  ]
  const paper: Paper = {
    front,
    title: meta.title,
    sections,
    appendix: { title: facts.appendixTitle, changeSet: facts.changeSet },
    council: meta.council || records.council || councilOf(facts.versions),
    footer: `${meta.committee}, ${longDate(meta.date)}${meta.agendaItem ? `, item ${meta.agendaItem}` : ''}: ${meta.title}`
  }
  return { paper }
}

/** The facts every section reads, each worked out once: the versions, the texts, the effects, the change set. */
function paperFacts(records: PaperRecords, range: PaperRange, meta: PaperMeta, parsed: ParseCache): PaperFacts | { problems: PaperProblem[] } {
  const { history, steps, motions } = records
  const { from, to } = range
  const proposed = range.proposed ?? []
  const versions = versionsOf(history)
  const fromIndex = versions.findIndex((version) => version.label === from)
  const toIndex = versions.findIndex((version) => version.label === to)
  const fromVersion = versions[fromIndex]
  const fromStep = steps.find((step) => step.version.label === from)
  const toStep = steps.find((step) => step.version.label === to)
  const namedVersion = versions[toIndex]
  // The command checks the range against the history before it asks for a paper.
  if (!fromVersion || !fromStep || !toStep || !namedVersion) throw new Error(`buildPaper: no version ${fromVersion ? to : from} in the records of ${records.slug}`)
  const decision = (motion: string): Decision | undefined => standingDecision(history, motion)
  const work = new PaperWork(parsed)

  // Motions put to this meeting: applied, undecided, to the last version named.
  const proposal = proposed.length > 0 ? proposalStep(work, toStep, proposed, meta) : null
  if (proposal && 'problems' in proposal) return proposal
  const proposedStep = proposal
  const toText = proposedStep?.after ?? toStep.after
  const toLabel = proposedStep ? `${records.slug}@${to} + ${proposed.map((input) => input.motion.id).join(' + ')}` : `${records.slug}@${to}`
  const rangeSteps = [...steps.slice(fromIndex + 1, toIndex + 1), ...(proposedStep ? [proposedStep] : [])]
  // The motions that made version `from` (the story so far), and each motion's effect on its own: who changed
  // which clause, and which wording a later motion put in place of an earlier one.
  const contextStep = fromVersion.from ? fromStep : null
  const effects = work.effects([...(contextStep ? [contextStep] : []), ...rangeSteps])
  const rangeEffects = effects.filter((effect) => effect.step !== contextStep)
  const changeSet = labelled(work.changeSet(fromStep.after, toText, motionHints(rangeEffects)), { before: `${records.slug}@${from}`, after: toLabel })
  attachAttributions(changeSet, attributionsOf(rangeEffects, decision))
  const appendixTitle =
    meta.appendix || `Appendix A: ${changeSet.after.title || 'the protocol'}, ${proposedStep ? `the changes proposed to the version ${from}` : `changes from the version ${from} to the version ${to}`}`
  return {
    records,
    meta,
    from,
    to,
    proposed,
    versions,
    fromVersion,
    toVersion: proposedStep?.version ?? namedVersion,
    fromText: fromStep.after,
    toText,
    proposedStep,
    rangeSteps,
    contextStep,
    effects,
    changeSet,
    decision,
    outstanding: outstandingMotions(records, versions, toIndex, proposed, rangeSteps, fromVersion, decision),
    appendixTitle,
    appendixName: appendixTitle.split(':')[0]?.trim() || 'the Appendix',
    comments: new Commenter(meta.comments),
    work
  }
}

/**
 * The motions not adopted up to `to`, nor later, nor proposed, that belong in the paper: those decided or tabled
 * since version `from` (and amendments to motions the paper reports). Decided first, by date; then those tabled,
 * by date; undated last.
 */
function outstandingMotions(
  records: PaperRecords,
  versions: Version[],
  toIndex: number,
  proposed: MotionInput[],
  rangeSteps: ReplayStep[],
  fromVersion: Version,
  decision: (motion: string) => Decision | undefined
): MotionInput[] {
  const { motions } = records
  const adoptedUpTo = new Set(versions.slice(0, toIndex + 1).flatMap((version) => version.motions.map((motion) => motion.id)))
  const adoptedLater = new Set(versions.slice(toIndex + 1).flatMap((version) => version.motions.map((motion) => motion.id)))
  const rangeIds = new Set(rangeSteps.flatMap((step) => step.motions.map((input) => input.motion.id)))
  const order = (input: MotionInput): string => {
    const decided = decision(input.motion.id)
    return decided ? `0 ${decided.date}` : `1 ${input.motion.tabled.date || '9999'}`
  }
  return [...motions.values()]
    .filter((input) => !adoptedUpTo.has(input.motion.id) && !adoptedLater.has(input.motion.id) && !proposed.includes(input))
    .filter((input) => input.motion.amends === '' || rangeIds.has(input.motion.amends) || motions.has(input.motion.amends))
    .filter((input) => {
      const when = decision(input.motion.id)?.date || input.motion.tabled.date
      return when === '' || when >= fromVersion.date
    })
    .sort((a, b) => order(a).localeCompare(order(b)) || a.motion.id.localeCompare(b.motion.id))
}

/** Summary: how the protocol came to version `from`, each step to `to`, the motions outstanding, where the differences are. */
function summarySection(facts: PaperFacts): DraftSection {
  const { contextStep, fromVersion, proposedStep, from, to, decision, meta } = facts
  const blocks: Draft[] = []
  if (contextStep && contextStep.motions.length > 0) {
    const groups = groupByDecision(contextStep.motions, decision)
    groups.forEach((group, index) => {
      const last = index === groups.length - 1 ? ` The protocol as amended is the version ${fromVersion.label} (${longDate(fromVersion.date)}).` : ''
      blocks.push(paragraph(`${sayDecided(group)}${last}`))
    })
  } else
    blocks.push(
      paragraph(`The protocol ${proposedStep && to === from ? 'as it stands' : 'before these changes'} is the version ${fromVersion.label}, adopted by ${theName(fromVersion.by || 'the council')} on ${longDate(fromVersion.date)}.`)
    )
  const tracked = `the changes from the version ${from} are set out tracked in ${facts.appendixName} to this report`
  for (const step of facts.rangeSteps) {
    const leading = step.motions.filter((input) => input.motion.amends === '' || !step.motions.some((other) => other.motion.id === input.motion.amends))
    if (step === proposedStep) {
      blocks.push(paragraph(`${groupByMover(leading).map(sayProposed).join(' ')} ${leading.length === 1 ? 'It has' : 'They have'} not been decided; ${tracked}.`))
      continue
    }
    const said = groupByDecision(leading, decision)
      .map((group) => sayDecided(group))
      .join(' ')
    const made = `${step.motions.length === 1 ? 'It makes' : 'They make'} the version ${step.version.label} (${longDate(step.version.date)})`
    blocks.push(paragraph(`${said} ${made}${step.version.label === to && !proposedStep ? `, and ${tracked}` : ''}.`))
  }
  for (const input of facts.outstanding) {
    blocks.push(paragraph((cite) => sayOutstanding(input, decision(input.motion.id), facts.records.motions, cite.paragraphs(`motion:${input.motion.id}`))))
  }
  const what = proposedStep ? 'changes proposed' : 'differences between the two versions'
  blocks.push(paragraph((cite) => `The ${what} are summarised in ${cite.paragraphs('differences')} of this report.`))
  blocks.push(...meta.summary.map((text) => paragraph(text)))
  return { title: 'Summary', blocks }
}

function recommendationSection({ meta }: PaperFacts): DraftSection {
  return { title: meta.recommendation.length === 1 ? 'Recommendation' : 'Recommendations', blocks: meta.recommendation.map((text) => paragraph(text)) }
}

/** Background: the person's paragraphs, the motions as moved, the competing wordings, the differences. */
function backgroundSection(facts: PaperFacts): DraftSection {
  const competing = competingWordings(facts)
  const blocks = [
    ...facts.meta.background.map((text) => paragraph(text)),
    ...motionsAsMoved(facts),
    ...competing.blocks,
    ...proposedMotions(facts),
    ...outstandingTexts(facts),
    ...citedAs('differences', differences(facts, competing.discussed))
  ]
  return { title: 'Background', blocks }
}

/** The motions that made version `from`, quoted as moved, a paragraph for each decision. */
function motionsAsMoved({ contextStep, decision }: PaperFacts): Draft[] {
  if (!contextStep || contextStep.motions.length === 0) return []
  return groupByDecision(contextStep.motions, decision).map((group) => {
    const first = group.motions[0]
    const lead = `The ${group.motions.length === 1 ? 'amendment' : 'amendments'} moved by ${theName(group.decision?.mover || first?.motion.mover || 'its mover')} and ${outcomeVerb(group.decision?.outcome)} by ${theName(group.decision?.body || 'the council')}${group.decision?.date ? ` on ${longDate(group.decision.date)}` : ''} ${group.motions.length === 1 ? 'was' : 'were'}:`
    const listed = group.motions.map((input, index) => `${index + 1}. “${input.motion.title || input.motion.id}”\n\n${indent(quote(motionBody(input.text)), 3)}`)
    return paragraph(`${lead}\n\n${listed.join('\n\n')}`)
  })
}

/**
 * What became of each earlier motion's words: kept as they were, or a later motion's wording in their place;
 * with the clauses so discussed (the differences leave them out).
 */
function competingWordings(facts: PaperFacts): { blocks: Draft[]; discussed: Set<string> } {
  const { effects, contextStep, decision, comments } = facts
  const blocks: Draft[] = []
  const discussed = new Set<string>()
  const now = new Map(facts.changeSet.clauses.flatMap((clause) => (clause.after ? [[clause.after.id, clause.after] as const] : [])))
  for (const [index, earlier] of effects.entries()) {
    const inContext = earlier.step === contextStep
    const standingClauses: ClauseDiff[] = []
    for (const [id, clause] of earlier.clauses) {
      const later = effects.slice(index + 1).find((other) => other.step !== earlier.step && other.clauses.has(id))
      const unit = now.get(id)
      const laterClause = later?.clauses.get(id)
      if (!later || !laterClause) {
        if (inContext) standingClauses.push(clause)
        continue
      }
      if (!unit || discussed.has(id)) continue
      discussed.add(id)
      blocks.push(paragraph(sayCompeting(later, earlier, clause, laterClause, unit, decision)), ...comments.takeClause(unit))
    }
    const standing = groupReplacements(standingClauses).flatMap((group) => describeGroup(group, earlier.order))
    if (standing.length > 0) blocks.push(paragraph(sayStanding(earlier, standing)))
    if (inContext) blocks.push(...comments.take(earlier.input.motion.id))
  }
  return { blocks, discussed }
}

/** The motions put to this meeting, quoted. */
function proposedMotions({ proposedStep, comments }: PaperFacts): Draft[] {
  return (proposedStep?.motions ?? []).flatMap((input) => [
    paragraph(`${capitalise(possessive(input.motion.mover || 'the mover'))} amendment “${input.motion.title || input.motion.id}” reads:\n\n${quote(motionBody(input.text))}`),
    ...comments.take(input.motion.id)
  ])
}

/** Each outstanding motion quoted, with what it would change; the summary cites it as `motion:ID`. */
function outstandingTexts(facts: PaperFacts): Draft[] {
  const { records, fromText, toText, decision, comments, work } = facts
  return facts.outstanding.flatMap((input) => {
    const target = input.motion.amends ? records.motions.get(input.motion.amends) : undefined
    const said = sayOutstandingText(work, input, target, { fromText, toText, steps: records.steps }, decision)
    return [paragraph(said, `motion:${input.motion.id}`), ...comments.take(input.motion.id)]
  })
}

/** The differences between the versions in sentences, clause by clause, each comment after what it is about. */
function differences(facts: PaperFacts, discussed: Set<string>): Draft[] {
  const { changeSet, proposedStep, proposed, fromVersion, toVersion, comments } = facts
  const changed = changeSet.clauses.filter((clause) => clause.type !== 'unchanged' && clause.type !== 'moved-away')
  const between = proposedStep ? `that ${proposed.length === 1 ? 'the amendment' : 'the amendments'} would make to ${describeVersion(fromVersion)}` : `between ${describeVersion(fromVersion)} and ${describeVersion(toVersion)}`
  const following = discussed.size > 0 ? ' Besides those set out above, they are as follows.' : changed.length > 0 ? ' They are as follows.' : ''
  const blocks: Draft[] = [paragraph(`The changes ${between} are shown tracked in ${facts.appendixName}: ${describeSummary(summarizeChanges(changeSet))}.${following}`)]
  const groups = groupReplacements(changed.filter((clause) => !discussed.has(clause.id)))
  // A comment on a motion follows the last change that motion made, so it is never printed under another's.
  const lastOf = new Map<string, number>()
  groups.forEach((group, index) => group.forEach((clause) => clause.attribution.forEach((item) => lastOf.set(item.motion, index))))
  groups.forEach((group, index) => {
    blocks.push(paragraph(sayClauseChange(group, changeSet.clauses)))
    for (const clause of group) {
      const unit = clause.after ?? clause.before
      if (unit) blocks.push(...comments.takeClause(unit))
    }
    for (const [motion, at] of lastOf) if (at === index) blocks.push(...comments.take(motion))
  })
  for (const input of facts.rangeSteps.flatMap((step) => step.motions)) blocks.push(...comments.take(input.motion.id))
  return blocks
}

/** One section for each implication PAPER.yml gives ("Financial implications"). */
function implicationsSections(meta: PaperMeta): Array<(facts: PaperFacts) => DraftSection> {
  return meta.implications.map(([heading, text]) => () => ({ title: implicationsHeading(heading), blocks: [paragraph(text)] }))
}

function impactSection({ meta }: PaperFacts): DraftSection | null {
  if (meta.impact.length === 0) return null
  return { title: 'Impact', blocks: [{ type: 'table', header: ['Area', 'Impact'], rows: meta.impact.map(([area, impact]) => [area, impact]) }] }
}

const RISK_SCALE = '1 = little or no risk or impact; 2 = some risk or impact, action may be necessary; 3 = significant risk or impact, action required; 4 = near certainty of risk occurring, catastrophic effect or failure of project.'

function riskSection({ meta }: PaperFacts): DraftSection | null {
  if (meta.risks.length === 0) return null
  const rows = meta.risks.map((risk) => [risk.risk, risk.likelihood, risk.impact, risk.mitigation])
  return { title: 'Risk analysis', blocks: [{ type: 'table', header: ['Risk', 'Likelihood', 'Impact', 'Mitigating actions'], rows }, { type: 'text', markdown: RISK_SCALE }] }
}

function consultedSection({ meta }: PaperFacts): DraftSection | null {
  if (meta.consulted.length === 0) return null
  return { title: 'Others consulted on the report', blocks: [{ type: 'table', header: ['Who', 'Consulted'], rows: meta.consulted.map(([who, answer]) => [who, answer]) }] }
}

function wardsSection({ meta }: PaperFacts): DraftSection | null {
  return meta.wards.length > 0 ? { title: 'Wards affected', blocks: [paragraph(meta.wards.join(', '))] } : null
}

/** The appendix named, and what it was prepared from (the SHA-256 of the text it shows). */
function appendicesSection({ proposedStep, from, to, proposed, toVersion, appendixTitle }: PaperFacts): DraftSection {
  const made = proposedStep ? `the version ${from} with the ${proposed.length === 1 ? 'amendment' : 'amendments'} proposed applied` : `the versions ${from} and ${to}`
  const sources = `It was prepared from the records: ${made} (SHA-256 of the text ${toVersion.sha256.slice(0, 12)}…).`
  return { title: 'Appendices', blocks: [paragraph(`${appendixTitle} (the changes tracked: struck words are left out, underlined words are inserted). ${sources}`)] }
}

function backgroundPapersSection({ meta }: PaperFacts): DraftSection {
  const papers = meta.backgroundPapers
  const none = papers.length === 0 || (papers.length === 1 && /^none\.?$/i.test(papers[0] ?? ''))
  const listed = `The following papers were referred to by the author in the preparation of this report and are available for inspection from the author of the report:\n\n${papers.map((paper) => `- ${paper}`).join('\n')}`
  return { title: 'Background papers', blocks: [paragraph(none ? 'None.' : listed)] }
}

function contactSection({ meta }: PaperFacts): DraftSection | null {
  if (!meta.contact) return null
  const { name, role, email, phone } = meta.contact
  const lines = [`Name: ${name}`, role ? `Post: ${role}` : '', email ? `Email: ${email}` : '', phone ? `Telephone: ${phone}` : ''].filter(Boolean)
  return { title: 'Contact officer', blocks: [{ type: 'text', markdown: lines.join('\\\n') }] }
}

/** The proposed motions as a step after version `to`: the text as it would be if they were carried; or why they cannot be. */
function proposalStep(work: PaperWork, toStep: ReplayStep, proposed: MotionInput[], meta: PaperMeta): ReplayStep | { problems: PaperProblem[] } {
  const applied = work.apply(toStep.after, proposed, { version: toStep.version.label })
  if ('problems' in applied) return { problems: applied.problems.map((found) => proposalProblem(found, toStep.version.label)) }
  const version: Version = {
    record: 'version',
    label: 'proposed',
    date: meta.date,
    by: meta.committee,
    from: toStep.version.label,
    motions: proposed.map((input) => ({ id: input.motion.id, sha256: sha256(input.text) })),
    sha256: sha256(applied.text),
    previous: ''
  }
  return { version, motions: proposed, before: toStep.after, after: applied.text }
}

/** A problem of a proposed motion, said as the paper's: where in the motion file, and the version it would change. */
function proposalProblem(found: MotionProblem, version: string): PaperProblem {
  const { message } = found
  const place = { line: message.line ?? 1, column: message.column ?? 1 }
  return { name: found.name, message: problem(`the proposed motions cannot be applied to the version ${version}: ${message.reason}`, place, message.ruleId ?? 'paper-proposal', message.fatal ? 'error' : 'warning') }
}

/**
 * The council a paper heads with when neither PAPER.yml nor the protocol names it: the first version adopted by
 * a council with a name of its own ("Anytown Town Council", not "Council"), or ''.
 */
function councilOf(versions: Version[]): string {
  return versions.map((version) => version.by.trim()).find((by) => /\bcouncil\b/i.test(by) && theName(by) === by) ?? ''
}

