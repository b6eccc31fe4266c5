import { buildChangeSet, describeSummary, summarizeChanges } from '../diff/change-set.js'
import { longDate } from '../dates.js'
import { type Decision, decisionsOn, type HistoryRecord, newestFirst } from '../history/history.js'
import { applyMotions, type MotionInput } from '../motion/apply-motions.js'
import { theName } from '../names.js'
import { MarkedHtml } from '../render/html-markdown.js'
import { escapeHtml } from '../render/markdown-to-html.js'
import { renderHtmlClauses } from '../render/render-html-diff.js'
import { pendingMotions, type ProtocolView, versionAdopting } from './site-model.js'
import type { PageSpec } from './site-page.js'
import { a, paths, readText, recordAnchor } from './site-text.js'

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
function motionLink(view: ProtocolView, from: string, id: string): string {
  const input = view.motions.get(id)
  return input ? a(from, paths.motion(view.slug, id), input.motion.title || id) : `${escapeHtml(id)} (no motion file)`
}

/** One row of the log. */
function logRow(view: ProtocolView, from: string, record: HistoryRecord): string {
  const anchor = recordAnchor(view, record)
  if (record.record === 'decision') {
    const who = [record.mover ? `moved by ${escapeHtml(theName(record.mover))}` : '', record.seconder ? `seconded by ${escapeHtml(theName(record.seconder))}` : ''].filter(Boolean).join(', ')
    const detail = [who, record.meeting ? `at ${escapeHtml(record.meeting)}` : '', record.note ? escapeHtml(record.note) : ''].filter(Boolean).join('; ')
    return `<tr id="${anchor}"><td>${escapeHtml(longDate(record.date))}</td><td>Decision</td><td>${motionLink(view, from, record.motion)}: <span class="outcome">${escapeHtml(record.outcome)}</span> by ${escapeHtml(theName(record.body))}${detail ? `; ${detail}` : ''}</td><td>${escapeHtml(votes(record))}</td></tr>`
  }
  const motions = record.motions.length > 0 ? `adopting ${record.motions.map((motion) => motionLink(view, from, motion.id)).join(', ')}` : 'the first text recorded'
  const changes = view.changes.has(record.label) ? ` (${a(from, paths.changes(view.slug, record.label), 'changes')})` : ''
  return `<tr id="${anchor}"><td>${escapeHtml(longDate(record.date))}</td><td>Version</td><td>${a(from, paths.version(view.slug, record.label), record.label)} adopted by ${escapeHtml(theName(record.by))}, ${motions}${changes}; SHA-256 <span class="hash">${escapeHtml(record.sha256.slice(0, 12))}</span></td><td>—</td></tr>`
}

/** The decisions and versions, newest first, with votes. */
export function logPage(view: ProtocolView): PageSpec {
  const path = paths.log(view.slug)
  const rows = newestFirst(view.history.records).map((record) => logRow(view, path, record))
  const table = rows.length > 0
    ? `<table class="records"><caption class="note">Newest first</caption><thead><tr><th scope="col">Date</th><th scope="col">Record</th><th scope="col">What was done</th><th scope="col">Votes</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`
    : `<p>No decision or version is recorded yet (history/${escapeHtml(view.slug)}.yml).</p>`
  const main = `<h1>${escapeHtml(view.title)}: decisions and versions</h1>\n${table}`
  return { path, title: `${view.title} — decisions and versions`, crumbs: crumbs(view, 'decisions and versions'), main }
}

