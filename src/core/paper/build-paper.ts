import { buildChangeSet, type ChangeSet, type ClauseDiff, clauseWords, describeSummary, summarizeChanges } from '../diff/change-set.js'
import { type DiffUnit, readDiffDocument, unitText } from '../diff/diff-document.js'
import { type ChangeSentence, describeClause, describeClauses, describeGroup, groupReplacements, nameOf, phrases } from '../diff/describe-changes.js'
import { attachAttributions, attributionsOf, type MotionEffect, motionEffects, motionHints } from '../history/attribute.js'
import { type Decision, type History, sha256, standingDecision, type Version, versionsOf } from '../history/history.js'
import type { ReplayStep } from '../history/replay.js'
import { applyMotions, type MotionInput } from '../motion/apply-motions.js'
import { compareMotions } from '../motion/compare-motions.js'
import type { PaperComment, PaperMeta } from './paper-meta.js'
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

/**
 * Write the committee report for the change from version `from` to
 * version `to`: the person's facts from PAPER.yml, and from the records a
 * numbered account of the motions (who moved them, what each body decided,
 * the votes, the dates), the wordings that competed for a clause set side
 * by side, the differences between the versions in sentences, and the
 * appendix as tracked changes. Paragraphs are numbered 1, 2, 3 … through.
 */
