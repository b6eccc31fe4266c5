import { longDate } from '../dates.js'
import { lastHash, recordHash, sha256, type Version } from '../history/history.js'
import { escapeHtml } from '../render/markdown-to-html.js'
import { renderHtmlClauses, renderHtmlSummary } from '../render/render-html-diff.js'
import type { ProtocolView } from './site-model.js'
import type { PageSpec } from './site-page.js'
import { a, besideClause, paths, readText, recordAnchor, renderText } from './site-text.js'

function crumbs(view: ProtocolView, last: string): PageSpec['crumbs'] {
  return [{ text: 'Protocols', href: 'index.html' }, { text: view.title, href: paths.protocol(view.slug) }, { text: last }]
}

/** The motions a version adopted, linked, or "the first text". */
function adoptedList(view: ProtocolView, from: string, version: Version): string {
  if (version.motions.length === 0) return 'the first text recorded'
  return version.motions.map((motion) => a(from, paths.motion(view.slug, motion.id), view.motions.get(motion.id)?.motion.title || motion.id)).join('; ')
}

/** The facts that let a reader check a text against the records: its SHA-256, its record's hash and the history's head. */
function checks(view: ProtocolView, version: Version, text: string): string {
  return `<dt>SHA-256 of this text</dt><dd class="hash">${escapeHtml(sha256(text))}</dd>
<dt>This version's record</dt><dd class="hash">${escapeHtml(recordHash(version))}</dd>
<dt>History head</dt><dd class="hash">${escapeHtml(lastHash(view.history))} (${view.history.records.length} records; <code>keeling verify --head</code> checks a published head)</dd>`
}

/** The list of versions, newest first, each with its text and its changes. */
export function versionList(view: ProtocolView, from: string): string {
  const rows = [...view.versions].reverse().map((version) => {
    const changes = view.changes.has(version.label) ? a(from, paths.changes(view.slug, version.label), 'changes') : '—'
    return `<tr><td>${a(from, paths.version(view.slug, version.label), version.label)}</td><td>${escapeHtml(longDate(version.date))}</td><td>${escapeHtml(version.by)}</td><td>${adoptedList(view, from, version)}</td><td>${changes}</td></tr>`
  })
  return `<table class="records"><caption class="note">Every version, newest first</caption><thead><tr><th scope="col">Version</th><th scope="col">Date</th><th scope="col">Adopted by</th><th scope="col">Motions adopted</th><th scope="col">Changes from the version before</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
}

/** The protocol's page: its current text with a note beside each clause of who last changed it, and every version. */
export function protocolPage(view: ProtocolView): PageSpec {
  const path = paths.protocol(view.slug)
  const last = view.last
  const facts = last
    ? `<dl class="facts"><dt>Current version</dt><dd>${a(path, paths.version(view.slug, last.label), last.label)}, adopted by ${escapeHtml(last.by)} on ${escapeHtml(longDate(last.date))}</dd>
<dt>Last change</dt><dd>${adoptedList(view, path, last)}${view.changes.has(last.label) ? ` (${a(path, paths.changes(view.slug, last.label), 'the changes')})` : ''}</dd>
${checks(view, last, view.current)}</dl>`
    : `<p class="note">No version of this protocol is recorded yet (history/${escapeHtml(view.slug)}.yml): this is the text of protocols/${escapeHtml(view.slug)}.md as it stands.</p>`
  const unadopted = view.unadopted !== undefined ? `<p class="note">protocols/${escapeHtml(view.slug)}.md has changes applied since this version that no version has adopted yet; they are not shown.</p>` : ''
  const links = `<p>${a(path, paths.log(view.slug), 'Decisions and versions')} · ${a(path, paths.pending(view.slug), 'Motions pending')}</p>`
  const text = renderText(view.currentDocument, besideClause(view, path, undefined))
  const versions = view.versions.length > 0 ? `<h2>Versions</h2>\n${versionList(view, path)}` : ''
  const main = `<h1>${escapeHtml(view.title)}</h1>
${view.body ? `<p class="lede">${escapeHtml(view.body)}</p>` : ''}
${facts}
${unadopted}
${links}
<h2>The text${last ? ` as it stands (${escapeHtml(last.label)})` : ''}</h2>
<div class="text">
${text}
</div>
${versions}`
  return { path, title: view.title, crumbs: [{ text: 'Protocols', href: 'index.html' }, { text: view.title }], main }
}

/** A version as it stood: its text, each clause with who had last changed it by then, and the facts to check it by. */
export function versionPage(view: ProtocolView, index: number): PageSpec {
  const step = view.steps[index]
  const version = view.versions[index]
  if (!step || !version) throw new Error(`no version ${index} of ${view.slug}`)
  const path = paths.version(view.slug, version.label)
  const document = view.documents.get(version.label) ?? readText(step.after)
  const before = view.versions[index - 1]
  const after = view.versions[index + 1]
  const around = [
    before ? `Before it: ${a(path, paths.version(view.slug, before.label), before.label)}` : '',
    view.changes.has(version.label) ? a(path, paths.changes(view.slug, version.label), `The changes from ${version.from}`) : '',
    after ? `After it: ${a(path, paths.version(view.slug, after.label), after.label)}` : 'This is the current version.'
  ].filter(Boolean)
  const main = `<h1>${escapeHtml(view.title)}</h1>
<p class="lede">The version <strong>${escapeHtml(version.label)}</strong>, as adopted by ${escapeHtml(version.by)} on ${escapeHtml(longDate(version.date))}.</p>
<dl class="facts"><dt>Adopted</dt><dd>${adoptedList(view, path, version)} (${a(path, paths.log(view.slug), 'the record', recordAnchor(view, version))})</dd>
${checks(view, version, step.after)}</dl>
<p>${around.join(' · ')}</p>
<h2>The text of ${escapeHtml(version.label)}</h2>
<div class="text">
${renderText(document, besideClause(view, path, version.label))}
</div>`
  return { path, title: `${view.title} — ${version.label}`, crumbs: crumbs(view, version.label), main }
}

/** The changes a version made to the one before, tracked as the appendix shows them, each with its motion. */
export function changesPage(view: ProtocolView, index: number): PageSpec {
  const version = view.versions[index]
  const changeSet = version ? view.changes.get(version.label) : undefined
  if (!version || !changeSet) throw new Error(`no changes for version ${index} of ${view.slug}`)
  const path = paths.changes(view.slug, version.label)
  const { clauses, footnotes, anchors } = renderHtmlClauses(changeSet)
  const main = `<h1>${escapeHtml(view.title)}: the changes in ${escapeHtml(version.label)}</h1>
<p class="lede">From ${a(path, paths.version(view.slug, version.from), version.from)} to ${a(path, paths.version(view.slug, version.label), version.label)}, adopted by ${escapeHtml(version.by)} on ${escapeHtml(longDate(version.date))}: ${adoptedList(view, path, version)}. <del>Struck</del> words are left out; <ins>underlined</ins> words are inserted.</p>
${renderHtmlSummary(changeSet, anchors)}
<div class="change">
${clauses}
</div>
${footnotes}`
  return { path, title: `${view.title} — changes in ${version.label}`, crumbs: crumbs(view, `changes in ${version.label}`), main }
}