/** The motion's instructions as written, after its front matter. */
function instructions(input: MotionInput): string {
  const body = input.text.replace(/^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*\r?\n/, '')
  return new MarkedHtml().blocks(body)
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
    .map(([name, value]) => `<dt>${escapeHtml(name ?? '')}</dt><dd>${escapeHtml(value ?? '')}</dd>`)
  if (motion.amends) facts.push(`<dt>Amends</dt><dd>${view.motions.has(motion.amends) ? motionLink(view, path, motion.amends) : escapeHtml(motion.amends)}</dd>`)
  facts.push(`<dt>Adopted</dt><dd>${adopted ? `in ${a(path, paths.version(view.slug, adopted.label), adopted.label)} (${a(path, paths.changes(view.slug, adopted.label), 'the changes')})` : 'not adopted in any version'}</dd>`)
  const rows = decisions.map(
    (decision) =>
      `<tr><td>${a(path, paths.log(view.slug), longDate(decision.date), recordAnchor(view, decision))}</td><td class="outcome">${escapeHtml(decision.outcome)}</td><td>${escapeHtml(decision.body)}${decision.meeting ? `, ${escapeHtml(decision.meeting)}` : ''}</td><td>${escapeHtml([decision.mover, decision.seconder].filter(Boolean).join(' / '))}</td><td>${escapeHtml(votes(decision))}</td></tr>`
  )
  const table = rows.length > 0
    ? `<table class="records"><thead><tr><th scope="col">Date</th><th scope="col">Outcome</th><th scope="col">Body</th><th scope="col">Mover / seconder</th><th scope="col">Votes</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : '<p>No decision is recorded on it yet.</p>'
  const main = `<h1>${escapeHtml(motion.title || motion.id)}</h1>
<p class="lede">Motion <code>${escapeHtml(motion.id)}</code> on ${a(path, paths.protocol(view.slug), view.title)}.</p>
<dl class="facts">${facts.join('\n')}</dl>
<h2>The motion</h2>
<div class="motion">${instructions(input)}</div>
<h2 id="decisions">Decisions</h2>
${table}`
  return { path, title: `${view.title} — ${motion.title || motion.id}`, crumbs: crumbs(view, motion.title || motion.id), main }
}

/** What a pending motion would do: the text it applies to, and the clauses it changes there; or why it does not apply. */
function effectOf(view: ProtocolView, input: MotionInput, prefix: string, from: string): string {
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
  const result = applyMotions(origin, inputs, version ? { version } : {})
  const said = step ? `the version ${a(from, paths.version(view.slug, against), against)} as it would read with this amendment` : against ? `the version ${a(from, paths.version(view.slug, against), against)}` : 'the text as it stands'
  if ('problems' in result) {
    const first = result.problems[0]
    return `<p>It does not apply to ${said}: ${escapeHtml(first ? `${first.name}:${first.message.line ?? 1}:${first.message.column ?? 1}: ${first.message.reason}` : 'no reason given')}.</p>`
  }
  const hints = inputs.length === 1 ? { moved: result.moved, changedWords: result.changedWords } : { moved: result.moved }
  const changeSet = buildChangeSet(readText(before), readText(result.text), { before: against, after: `${against} + ${motion.id}` }, hints)
  const changed = { ...changeSet, clauses: changeSet.clauses.filter((clause) => clause.type !== 'unchanged') }
  if (changed.clauses.length === 0) return `<p>Applied to ${said}, it changes nothing.</p>`
  const { clauses } = renderHtmlClauses(changed, { prefix })
  return `<p>Applied to ${said}: ${escapeHtml(describeSummary(summarizeChanges(changeSet)))}. The clauses it changes, tracked:</p>
<div class="change">${clauses}</div>`
}

/** The motions still before a body, each with what it would change. */
export function pendingPage(view: ProtocolView): PageSpec {
  const path = paths.pending(view.slug)
  const pending = pendingMotions(view)
  const entries = pending.map((input, index) => {
    const { motion } = input
    const decision = view.decision(motion.id)
    const status = decision ? `${escapeHtml(decision.outcome)} by ${escapeHtml(theName(decision.body))} on ${escapeHtml(longDate(decision.date))}, not yet adopted in a version` : 'not yet decided'
    const tabled = tabledAt(input)
    const who = [motion.mover ? `moved by ${escapeHtml(theName(motion.mover))}` : '', motion.seconder ? `seconded by ${escapeHtml(theName(motion.seconder))}` : '', tabled ? `tabled for ${escapeHtml(tabled)}` : ''].filter(Boolean).join(', ')
    const errors = motion.messages.filter((message) => message.fatal === true)
    const effect = errors.length > 0 ? `<p>It cannot be read: ${escapeHtml(`${input.name}:${errors[0]?.line ?? 1}:${errors[0]?.column ?? 1}: ${errors[0]?.reason ?? ''}`)}.</p>` : effectOf(view, input, `m${index + 1}-`, path)
    return `<section class="entry"><h2>${motionLink(view, path, motion.id)}</h2><p>${who ? `${who}; ` : ''}${status}.</p>${effect}</section>`
  })
  const main = `<h1>${escapeHtml(view.title)}: motions pending</h1>
<p class="lede">Motions tabled and not yet adopted in a version, with what each would change: what the meeting will be asked.</p>
${entries.length > 0 ? entries.join('\n') : '<p>No motion is pending.</p>'}`
  return { path, title: `${view.title} — motions pending`, crumbs: crumbs(view, 'motions pending'), main }
}