export function buildPaper(records: PaperRecords, range: PaperRange, meta: PaperMeta): Paper {
  const { history, steps, motions } = records
  const { from, to } = range
  const proposed = range.proposed ?? []
  const versions = versionsOf(history)
  const fromIndex = versions.findIndex((version) => version.label === from)
  const toIndex = versions.findIndex((version) => version.label === to)
  const fromVersion = versions[fromIndex] as Version
  const stepOf = (label: string): ReplayStep => steps.find((step) => step.version.label === label) as ReplayStep
  const fromText = stepOf(from).after
  const decision = (motion: string): Decision | undefined => standingDecision(history, motion)

  // Motions put to this meeting: applied, undecided, to the last version named.
  const proposedStep = proposed.length > 0 ? proposalStep(stepOf(to), proposed, meta) : null
  const toVersion = proposedStep?.version ?? (versions[toIndex] as Version)
  const toText = proposedStep?.after ?? stepOf(to).after
  const toLabel = proposedStep ? `${records.slug}@${to} + ${proposed.map((input) => input.motion.id).join(' + ')}` : `${records.slug}@${to}`

  const rangeSteps = [...steps.slice(fromIndex + 1, toIndex + 1), ...(proposedStep ? [proposedStep] : [])]
  // The motions that made version `from` (the story so far), and each motion's effect on its own: who changed
  // which clause, and which wording a later motion put in place of an earlier one.
  const contextStep = fromVersion.from ? stepOf(from) : null
  const effects = motionEffects([...(contextStep ? [contextStep] : []), ...rangeSteps])
  const rangeEffects = effects.filter((effect) => effect.step !== contextStep)
  const changeSet = buildChangeSet(readDiffDocument(fromText), readDiffDocument(toText), { before: `${records.slug}@${from}`, after: toLabel }, motionHints(rangeEffects))
  attachAttributions(changeSet, attributionsOf(rangeEffects, decision))

  const writer = new Numbered()
  const comments = new Commenter(meta.comments)
  const appendixTitle = meta.appendix || `Appendix A: ${changeSet.after.title || 'the protocol'}, ${proposedStep ? `the changes proposed to the version ${from}` : `changes from the version ${from} to the version ${to}`}`
  const appendixName = appendixTitle.split(':')[0]?.trim() || 'the Appendix'

  // Motions adopted up to `to`, and those not (yet) adopted.
  const adoptedUpTo = new Set(versions.slice(0, toIndex + 1).flatMap((version) => version.motions.map((motion) => motion.id)))
  const adoptedLater = new Set(versions.slice(toIndex + 1).flatMap((version) => version.motions.map((motion) => motion.id)))
  const rangeIds = new Set(rangeSteps.flatMap((step) => step.motions.map((input) => input.motion.id)))
  const outstanding = [...motions.values()]
    .filter((input) => !adoptedUpTo.has(input.motion.id) && !adoptedLater.has(input.motion.id) && !proposed.includes(input))
    .filter((input) => input.motion.amends === '' || rangeIds.has(input.motion.amends) || motions.has(input.motion.amends))
    .filter((input) => {
      const decided = decision(input.motion.id)
      const when = decided?.date || input.motion.tabled.date
      return when === '' || when >= fromVersion.date
    })
    // Decided first, by date; then those tabled, by date; undated last.
    .sort((a, b) => outstandingOrder(a).localeCompare(outstandingOrder(b)) || a.motion.id.localeCompare(b.motion.id))
  function outstandingOrder(input: MotionInput): string {
    const decided = decision(input.motion.id)
    return decided ? `0 ${decided.date}` : `1 ${input.motion.tabled.date || '9999'}`
  }

  // Summary.
  const summary: PaperBlock[] = []
  if (contextStep && contextStep.motions.length > 0) {
    const groups = groupByDecision(contextStep.motions, decision)
    groups.forEach((group, index) => {
      const last = index === groups.length - 1 ? ` The protocol as amended is the version ${fromVersion.label} (${longDate(fromVersion.date)}).` : ''
      summary.push(writer.paragraph(`${sayDecided(group)}${last}`))
    })
  } else summary.push(writer.paragraph(`The protocol ${proposedStep && to === from ? 'as it stands' : 'before these changes'} is the version ${fromVersion.label}, adopted by ${theName(fromVersion.by || 'the council')} on ${longDate(fromVersion.date)}.`))
  for (const step of rangeSteps) {
    const leading = step.motions.filter((input) => input.motion.amends === '' || !step.motions.some((other) => other.motion.id === input.motion.amends))
    const tracked = `the changes from the version ${from} are set out tracked in ${appendixName} to this report`
    if (step === proposedStep) {
      summary.push(writer.paragraph(`${groupByMover(leading).map(sayProposed).join(' ')} ${leading.length === 1 ? 'It has' : 'They have'} not been decided; ${tracked}.`))
      continue
    }
    const said = groupByDecision(leading, decision).map((group) => sayDecided(group)).join(' ')
    const made = `${step.motions.length === 1 ? 'It makes' : 'They make'} the version ${step.version.label} (${longDate(step.version.date)})`
    summary.push(writer.paragraph(`${said} ${made}${step.version.label === to && !proposedStep ? `, and ${tracked}` : ''}.`))
  }
  for (const input of outstanding) summary.push(writer.paragraph(sayOutstanding(input, decision(input.motion.id), motions)))
  summary.push(writer.paragraph(`The ${proposedStep ? 'changes proposed' : 'differences between the two versions'} are summarised in paragraphs {{differences-first}} to {{differences-last}} of this report.`))
  for (const text of meta.summary) summary.push(writer.paragraph(text))

  const recommendation = meta.recommendation.map((text) => writer.paragraph(text))

  // Background: the person's paragraphs, the motions as moved, the competing wordings, the differences.
  const background: PaperBlock[] = meta.background.map((text) => writer.paragraph(text))
  if (contextStep && contextStep.motions.length > 0) {
    for (const group of groupByDecision(contextStep.motions, decision)) {
      const first = group.motions[0] as MotionInput
      const lead = `The ${group.motions.length === 1 ? 'amendment' : 'amendments'} moved by ${theName(group.decision?.mover || first.motion.mover || 'its mover')} and ${outcomeVerb(group.decision?.outcome)} by ${theName(group.decision?.body || 'the council')}${group.decision?.date ? ` on ${longDate(group.decision.date)}` : ''} ${group.motions.length === 1 ? 'was' : 'were'}:`
      background.push(writer.paragraph(`${lead}\n\n${group.motions.map((input, index) => `${index + 1}. “${input.motion.title || input.motion.id}”\n\n${indent(quote(motionBody(input.text)), 3)}`).join('\n\n')}`))
    }
  }

  // What became of each earlier motion's words: kept as they were, or a later motion's wording in their place.
  const discussed = new Set<string>()
  const afterUnits = new Map(readDiffDocument(toText).units.map((unit) => [unit.id, unit]))
  for (const [index, earlier] of effects.entries()) {
    const inContext = earlier.step === contextStep
    const standingClauses: ClauseDiff[] = []
    for (const [id, clause] of earlier.clauses) {
      const later = effects.slice(index + 1).find((other) => other.step !== earlier.step && other.clauses.has(id))
      const now = afterUnits.get(id)
      if (!later) {
        if (inContext) standingClauses.push(clause)
        continue
      }
      if (!now || discussed.has(id)) continue
      discussed.add(id)
      background.push(writer.paragraph(sayCompeting(later, earlier, clause, later.clauses.get(id) as ClauseDiff, now, decision)))
      background.push(...comments.takeClause(now, writer))
    }
    const standing = groupReplacements(standingClauses).flatMap((group) => describeGroup(group, earlier.order))
    if (standing.length > 0) background.push(writer.paragraph(sayStanding(earlier, standing)))
    if (inContext) background.push(...comments.take(earlier.input.motion.id, writer))
  }
  for (const input of proposedStep?.motions ?? []) {
    background.push(writer.paragraph(`${capitalise(possessive(input.motion.mover || 'the mover'))} amendment “${input.motion.title || input.motion.id}” reads:\n\n${quote(motionBody(input.text))}`))
    background.push(...comments.take(input.motion.id, writer))
  }
  for (const input of outstanding) {
    const target = input.motion.amends ? motions.get(input.motion.amends) : undefined
    background.push(writer.paragraph(sayOutstandingText(input, target, fromText, toText, steps, decision), `motion:${input.motion.id}`))
    background.push(...comments.take(input.motion.id, writer))
  }

  const changed = changeSet.clauses.filter((clause) => clause.type !== 'unchanged' && clause.type !== 'moved-away')
  const first = writer.next
  background.push(
    writer.paragraph(
      `The changes ${proposedStep ? `that ${proposed.length === 1 ? 'the amendment' : 'the amendments'} would make to ${describeVersion(fromVersion)}` : `between ${describeVersion(fromVersion)} and ${describeVersion(toVersion)}`} are shown tracked in ${appendixName}: ${describeSummary(summarizeChanges(changeSet))}.${discussed.size > 0 ? ` Besides those set out above, they are as follows.` : changed.length > 0 ? ' They are as follows.' : ''}`
    )
  )
  const groups = groupReplacements(changed.filter((clause) => !discussed.has(clause.id)))
  // A comment on a motion follows the last change that motion made, so it is never printed under another's.
  const lastOf = new Map<string, number>()
  groups.forEach((group, index) => group.forEach((clause) => clause.attribution.forEach((item) => lastOf.set(item.motion, index))))
  groups.forEach((group, index) => {
    background.push(writer.paragraph(sayClauseChange(group, changeSet.clauses)))
    for (const clause of group) {
      const unit = clause.after ?? clause.before
      if (unit) background.push(...comments.takeClause(unit, writer))
    }
    for (const [motion, at] of lastOf) if (at === index) background.push(...comments.take(motion, writer))
  })
  for (const input of rangeSteps.flatMap((step) => step.motions)) background.push(...comments.take(input.motion.id, writer))
  const last = writer.next - 1
  for (const block of summary) if (block.type === 'paragraph') block.markdown = block.markdown.replace('{{differences-first}}', String(first)).replace('{{differences-last}}', String(last))

  const sections: PaperSection[] = [
    { title: 'Summary', blocks: summary },
    { title: meta.recommendation.length === 1 ? 'Recommendation' : 'Recommendations', blocks: recommendation },
    { title: 'Background', blocks: background }
  ]
  for (const [heading, text] of meta.implications) sections.push({ title: implicationsHeading(heading), blocks: [writer.paragraph(text)] })
  if (meta.impact.length > 0) sections.push({ title: 'Impact', blocks: [{ type: 'table', header: ['Area', 'Impact'], rows: meta.impact.map(([area, impact]) => [area, impact]) }] })
  if (meta.risks.length > 0)
    sections.push({
      title: 'Risk analysis',
      blocks: [
        { type: 'table', header: ['Risk', 'Likelihood', 'Impact', 'Mitigating actions'], rows: meta.risks.map((risk) => [risk.risk, risk.likelihood, risk.impact, risk.mitigation]) },
        { type: 'text', markdown: '1 = little or no risk or impact; 2 = some risk or impact, action may be necessary; 3 = significant risk or impact, action required; 4 = near certainty of risk occurring, catastrophic effect or failure of project.' }
      ]
    })
  if (meta.consulted.length > 0) sections.push({ title: 'Others consulted on the report', blocks: [{ type: 'table', header: ['Who', 'Consulted'], rows: meta.consulted.map(([who, answer]) => [who, answer]) }] })
  if (meta.wards.length > 0) sections.push({ title: 'Wards affected', blocks: [writer.paragraph(meta.wards.join(', '))] })
  const sources = `It was prepared from the records: ${proposedStep ? `the version ${from} with the ${proposed.length === 1 ? 'amendment' : 'amendments'} proposed applied` : `the versions ${from} and ${to}`} (SHA-256 of the text ${toVersion.sha256.slice(0, 12)}…).`
  sections.push({ title: 'Appendices', blocks: [writer.paragraph(`${appendixTitle} (the changes tracked: struck words are left out, underlined words are inserted). ${sources}`)] })
  sections.push({
    title: 'Background papers',
    blocks: [
      writer.paragraph(
        meta.backgroundPapers.length === 0 || (meta.backgroundPapers.length === 1 && /^none\.?$/i.test(meta.backgroundPapers[0] ?? ''))
          ? 'None.'
          : `The following papers were referred to by the author in the preparation of this report and are available for inspection from the author of the report:\n\n${meta.backgroundPapers.map((paper) => `- ${paper}`).join('\n')}`
      )
    ]
  })
  if (meta.contact) {
    const { name, role, email, phone } = meta.contact
    const lines = [`Name: ${name}`, role ? `Post: ${role}` : '', email ? `Email: ${email}` : '', phone ? `Telephone: ${phone}` : ''].filter(Boolean)
    sections.push({ title: 'Contact officer', blocks: [{ type: 'text', markdown: lines.join('\\\n') }] })
  }
  writer.resolve()
  const unused = comments.unused()
  if (unused.length > 0) throw new PaperProblem(`comments: ${unused.map((key) => `"${key}"`).join(', ')} ${unused.length === 1 ? 'names' : 'name'} no motion or changed clause between ${from} and ${to}; use a motion ID (${[...motions.keys()].slice(0, 3).join(', ')} …) or the number of a changed clause`)

  const front: Array<[string, string]> = [
    ['Committee', meta.committee],
    ['Date', longDate(meta.date)],
    ...(meta.agendaItem ? [['Agenda item', meta.agendaItem] as [string, string]] : []),
    ['Title', meta.title],
    ['Author', meta.author],
    ['Item for decision', meta.forDecision ? 'Yes' : 'No']
  ]
  return {
    front,
    title: meta.title,
    sections,
    appendix: { title: appendixTitle, changeSet },
    council: meta.council || records.council || councilOf(versions),
    footer: `${meta.committee}, ${longDate(meta.date)}${meta.agendaItem ? `, item ${meta.agendaItem}` : ''}: ${meta.title}`
  }
}

