import type { ChangeSet, ClauseDiff } from '../diff/change-set.js'
import type { DiffUnit } from '../diff/diff-document.js'
import { longDate } from '../dates.js'
import { isClauseId } from '../protocol/clause-id.js'
import { escapeHtml } from '../render/markdown-to-html.js'
import { renderHtmlClauses } from '../render/render-html-diff.js'
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
  const entries: string[] = []
  view.versions.forEach((version, index) => {
    const unit = view.documents.get(version.label)?.units.find((item) => item.id === id)
    const heading = `<h3>${a(path, paths.version(view.slug, version.label), version.label, unit ? id : '')} — ${escapeHtml(longDate(version.date))}, ${escapeHtml(version.by)}</h3>`
    const changeSet = view.changes.get(version.label)
    if (index === 0 || !changeSet) {
      if (unit) entries.push(`<section class="entry">${heading}<p>In the first text recorded.</p>${clauseAlone(view, version.label, unit, `v${index + 1}-`)}</section>`)
      return
    }
    const found = entriesFor(changeSet.clauses, id)
    if (found.length === 0) return
    if (found.every((entry) => entry.type === 'unchanged')) {
      entries.push(`<section class="entry">${heading}<p>Unchanged${unit?.number ? ` (${escapeHtml(clauseLabel(unit))})` : ''}.</p></section>`)
      return
    }
    const who = [...new Map(found.flatMap((entry) => entry.attribution).map((item) => [item.motion, item])).values()]
    const by = who.length > 0 ? `<p>By ${who.map((item) => describeWho(view, path, item)).join('; ')}.</p>` : ''
    entries.push(`<section class="entry">${heading}<p>${escapeHtml(whatHappened(found))}</p>${by}${tracked(changeSet, found, `v${index + 1}-`)}</section>`)
  })
  const where = now
    ? `<p>In the current text it is ${a(path, paths.protocol(view.slug), clauseLabel(now), id)}.</p>`
    : `<p>It is not in the current text${lastSeen ? `; it was last in ${a(path, paths.version(view.slug, lastSeen.label), lastSeen.label, id)}` : ''}.</p>`
  const standing = lastUnit ? `<h2>${now ? 'As it stands' : `As it last stood (${escapeHtml(lastSeen?.label ?? '')})`}</h2>${clauseAlone(view, lastSeen?.label ?? '', lastUnit, 'now-')}` : ''
  const main = `<h1>${escapeHtml(view.title)}: the history of ${escapeHtml(name)}</h1>
<p class="lede">Clause ID <code>${escapeHtml(id)}</code>: this page keeps its address when the clause is renumbered or moved.</p>
${where}
${standing}
<h2>Version by version</h2>
${entries.length > 0 ? entries.join('\n') : '<p>No version is recorded yet.</p>'}`
  return { path, title: `${view.title} — history of ${name}`, crumbs: [{ text: 'Protocols', href: 'index.html' }, { text: view.title, href: paths.protocol(view.slug) }, { text: `history of ${name}` }], main }
}

/** One clause's words as they stood in a version. */
function clauseAlone(view: ProtocolView, label: string, unit: DiffUnit, prefix: string): string {
  const document = view.documents.get(label) ?? view.currentDocument
  return `<div class="alone">${renderText({ ...document, units: [unit] }, () => '', prefix)}</div>`
}

/** A clause's entries of a change set, tracked (who made the change is said above them, with its links). */
function tracked(changeSet: ChangeSet, found: ClauseDiff[], prefix: string): string {
  const { clauses } = renderHtmlClauses({ ...changeSet, clauses: found.map((entry) => ({ ...entry, attribution: [] })) }, { prefix })
  return `<div class="change">${clauses}</div>`
}
