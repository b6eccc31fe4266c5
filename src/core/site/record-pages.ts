import { buildChangeSet, describeSummary, summarizeChanges } from '../diff/change-set.js'
import { longDate } from '../dates.js'
import { type Decision, decisionsOn, type HistoryRecord, newestFirst } from '../history/history.js'
import { applyMotions, type MotionInput } from '../motion/apply-motions.js'
import { theName } from '../names.js'
import type { Element, ElementContent } from 'hast'
import { MarkedHtml } from '../render/html-markdown.js'
import { h, joined, lines } from '../render/html-write.js'
import { htmlClauseNodes } from '../render/render-html-diff.js'
import { pendingMotions, type ProtocolView, versionAdopting } from './site-model.js'
import type { PageSpec } from './site-page.js'
import { a, paths, readText, recordAnchor, tableHead } from './site-text.js'

function crumbs(view: ProtocolView, last: string): PageSpec['crumbs'] {
  return [{ text: 'Protocols', href: 'index.html' }, { text: view.title, href: paths.protocol(view.slug) }, { text: last }]
}

/** "for 20, against 3, abstain 1", or "no vote recorded". */
function votes(decision: Decision): string {
  const said = [decision.for ? `for ${decision.for}` : '', decision.against ? `against ${decision.against}` : '', decision.abstain ? `abstain ${decision.abstain}` : ''].filter(Boolean).join(', ')
  return said || 'no vote recorded'
}

/** Where a motion was tabled: "Council, 16 May 2017" (the date left out when the meeting's name says it). */
function tabledAt(input: MotionInput): string {
  const { body, meeting, date } = input.motion.tabled
  const when = date ? longDate(date) : ''
  const where = meeting || body
  return [where, when && !where.includes(when) ? when : ''].filter(Boolean).join(', ')
}

/** A motion's title, linked to its page; a motion the records name that has no file (a lost one deleted since) has no page. */
function motionLink(view: ProtocolView, from: string, id: string): Element | string {
  const input = view.motions.get(id)
  return input ? a(from, paths.motion(view.slug, id), input.motion.title || id) : `${id} (no motion file)`
}

/** One row of the log. */
function logRow(view: ProtocolView, from: string, record: HistoryRecord): Element {
  const row = (kind: string, what: Array<ElementContent | string>, votes: string): Element =>
    h('tr', { id: recordAnchor(view, record) }, [h('td', {}, longDate(record.date)), h('td', {}, kind), h('td', {}, what), h('td', {}, votes)])
  if (record.record === 'decision') {
    const who = [record.mover ? `moved by ${theName(record.mover)}` : '', record.seconder ? `seconded by ${theName(record.seconder)}` : ''].filter(Boolean).join(', ')
    const detail = [who, record.meeting ? `at ${record.meeting}` : '', record.note ?? ''].filter(Boolean).join('; ')
    return row('Decision', [motionLink(view, from, record.motion), ': ', h('span', { className: ['outcome'] }, record.outcome), ` by ${theName(record.body)}${detail ? `; ${detail}` : ''}`], votes(record))
  }
  const motions = record.motions.length > 0 ? ['adopting ', ...joined(record.motions.map((motion) => motionLink(view, from, motion.id)), ', ')] : ['the first text recorded']
  const changes = view.changes.has(record.label) ? [' (', a(from, paths.changes(view.slug, record.label), 'changes'), ')'] : []
  const adopted = [a(from, paths.version(view.slug, record.label), record.label), ` adopted by ${theName(record.by)}, `, ...motions, ...changes, '; SHA-256 ', h('span', { className: ['hash'] }, record.sha256.slice(0, 12))]
  return row('Version', adopted, '—')
}

/** The decisions and versions, newest first, with votes. */
export function logPage(view: ProtocolView): PageSpec {
  const path = paths.log(view.slug)
  const rows = newestFirst(view.history.records).map((record) => logRow(view, path, record))
  const table = rows.length > 0
    ? h('table', { className: ['records'] }, [h('caption', { className: ['note'] }, 'Newest first'), tableHead(['Date', 'Record', 'What was done', 'Votes']), h('tbody', {}, lines(rows))])
    : h('p', {}, `No decision or version is recorded yet (history/${view.slug}.yml).`)
  const main = lines([h('h1', {}, `${view.title}: decisions and versions`), table])
  return { path, title: `${view.title} — decisions and versions`, crumbs: crumbs(view, 'decisions and versions'), main }
}

/** A fact of a motion: its name, and what it is. */
function fact(name: string, value: string | Array<ElementContent | string>): ElementContent[] {
  return [h('dt', {}, name), h('dd', {}, value)]
}

/** The motion's instructions as written, after its front matter. */
function instructions(input: MotionInput): ElementContent[] {
  const body = input.text.replace(/^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*\r?\n/, '')
  return new MarkedHtml().blockNodes(body)
}

