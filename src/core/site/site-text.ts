import { type Attribution, buildChangeSet, type ClauseDiff } from '../diff/change-set.js'
import { type DiffDocument, type DiffUnit, readDiffDocument } from '../diff/diff-document.js'
import { longDate } from '../dates.js'
import type { HistoryRecord } from '../history/history.js'
import type { ParseCache } from '../parse-cache.js'
import { isClauseId } from '../protocol/clause-id.js'
import { theName } from '../names.js'
import type { Element, ElementContent } from 'hast'
import { h, nodes } from '../render/html-write.js'
import { htmlClauseNodes } from '../render/render-html-diff.js'
import { linkFrom } from './site-page.js'
import type { ProtocolView } from './site-model.js'

/**
 * A text of the protocol as the reader has it, one section per clause with
 * the clause ID as its anchor (`#c3-7`, the same in every version), through
 * the appendix's own renderer with nothing marked.
 *
 * @param beside what is put beside each clause (who last changed it), given its clause ID
 * @param prefix put before each anchor, where a page holds more than one text
 */
export function renderText(document: DiffDocument, beside: (id: string, unit: DiffUnit) => ElementContent[], prefix = ''): ElementContent[] {
  const changeSet = buildChangeSet(document, document, { before: '', after: '' })
  return htmlClauseNodes(changeSet, { prefix, aside: (clause) => (clause.after ? beside(clause.id, clause.after) : []) }).clauses
}

/** A text read clause by clause (a version's text, or a protocol file), parsed through the pages' cache when given. */
export function readText(text: string, parsed?: ParseCache): DiffDocument {
  return readDiffDocument(text, parsed)
}

/** A clause named for a reader: its number, else its first words in quotes. */
export function clauseLabel(unit: DiffUnit | null): string {
  if (!unit) return ''
  if (unit.number) return unit.number.replace(/\\(.)/g, '$1')
  const words = (unit.body.split('\n')[0] ?? '').replace(/[*_`[\]]/g, '').trim()
  return `“${words.length > 40 ? `${words.slice(0, 40).trimEnd()}…` : words}”`
}

/** The site path of a protocol's page. */
export const paths = {
  protocol: (slug: string): string => `${slug}/index.html`,
  version: (slug: string, label: string): string => `${slug}/version/${label}.html`,
  changes: (slug: string, label: string): string => `${slug}/changes/${label}.html`,
  clause: (slug: string, id: string): string => `${slug}/clause/${id}.html`,
  motion: (slug: string, id: string): string => `${slug}/motion/${id}.html`,
  log: (slug: string): string => `${slug}/log.html`,
  pending: (slug: string): string => `${slug}/pending.html`
}

/** A link from page `from` to site path `to` (at `#hash` when given), its words a text node. */
export function a(from: string, to: string, text: string, hash = ''): Element {
  return h('a', { href: linkFrom(from, to) + (hash ? `#${hash}` : '') }, text)
}

/** A table's head: one row of column headings. */
export function tableHead(names: string[]): Element {
  return h('thead', {}, [h('tr', {}, names.map((name) => h('th', { scope: 'col' }, name)))])
}

/** The anchor of a record in the log: its place in the history file. */
export function recordAnchor(view: ProtocolView, record: HistoryRecord): string {
  return `record-${view.history.records.indexOf(record) + 1}`
}

/**
 * Who made a change, with links: the motion (to its page), the version that
 * adopted it, and the decision (to its record in the log) with the body,
 * date and votes.
 */
export function describeWho(view: ProtocolView, from: string, who: Attribution): ElementContent[] {
  const motion = a(from, paths.motion(view.slug, who.motion), `“${who.title || who.motion}”`)
  const people = [who.mover ? `moved by ${theName(who.mover)}` : '', who.seconder ? `seconded by ${theName(who.seconder)}` : ''].filter(Boolean).join(' and ')
  const decision = view.decision(who.motion)
  const decided = who.outcome
    ? `${who.outcome}${who.body ? ` by ${theName(who.body)}` : ''}${who.date ? ` on ${longDate(who.date)}` : ''}${who.votes ? ` (${who.votes})` : ' (no vote recorded)'}`
    : 'no decision recorded'
  const linkedDecision = decision ? a(from, paths.log(view.slug), decided, recordAnchor(view, decision)) : decided
  const version = who.version ? ['; adopted in ', a(from, paths.version(view.slug, who.version), who.version)] : []
  return nodes([motion, people ? `, ${people}` : '', '; ', linkedDecision, ...version])
}

/** The note beside a clause: the motion that last changed it up to version `upTo` (all versions when undefined), and a link to its history. */
export function besideClause(view: ProtocolView, from: string, upTo: string | undefined): (id: string, unit: DiffUnit) => ElementContent[] {
  const order = view.versions.map((version) => version.label)
  const limit = upTo === undefined ? order.length - 1 : order.indexOf(upTo)
  return (id, unit) => {
    // A block of a text without clause IDs, or a clause whose ID is not well formed, has no page of its own.
    if (!isClauseId(id)) return []
    const last = (view.changedBy.get(id) ?? []).filter((who) => order.indexOf(who.version ?? '') <= limit).at(-1)
    const history = h('p', {}, [h('a', { href: linkFrom(from, paths.clause(view.slug, id)) }, ['History', h('span', { className: ['hidden'] }, ` of ${clauseLabel(unit)}`)])])
    if (!last) return [h('div', { className: ['beside'] }, [history])]
    return [h('div', { className: ['beside', 'changed'] }, [h('p', {}, ['Last changed by ', ...describeWho(view, from, last), '.']), history])]
  }
}

/** The clause entries of a change set about one clause (a moved clause has two). */
export function entriesFor(clauses: ClauseDiff[], id: string): ClauseDiff[] {
  return clauses.filter((clause) => clause.id === id)
}
