import type { ChangeSet, ClauseDiff } from '../diff/change-set.js'
import type { DiffUnit } from '../diff/diff-document.js'
import { longDate } from '../dates.js'
import { isClauseId } from '../protocol/clause-id.js'
import type { Element } from 'hast'
import { h, joined, lines } from '../render/html-write.js'
import { htmlClauseNodes } from '../render/render-html-diff.js'
import type { ProtocolView } from './site-model.js'
import type { PageSpec } from './site-page.js'
import { a, clauseLabel, describeWho, entriesFor, paths, renderText } from './site-text.js'

/** Every clause ID the protocol has had, in any version or in its current text, in reading order of where each first stood. */
export function clauseIds(view: ProtocolView): string[] {
  const ids = new Set<string>()
  // Only a well-formed ID names a page: one that is not (`check` reports it) could be a path.
  for (const document of [...view.documents.values(), view.currentDocument]) for (const unit of document.units) if (isClauseId(unit.id)) ids.add(unit.id)
  return [...ids]
}

/** What happened to a clause in one version, in words. */
function whatHappened(entries: ClauseDiff[]): string {
  const kinds = new Set(entries.map((entry) => entry.type))
  if (kinds.has('inserted')) return 'Inserted.'
  if (kinds.has('deleted')) return 'Left out.'
  const parts = [kinds.has('moved') ? 'Moved' : '', entries.some((entry) => entry.type !== 'moved-away' && entry.type !== 'unchanged' && entry.before && entry.after && entry.before.body !== entry.after.body) ? 'words changed' : '', entries.some((entry) => entry.renumbered && entry.type !== 'moved-away') ? `renumbered from ${entries[0]?.before?.number ?? ''}` : '']
  const said = parts.filter(Boolean).join('; ')
  return said ? `${said.charAt(0).toUpperCase()}${said.slice(1)}.` : 'Changed.'
}

/**
 * A clause's page, at an address that never changes (`uttlesford/clause/c3-7.html`): the clause as it now
 * stands, and in every version — its words as they stood, and where a version changed it, the change tracked
 * with the motion, mover, body, date and vote.
 */
export function clausePage(view: ProtocolView, id: string): PageSpec {
  const path = paths.clause(view.slug, id)
  const now = view.currentDocument.units.find((unit) => unit.id === id)
  const lastSeen = [...view.versions].reverse().find((version) => view.documents.get(version.label)?.units.some((unit) => unit.id === id))
  const lastUnit = now ?? (lastSeen ? view.documents.get(lastSeen.label)?.units.find((unit) => unit.id === id) : undefined)
  const name = clauseLabel(lastUnit ?? null)
  const entries: Element[] = []
  view.versions.forEach((version, index) => {
    const unit = view.documents.get(version.label)?.units.find((item) => item.id === id)
    const heading = h('h3', {}, [a(path, paths.version(view.slug, version.label), version.label, unit ? id : ''), ` — ${longDate(version.date)}, ${version.by}`])
    const entry = (...content: Element[]): void => {
      entries.push(h('section', { className: ['entry'] }, [heading, ...content]))
    }
    const changeSet = view.changes.get(version.label)
    if (index === 0 || !changeSet) {
      if (unit) entry(h('p', {}, 'In the first text recorded.'), clauseAlone(view, version.label, unit, `v${index + 1}-`))
      return
    }
    const found = entriesFor(changeSet.clauses, id)
    if (found.length === 0) return
    if (found.every((item) => item.type === 'unchanged')) {
      entry(h('p', {}, `Unchanged${unit?.number ? ` (${clauseLabel(unit)})` : ''}.`))
      return
    }
    const who = [...new Map(found.flatMap((item) => item.attribution).map((item) => [item.motion, item])).values()]
    const by = who.length > 0 ? [h('p', {}, ['By ', ...joined(who.map((item) => describeWho(view, path, item)), '; '), '.'])] : []
    entry(h('p', {}, whatHappened(found)), ...by, tracked(changeSet, found, `v${index + 1}-`))
  })
  const where = now
    ? h('p', {}, ['In the current text it is ', a(path, paths.protocol(view.slug), clauseLabel(now), id), '.'])
    : h('p', {}, ['It is not in the current text', ...(lastSeen ? ['; it was last in ', a(path, paths.version(view.slug, lastSeen.label), lastSeen.label, id)] : []), '.'])
  const standing = lastUnit ? [h('h2', {}, now ? 'As it stands' : `As it last stood (${lastSeen?.label ?? ''})`), clauseAlone(view, lastSeen?.label ?? '', lastUnit, 'now-')] : []
  const main = lines([
    h('h1', {}, `${view.title}: the history of ${name}`),
    h('p', { className: ['lede'] }, ['Clause ID ', h('code', {}, id), ': this page keeps its address when the clause is renumbered or moved.']),
    where,
    standing,
    h('h2', {}, 'Version by version'),
    entries.length > 0 ? lines(entries) : h('p', {}, 'No version is recorded yet.')
  ])
  return { path, title: `${view.title} — history of ${name}`, crumbs: [{ text: 'Protocols', href: 'index.html' }, { text: view.title, href: paths.protocol(view.slug) }, { text: `history of ${name}` }], main }
}

/** One clause's words as they stood in a version. */
function clauseAlone(view: ProtocolView, label: string, unit: DiffUnit, prefix: string): Element {
  const document = view.documents.get(label) ?? view.currentDocument
  return h('div', { className: ['alone'] }, renderText({ ...document, units: [unit] }, () => [], prefix))
}

/** A clause's entries of a change set, tracked (who made the change is said above them, with its links). */
function tracked(changeSet: ChangeSet, found: ClauseDiff[], prefix: string): Element {
  const { clauses } = htmlClauseNodes({ ...changeSet, clauses: found.map((entry) => ({ ...entry, attribution: [] })) }, { prefix })
  return h('div', { className: ['change'] }, clauses)
}
