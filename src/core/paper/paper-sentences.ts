import { type ClauseDiff, clauseWords } from '../diff/change-set.js'
import { type DiffUnit, unitText } from '../diff/diff-document.js'
import { type ChangeSentence, describeClause, describeClauses, describeGroup, nameOf, phrases } from '../diff/describe-changes.js'
import type { MotionEffect } from '../history/attribute.js'
import type { Decision } from '../history/history.js'
import type { ReplayStep } from '../history/replay.js'
import type { MotionInput } from '../motion/apply-motions.js'
import { compareMotions } from '../motion/compare-motions.js'
import type { PaperWork } from './paper-work.js'
import { longDate } from '../dates.js'
import { possessive, theName } from '../names.js'
import { capitalise, countWord, endSentence, listAnd, motionBody, outcomeVerb, quote, sentencesAsList, votesOf } from './paper-words.js'

/** Motions decided together, and the decision (none for motions adopted without one). */
export interface DecisionGroup {
  decision: Decision | undefined
  motions: MotionInput[]
}

/** Motions decided together: the same body, date, outcome and mover. */
export function groupByDecision(inputs: MotionInput[], decision: (motion: string) => Decision | undefined): DecisionGroup[] {
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
export function sayDecided(group: DecisionGroup): string {
  const decided = group.decision
  const mover = decided?.mover || group.motions[0]?.motion.mover || ''
  const count = group.motions.length
  const noun = count === 1 ? 'the amendment' : `${countWord(count)} amendments`
  const titles = listAnd(group.motions.map((input) => `“${input.motion.title || input.motion.id}”`))
  const seconded = decided?.seconder ? `, seconded by ${decided.seconder}` : ''
  if (!decided) return `${capitalise(noun)} moved by ${theName(mover)}${seconded}, ${titles}, ${count === 1 ? 'was' : 'were'} adopted.`
  const verb = outcomeVerb(decided.outcome)
  const own = mover === decided.body
  return `On ${longDate(decided.date)}, ${theName(decided.body)} ${verb} ${own ? `its own ${noun.replace(/^the /, '')}` : `${noun} moved by ${theName(mover)}${seconded}`}${votesOf(decided)}: ${titles}.`
}

/** Motions put by the same mover, in order. */
export function groupByMover(inputs: MotionInput[]): MotionInput[][] {
  const groups = new Map<string, MotionInput[]>()
  for (const input of inputs) groups.set(input.motion.mover, [...(groups.get(input.motion.mover) ?? []), input])
  return [...groups.values()]
}

/** "The Constitutional Task Group proposes the amendment “…”, tabled for its meeting on 1 April 2014." */
export function sayProposed(group: MotionInput[]): string {
  const first = group[0]
  const noun = group.length === 1 ? 'the amendment' : `${countWord(group.length)} amendments`
  const tabled = first?.motion.tabled ?? { body: '', meeting: '', date: '' }
  const where = tabled.meeting || [tabled.body, tabled.date ? longDate(tabled.date) : ''].filter(Boolean).join(', ')
  return `${capitalise(theName(first?.motion.mover || 'a member'))} proposes ${noun} ${listAnd(group.map((input) => `“${input.motion.title || input.motion.id}”`))}${where ? `, tabled for ${theName(where)}` : ''}.`
}

/**
 * A motion not adopted by the later version: tabled, or decided otherwise.
 *
 * @param setOut the paragraph that sets the motion out, as cited: "paragraph 15"
 */
export function sayOutstanding(input: MotionInput, decided: Decision | undefined, motions: Map<string, MotionInput>, setOut: string): string {
  const target = input.motion.amends ? motions.get(input.motion.amends) : undefined
  const what = target ? `an amendment to ${possessive(target.motion.mover)} amendment` : 'an amendment'
  const title = `“${input.motion.title || input.motion.id}”`
  if (!decided) {
    const where = [input.motion.tabled.meeting || input.motion.tabled.body, input.motion.tabled.meeting ? '' : input.motion.tabled.date ? longDate(input.motion.tabled.date) : ''].filter(Boolean).join(', ')
    return `${capitalise(theName(input.motion.mover || 'a member'))} has tabled ${title}, ${what}${where ? `, for ${theName(where)}` : ''}. It has not been decided; ${setOut} sets it out${target ? ' with the wordings compared' : ''}.`
  }
  return `On ${longDate(decided.date)}, ${theName(decided.body)} ${outcomeVerb(decided.outcome)} ${what}, ${title}, moved by ${theName(decided.mover || input.motion.mover)}${votesOf(decided)}${decided.outcome === 'carried' ? '; it is not yet in a version of the protocol' : ''}.`
}

/**
 * The outstanding motion's words, and what it would change, compared with the wording it amends.
 *
 * @param work the paper's applications and change sets, shared with its other sections
 */
export function sayOutstandingText(
  work: PaperWork,
  input: MotionInput,
  target: MotionInput | undefined,
  texts: { fromText: string; toText: string; steps: ReplayStep[] },
  decision: (motion: string) => Decision | undefined
): string {
  const { fromText, steps } = texts
  const lead = `${possessive(input.motion.mover || 'The mover')} amendment “${input.motion.title || input.motion.id}” reads:\n\n${quote(motionBody(input.text))}`
  if (target) {
    // Compared with the motion it amends, both applied to the text that motion was adopted into.
    const adoptedIn = steps.find((step) => step.motions.some((motion) => motion.motion.id === target.motion.id))
    const base = adoptedIn?.before ?? fromText
    const comparison = compareMotions(base, target, input, work)
    if ('problems' in comparison) return `${lead}\n\nIt cannot be applied to ${possessive(target.motion.mover)} amendment: ${comparison.problems[0]?.message.reason ?? ''}.`
    const said = comparison.clauses.flatMap((clause) => (clause.between ? [`${listAnd(amendmentChanges(clause.between))} in ${clause.name}`] : []))
    const decided = decision(target.motion.id)
    const agreed = decided ? ` (${decided.outcome} by ${theName(decided.body)} on ${longDate(decided.date)})` : ''
    return `${lead}\n\nCompared with ${possessive(target.motion.mover)} amendment${agreed}, it ${said.length > 0 ? `${listAnd(said)}.` : 'leaves the wording the same.'}`
  }
  const decided = decision(input.motion.id)
  const against = draftedAgainst(input, decided, texts)
  const applied = work.apply(against.text, [input], { version: against.version })
  if ('problems' in applied) return endSentence(`${lead}\n\nIt cannot be applied to ${against.name}: ${applied.problems[0]?.message.reason ?? ''}`)
  const changeSet = work.changesOf(against.text, applied)
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
export function draftedAgainst(input: MotionInput, decided: Decision | undefined, texts: { fromText: string; toText: string; steps: ReplayStep[] }): { text: string; version: string; name: string } {
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
export function amendmentChanges(between: ClauseDiff): string[] {
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
export function sayCompeting(later: MotionEffect, earlier: MotionEffect, earlierClause: ClauseDiff, laterClause: ClauseDiff, now: DiffUnit, decision: (motion: string) => Decision | undefined): string {
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
export function sayStanding(effect: MotionEffect, sentences: ChangeSentence[]): string {
  const said = sentences.map((sentence) => (sentence.place ? `${sentence.place.replace(/^In /, 'in ')} it ${sentence.action}` : `it ${sentence.action}`))
  return `${capitalise(possessive(effect.input.motion.mover))} amendment “${effect.input.motion.title || effect.input.motion.id}” stands as carried in the version in the appendix: ${listAnd(said)}.`
}

/** One changed clause (or a replacement) said in sentences: "In paragraph 7.2, the Constitution Working Group’s amendment adds the phrase “…”." */
export function sayClauseChange(group: ClauseDiff[], all: ClauseDiff[]): string {
  const sentences = describeGroup(group, all)
  const movers = [...new Set(group.flatMap((clause) => clause.attribution).map((item) => item.mover || item.body || '').filter(Boolean))]
  const [only] = movers
  const subject = only !== undefined && movers.length === 1 ? `${possessive(only)} amendment` : movers.length > 1 ? `the amendments of ${listAnd(movers)}` : 'the change'
  return sentences
    .map((sentence, index) => {
      if (index > 0) return endSentence(`It ${sentence.action}`)
      return endSentence(sentence.place ? `${sentence.place}, ${subject} ${sentence.action}` : `${capitalise(subject)} ${sentence.action}`)
    })
    .join(' ')
}