/** The versions a paper goes between, and any motions put to the meeting (applied, undecided, to `to`). */
export interface PaperRange {
  from: string
  to: string
  proposed?: MotionInput[]
}

/** The proposed motions as a step after version `to`: the text as it would be if they were carried. */
function proposalStep(toStep: ReplayStep, proposed: MotionInput[], meta: PaperMeta): ReplayStep {
  const applied = applyMotions(toStep.after, proposed, { version: toStep.version.label })
  if ('problems' in applied) {
    const first = applied.problems[0]
    throw new PaperProblem(`the proposed motions cannot be applied to the version ${toStep.version.label}${first ? `: ${first.name}:${first.message.line ?? 1}:${first.message.column ?? 1}: ${first.message.reason}` : ''}`)
  }
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

/**
 * The council a paper heads with when neither PAPER.yml nor the protocol names it: the first version adopted by
 * a council with a name of its own ("Anytown Town Council", not "Council"), or ''.
 */
function councilOf(versions: Version[]): string {
  return versions.map((version) => version.by.trim()).find((by) => /\bcouncil\b/i.test(by) && theName(by) === by) ?? ''
}

/** Motions put by the same mover, in order. */
function groupByMover(inputs: MotionInput[]): MotionInput[][] {
  const groups = new Map<string, MotionInput[]>()
  for (const input of inputs) groups.set(input.motion.mover, [...(groups.get(input.motion.mover) ?? []), input])
  return [...groups.values()]
}

/** "The Constitutional Task Group proposes the amendment “…”, tabled for its meeting on 1 April 2014." */
function sayProposed(group: MotionInput[]): string {
  const first = group[0] as MotionInput
  const noun = group.length === 1 ? 'the amendment' : `${countWord(group.length)} amendments`
  const tabled = first.motion.tabled
  const where = tabled.meeting || [tabled.body, tabled.date ? longDate(tabled.date) : ''].filter(Boolean).join(', ')
  return `${capitalise(theName(first.motion.mover || 'a member'))} proposes ${noun} ${listAnd(group.map((input) => `“${input.motion.title || input.motion.id}”`))}${where ? `, tabled for ${theName(where)}` : ''}.`
}

/** A paper that cannot be written from the records and PAPER.yml as they are. */
export class PaperProblem extends Error {}

/** Numbers paragraphs 1, 2, 3 … in the order they are written; `{{key}}` in any of them becomes the number of the paragraph written with that key. */
class Numbered {
  next = 1
  private readonly keys = new Map<string, number>()
  private readonly written: Array<PaperBlock & { type: 'paragraph' }> = []

  paragraph(markdown: string, key?: string): PaperBlock {
    const block = { type: 'paragraph' as const, number: this.next++, markdown }
    if (key) this.keys.set(key, block.number)
    this.written.push(block)
    return block
  }

  /** Put the numbers in place of the keys; "paragraphs 16 to 16" reads "paragraph 16". */
  resolve(): void {
    for (const block of this.written) {
      block.markdown = block.markdown
        .replace(/\{\{([\w:.-]+)\}\}/g, (whole, key: string) => String(this.keys.get(key) ?? whole))
        .replace(/paragraphs (\d+) to \1\b/g, 'paragraph $1')
    }
  }
}

/** The person's comments, each printed once, after the motion or clause it names. */
class Commenter {
  private readonly used = new Set<string>()
  constructor(private readonly comments: Map<string, PaperComment>) {}

  take(key: string, writer: Numbered): PaperBlock[] {
    if (this.used.has(key) || !this.comments.has(key)) return []
    this.used.add(key)
    return (this.comments.get(key)?.paragraphs ?? []).map((text) => writer.paragraph(text))
  }

  /** Comments on a clause: by its number (7.2) or its ID. */
  takeClause(unit: DiffUnit, writer: Numbered): PaperBlock[] {
    const number = unit.number.replace(/\.$/, '')
    return [...(number ? this.take(number, writer) : []), ...(unit.id ? this.take(unit.id, writer) : [])]
  }

  unused(): string[] {
    return [...this.comments.keys()].filter((key) => !this.used.has(key))
  }
}

interface DecisionGroup {
  decision: Decision | undefined
  motions: MotionInput[]
}

/** Motions decided together: the same body, date, outcome and mover. */
function groupByDecision(inputs: MotionInput[], decision: (motion: string) => Decision | undefined): DecisionGroup[] {
  const groups = new Map<string, DecisionGroup>()
  for (const input of inputs) {
    const decided = decision(input.motion.id)
    const key = [decided?.date, decided?.body, decided?.outcome, decided?.mover || input.motion.mover].join('\u0000')
    const group = groups.get(key) ?? { decision: decided, motions: [] }
    group.motions.push(input)
    groups.set(key, group)
  }
  return [...groups.values()]
}

/** "On 4 April 2017, Uttlesford District Council carried two amendments moved by Cllr Artus: “…” and “…”." */
function sayDecided(group: DecisionGroup): string {
  const first = group.motions[0] as MotionInput
  const decided = group.decision
  const mover = decided?.mover || first.motion.mover
  const count = group.motions.length
  const noun = count === 1 ? 'the amendment' : `${countWord(count)} amendments`
  const titles = listAnd(group.motions.map((input) => `“${input.motion.title || input.motion.id}”`))
  const seconded = decided?.seconder ? `, seconded by ${decided.seconder}` : ''
  if (!decided) return `${capitalise(noun)} moved by ${theName(mover)}${seconded}, ${titles}, ${count === 1 ? 'was' : 'were'} adopted.`
  const verb = outcomeVerb(decided.outcome)
  const own = mover === decided.body
  return `On ${longDate(decided.date)}, ${theName(decided.body)} ${verb} ${own ? `its own ${noun.replace(/^the /, '')}` : `${noun} moved by ${theName(mover)}${seconded}`}${votesOf(decided)}: ${titles}.`
}

function votesOf(decided: Decision | undefined): string {
  if (!decided) return ''
  const votes = [decided.for ? `${decided.for} for` : '', decided.against ? `${decided.against} against` : '', decided.abstain ? `${decided.abstain} abstaining` : ''].filter(Boolean)
  return votes.length > 0 ? ` (${votes.join(', ')})` : ''
}

/** A motion not adopted by the later version: tabled, or decided otherwise. */
function sayOutstanding(input: MotionInput, decided: Decision | undefined, motions: Map<string, MotionInput>): string {
  const target = input.motion.amends ? motions.get(input.motion.amends) : undefined
  const what = target ? `an amendment to ${possessive(target.motion.mover)} amendment` : 'an amendment'
  const title = `“${input.motion.title || input.motion.id}”`
  if (!decided) {
    const where = [input.motion.tabled.meeting || input.motion.tabled.body, input.motion.tabled.meeting ? '' : input.motion.tabled.date ? longDate(input.motion.tabled.date) : ''].filter(Boolean).join(', ')
    return `${capitalise(theName(input.motion.mover || 'a member'))} has tabled ${title}, ${what}${where ? `, for ${theName(where)}` : ''}. It has not been decided; paragraph {{motion:${input.motion.id}}} sets it out${target ? ' with the wordings compared' : ''}.`
  }
  return `On ${longDate(decided.date)}, ${theName(decided.body)} ${outcomeVerb(decided.outcome)} ${what}, ${title}, moved by ${theName(decided.mover || input.motion.mover)}${votesOf(decided)}${decided.outcome === 'carried' ? '; it is not yet in a version of the protocol' : ''}.`
}

/** The outstanding motion's words, and what it would change, compared with the wording it amends. */
function sayOutstandingText(input: MotionInput, target: MotionInput | undefined, fromText: string, toText: string, steps: ReplayStep[], decision: (motion: string) => Decision | undefined): string {
  const lead = `${possessive(input.motion.mover || 'The mover')} amendment “${input.motion.title || input.motion.id}” reads:\n\n${quote(motionBody(input.text))}`
  if (target) {
    // Compared with the motion it amends, both applied to the text that motion was adopted into.
    const adoptedIn = steps.find((step) => step.motions.some((motion) => motion.motion.id === target.motion.id))
    const base = adoptedIn?.before ?? fromText
    const comparison = compareMotions(base, target, input)
    if ('problems' in comparison) return `${lead}\n\nIt cannot be applied to ${possessive(target.motion.mover)} amendment: ${comparison.problems[0]?.message.reason ?? ''}.`
    const said = comparison.clauses.flatMap((clause) => (clause.between ? [`${listAnd(amendmentChanges(clause.between))} in ${clause.name}`] : []))
    const decided = decision(target.motion.id)
    const agreed = decided ? ` (${decided.outcome} by ${theName(decided.body)} on ${longDate(decided.date)})` : ''
    return `${lead}\n\nCompared with ${possessive(target.motion.mover)} amendment${agreed}, it ${said.length > 0 ? `${listAnd(said)}.` : 'leaves the wording the same.'}`
  }
  const decided = decision(input.motion.id)
  const against = draftedAgainst(input, decided, { fromText, toText, steps })
  const applied = applyMotions(against.text, [input], { version: against.version })
  if ('problems' in applied) return endSentence(`${lead}\n\nIt cannot be applied to ${against.name}: ${applied.problems[0]?.message.reason ?? ''}`)
  const changeSet = buildChangeSet(readDiffDocument(against.text), readDiffDocument(applied.text), { before: '', after: '' }, { moved: applied.moved, changedWords: applied.changedWords })
  const sentences = describeClauses(changeSet.clauses)
  const said = sentences.length > 0 ? sentencesAsList(sentences) : 'changes nothing'
  if (decided && decided.outcome !== 'carried') return endSentence(`${lead}\n\nIt was ${decided.outcome}, so the text in the appendix does not include it. As moved, against ${against.name}, it ${said}`)
  return endSentence(`${lead}\n\n${capitalise(against.name === 'the text in the appendix' ? 'applied to the text in the appendix' : `applied to ${against.name}`)}, it ${said}`)
}

/**
 * The text a motion not adopted is read against: one still to be decided (or carried and not yet adopted), the
 * text in the appendix; one lost, withdrawn or otherwise decided, the version it was drafted against (its
 * `base:`), else the version the appendix starts from — never the text it failed to change.
 */
function draftedAgainst(input: MotionInput, decided: Decision | undefined, texts: { fromText: string; toText: string; steps: ReplayStep[] }): { text: string; version: string; name: string } {
  const base = input.motion.base ? texts.steps.find((step) => step.version.label === input.motion.base) : undefined
  if (!decided || decided.outcome === 'carried') {
    const last = texts.steps.find((step) => step.after === texts.toText)
    return { text: texts.toText, version: last?.version.label ?? '', name: 'the text in the appendix' }
  }
  if (base) return { text: base.after, version: base.version.label, name: `the version ${base.version.label}` }
  const from = texts.steps.find((step) => step.after === texts.fromText)
  return { text: texts.fromText, version: from?.version.label ?? '', name: from ? `the version ${from.version.label}` : 'the text before these changes' }
}

/**
 * What an amendment does to the wording it amends, clause by clause:
 * "puts “calling, attending or” before “requesting meetings with officers”",
 * "has “X” where the motion has “Y”", "leaves out “Z”".
 */
function amendmentChanges(between: ClauseDiff): string[] {
  if (between.type === 'inserted') return [`adds ${between.after ? nameOf(between.after) : 'a clause'}`]
  if (between.type === 'deleted') return [`leaves out ${between.before ? nameOf(between.before) : 'a clause'}`]
  const said: string[] = []
  for (const phrase of phrases(clauseWords(between.type === 'moved' ? { ...between, type: 'changed' } : between))) {
    const inMotion = phrase.before.replace(/\s+/g, ' ').trim()
    const inAmendment = phrase.after.replace(/\s+/g, ' ').trim()
    if (inMotion && inAmendment) said.push(`has “${inAmendment}” in place of “${inMotion}”`)
    else if (inMotion) said.push(`leaves out “${inMotion}”`)
    else if (inAmendment)
      said.push(phrase.following ? `puts “${inAmendment}” before “${phrase.following}”` : phrase.preceding ? `puts “${inAmendment}” after “${phrase.preceding}”` : `adds “${inAmendment}”`)
  }
  return said
}

/**
 * A clause a later motion changed after an earlier one had changed or
 * inserted it: the wording now, and what the later motion did to it, as
 * seed 002 sets out the working group's wording beside Cllr Artus's.
 */
function sayCompeting(later: MotionEffect, earlier: MotionEffect, earlierClause: ClauseDiff, laterClause: ClauseDiff, now: DiffUnit, decision: (motion: string) => Decision | undefined): string {
  const name = nameOf(earlierClause.after ?? now)
  const earlierDecision = decision(earlier.input.motion.id)
  const earlierSaid = `${possessive(earlier.input.motion.mover)} amendment “${earlier.input.motion.title || earlier.input.motion.id}”${earlierDecision ? ` (${earlierDecision.outcome} by ${theName(earlierDecision.body)} on ${longDate(earlierDecision.date)})` : ''}`
  const did = earlierClause.type === 'inserted' ? 'inserted' : 'changed'
  const added = earlierClause.type === 'inserted' ? [earlierClause.after?.body ?? ''] : phrases(clauseWords(earlierClause)).map((phrase) => phrase.after).filter((text) => text.trim() !== '')
  const flat = (text: string): string => text.replace(/\s+/g, ' ').trim()
  const kept = added.every((text) => flat(now.body).includes(flat(text)))
  const laterName = possessive(later.input.motion.mover)
  const sentences = describeClause(laterClause, later.order).map((sentence) => sentence.action)
  const wording = quote(unitText(now))
  if (kept) {
    return `${capitalise(name)} was ${did} by ${earlierSaid}. The version in the appendix keeps those words, and reads:\n\n${wording}\n\n${sentences.length > 0 ? `${capitalise(laterName)} amendment also ${listAnd(sentences)}.` : ''}`.trim()
  }
  const thisSaid = sentences.map((sentence, index) => `${index === 0 ? 'This' : 'It'} ${sentence}.`).join(' ')
  return `${capitalise(name)} was ${did} by ${earlierSaid}. ${capitalise(laterName)} amendment proposes the following wording in its place:\n\n${wording}\n\n${thisSaid}`.trim()
}

/** An earlier motion whose words the later versions left as they were. */
function sayStanding(effect: MotionEffect, sentences: ChangeSentence[]): string {
  const said = sentences.map((sentence) => (sentence.place ? `${sentence.place.replace(/^In /, 'in ')} it ${sentence.action}` : `it ${sentence.action}`))
  return `${capitalise(possessive(effect.input.motion.mover))} amendment “${effect.input.motion.title || effect.input.motion.id}” stands as carried in the version in the appendix: ${listAnd(said)}.`
}

/** One changed clause (or a replacement) said in sentences: "In paragraph 7.2, the Constitution Working Group’s amendment adds the phrase “…”." */
function sayClauseChange(group: ClauseDiff[], all: ClauseDiff[]): string {
  const sentences = describeGroup(group, all)
  const movers = [...new Set(group.flatMap((clause) => clause.attribution).map((item) => item.mover || item.body || '').filter(Boolean))]
  const subject = movers.length === 1 ? `${possessive(movers[0] as string)} amendment` : movers.length > 1 ? `the amendments of ${listAnd(movers)}` : 'the change'
  return sentences
    .map((sentence, index) => {
      if (index > 0) return endSentence(`It ${sentence.action}`)
      return endSentence(sentence.place ? `${sentence.place}, ${subject} ${sentence.action}` : `${capitalise(subject)} ${sentence.action}`)
    })
    .join(' ')
}

/** A sentence with its full stop: none added after a quotation that ends with its own (“… five years.”). */
function endSentence(text: string): string {
  return /[.!?]["”’)]*$/.test(text) ? text : `${text}.`
}

function sentencesAsList(sentences: ChangeSentence[]): string {
  return listAnd(sentences.map((sentence) => (sentence.place ? `${sentence.action} (${sentence.place.replace(/^In /, 'in ')})` : sentence.action)))
}

/** "carried", "did not carry" … as a verb for a sentence. */
function outcomeVerb(outcome: string | undefined): string {
  switch (outcome) {
    case 'carried':
      return 'carried'
    case 'lost':
      return 'rejected'
    case 'withdrawn':
      return 'noted the withdrawal of'
    case 'deferred':
      return 'deferred'
    case 'referred':
      return 'referred on'
    case 'superseded':
      return 'set aside as superseded'
    default:
      return 'considered'
  }
}

/** "the version council-2017-04-04 (Uttlesford District Council, 4 April 2017)". */
function describeVersion(version: Version): string {
  return `the version ${version.label} (${[version.by, longDate(version.date)].filter(Boolean).join(', ')})`
}

/** Implications headed as the seeds head them: "Financial" → "Financial implications"; a longer heading as written. */
function implicationsHeading(heading: string): string {
  return /^\S+$/.test(heading.trim()) && !/implications?$/i.test(heading) ? `${heading} implications` : heading
}

function countWord(count: number): string {
  return ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][count] ?? String(count)
}

function listAnd(items: string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A motion file's instructions, without its front matter and comments. */
function motionBody(text: string): string {
  return text
    .replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\r\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Markdown quoted as a block quote. */
function quote(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n')
}

function indent(markdown: string, spaces: number): string {
  const pad = ' '.repeat(spaces)
  return markdown
    .split('\n')
    .map((line) => (line === '' ? '' : pad + line))
    .join('\n')
}