/** A motion's page: who moved it, where it was tabled, what it says, every decision on it, the version that adopted it. */
export function motionPage(view: ProtocolView, input: MotionInput): PageSpec {
  const { motion } = input
  const path = paths.motion(view.slug, motion.id)
  const decisions = decisionsOn(view.history, motion.id)
  const adopted = versionAdopting(view, motion.id)
  const tabled = tabledAt(input)
  const facts = [
    ['Mover', motion.mover],
    ['Seconder', motion.seconder],
    ['Tabled', tabled],
    ['Drafted against', motion.base]
  ]
    .filter(([, value]) => value)
    .map(([name, value]) => fact(name ?? '', value ?? ''))
  if (motion.amends) facts.push(fact('Amends', [view.motions.has(motion.amends) ? motionLink(view, path, motion.amends) : motion.amends]))
  facts.push(fact('Adopted', adopted ? ['in ', a(path, paths.version(view.slug, adopted.label), adopted.label), ' (', a(path, paths.changes(view.slug, adopted.label), 'the changes'), ')'] : 'not adopted in any version'))
  const rows = decisions.map((decision) =>
    h('tr', {}, [
      h('td', {}, [a(path, paths.log(view.slug), longDate(decision.date), recordAnchor(view, decision))]),
      h('td', { className: ['outcome'] }, decision.outcome),
      h('td', {}, `${decision.body}${decision.meeting ? `, ${decision.meeting}` : ''}`),
      h('td', {}, [decision.mover, decision.seconder].filter(Boolean).join(' / ')),
      h('td', {}, votes(decision))
    ])
  )
  const table = rows.length > 0
    ? h('table', { className: ['records'] }, [tableHead(['Date', 'Outcome', 'Body', 'Mover / seconder', 'Votes']), h('tbody', {}, rows)])
    : h('p', {}, 'No decision is recorded on it yet.')
  const main = lines([
    h('h1', {}, motion.title || motion.id),
    h('p', { className: ['lede'] }, ['Motion ', h('code', {}, motion.id), ' on ', a(path, paths.protocol(view.slug), view.title), '.']),
    h('dl', { className: ['facts'] }, lines(facts)),
    h('h2', {}, 'The motion'),
    h('div', { className: ['motion'] }, instructions(input)),
    h('h2', { id: 'decisions' }, 'Decisions'),
    table
  ])
  return { path, title: `${view.title} — ${motion.title || motion.id}`, crumbs: crumbs(view, motion.title || motion.id), main }
}

/** What a pending motion would do: the text it applies to, and the clauses it changes there; or why it does not apply. */
function effectOf(view: ProtocolView, input: MotionInput, prefix: string, from: string): ElementContent[] {
  const { motion } = input
  // An amendment of a motion already adopted: the version that adopted it, as it would read with the amendment.
  const amended = motion.amends ? versionAdopting(view, motion.amends) : undefined
  const step = amended ? view.steps.find((item) => item.version.label === amended.label) : undefined
  let before: string
  let against: string
  let inputs: MotionInput[]
  let version: string
  if (step) {
    before = step.after
    against = step.version.label
    inputs = [...step.motions, input]
    version = step.version.from
  } else {
    const base = view.steps.find((item) => item.version.label === motion.base) ?? view.steps.at(-1)
    const target = motion.amends ? view.motions.get(motion.amends) : undefined
    before = base?.after ?? view.current
    against = base?.version.label ?? ''
    inputs = target ? [target, input] : [input]
    version = base?.version.label ?? ''
  }
  const origin = step ? step.before : before
  const result = applyMotions(origin, inputs, { ...(version ? { version } : {}), parsed: view.parsed })
  const said = step
    ? ['the version ', a(from, paths.version(view.slug, against), against), ' as it would read with this amendment']
    : against ? ['the version ', a(from, paths.version(view.slug, against), against)] : ['the text as it stands']
  if ('problems' in result) {
    const first = result.problems[0]
    return [h('p', {}, ['It does not apply to ', ...said, `: ${first ? `${first.name}:${first.message.line ?? 1}:${first.message.column ?? 1}: ${first.message.reason}` : 'no reason given'}.`])]
  }
  const hints = inputs.length === 1 ? { moved: result.moved, changedWords: result.changedWords } : { moved: result.moved }
  const changeSet = buildChangeSet(readText(before, view.parsed), readText(result.text, view.parsed), { before: against, after: `${against} + ${motion.id}` }, hints)
  const changed = { ...changeSet, clauses: changeSet.clauses.filter((clause) => clause.type !== 'unchanged') }
  if (changed.clauses.length === 0) return [h('p', {}, ['Applied to ', ...said, ', it changes nothing.'])]
  const { clauses } = htmlClauseNodes(changed, { prefix })
  return lines([h('p', {}, ['Applied to ', ...said, `: ${describeSummary(summarizeChanges(changeSet))}. The clauses it changes, tracked:`]), h('div', { className: ['change'] }, clauses)])
}

/** The motions still before a body, each with what it would change. */
export function pendingPage(view: ProtocolView): PageSpec {
  const path = paths.pending(view.slug)
  const pending = pendingMotions(view)
  const entries = pending.map((input, index) => {
    const { motion } = input
    const decision = view.decision(motion.id)
    const status = decision ? `${decision.outcome} by ${theName(decision.body)} on ${longDate(decision.date)}, not yet adopted in a version` : 'not yet decided'
    const tabled = tabledAt(input)
    const who = [motion.mover ? `moved by ${theName(motion.mover)}` : '', motion.seconder ? `seconded by ${theName(motion.seconder)}` : '', tabled ? `tabled for ${tabled}` : ''].filter(Boolean).join(', ')
    const errors = motion.messages.filter((message) => message.fatal === true)
    const effect = errors.length > 0 ? [h('p', {}, `It cannot be read: ${input.name}:${errors[0]?.line ?? 1}:${errors[0]?.column ?? 1}: ${errors[0]?.reason ?? ''}.`)] : effectOf(view, input, `m${index + 1}-`, path)
    return h('section', { className: ['entry'] }, [h('h2', {}, [motionLink(view, path, motion.id)]), h('p', {}, `${who ? `${who}; ` : ''}${status}.`), ...effect])
  })
  const main = lines([
    h('h1', {}, `${view.title}: motions pending`),
    h('p', { className: ['lede'] }, 'Motions tabled and not yet adopted in a version, with what each would change: what the meeting will be asked.'),
    entries.length > 0 ? lines(entries) : h('p', {}, 'No motion is pending.')
  ])
  return { path, title: `${view.title} — motions pending`, crumbs: crumbs(view, 'motions pending'), main }
}
