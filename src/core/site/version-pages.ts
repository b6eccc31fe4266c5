import { longDate } from '../dates.js'
import { lastHash, recordHash, sha256, type Version } from '../history/history.js'
import type { Element, ElementContent } from 'hast'
import { h, joined, type Line, lines, newline, text } from '../render/html-write.js'
import { htmlClauseNodes, htmlSummaryNode, marksSaid } from '../render/render-html-diff.js'
import type { ProtocolView } from './site-model.js'
import type { PageSpec } from './site-page.js'
import { a, besideClause, paths, readText, recordAnchor, renderText, tableHead } from './site-text.js'

function crumbs(view: ProtocolView, last: string): PageSpec['crumbs'] {
  return [{ text: 'Protocols', href: 'index.html' }, { text: view.title, href: paths.protocol(view.slug) }, { text: last }]
}

/** The motions a version adopted, linked, or "the first text". */
function adoptedList(view: ProtocolView, from: string, version: Version): ElementContent[] {
  if (version.motions.length === 0) return [text('the first text recorded')]
  return joined(version.motions.map((motion) => a(from, paths.motion(view.slug, motion.id), view.motions.get(motion.id)?.motion.title || motion.id)), '; ')
}

/** The facts that let a reader check a text against the records: its SHA-256, its record's hash and the history's head. */
function checks(view: ProtocolView, version: Version, stored: string): ElementContent[] {
  const hash = (value: Array<ElementContent | string>): Element => h('dd', { className: ['hash'] }, value)
  return lines([
    [h('dt', {}, 'SHA-256 of this text'), hash([sha256(stored)])],
    [h('dt', {}, "This version's record"), hash([recordHash(version)])],
    [h('dt', {}, 'History head'), hash([`${lastHash(view.history)} (${view.history.records.length} records; `, h('code', {}, 'keeling verify --head'), ' checks a published head)'])]
  ])
}

/** The list of versions, newest first, each with its text and its changes. */
export function versionList(view: ProtocolView, from: string): Element {
  const rows = [...view.versions].reverse().map((version) => {
    const changes = view.changes.has(version.label) ? a(from, paths.changes(view.slug, version.label), 'changes') : '—'
    return h('tr', {}, [
      h('td', {}, [a(from, paths.version(view.slug, version.label), version.label)]),
      h('td', {}, longDate(version.date)),
      h('td', {}, version.by),
      h('td', {}, adoptedList(view, from, version)),
      h('td', {}, [changes])
    ])
  })
  const head = tableHead(['Version', 'Date', 'Adopted by', 'Motions adopted', 'Changes from the version before'])
  return h('table', { className: ['records'] }, [h('caption', { className: ['note'] }, 'Every version, newest first'), head, h('tbody', {}, rows)])
}

/** The protocol's page: its current text with a note beside each clause of who last changed it, and every version. */
export function protocolPage(view: ProtocolView): PageSpec {
  const path = paths.protocol(view.slug)
  const last = view.last
  const facts = last
    ? h('dl', { className: ['facts'] }, lines([
        [h('dt', {}, 'Current version'), h('dd', {}, [a(path, paths.version(view.slug, last.label), last.label), `, adopted by ${last.by} on ${longDate(last.date)}`])],
        [h('dt', {}, 'Last change'), h('dd', {}, [...adoptedList(view, path, last), ...(view.changes.has(last.label) ? [' (', a(path, paths.changes(view.slug, last.label), 'the changes'), ')'] : [])])],
        checks(view, last, view.current)
      ]))
    : h('p', { className: ['note'] }, `No version of this protocol is recorded yet (history/${view.slug}.yml): this is the text of protocols/${view.slug}.md as it stands.`)
  const unadopted = view.unadopted !== undefined ? h('p', { className: ['note'] }, `protocols/${view.slug}.md has changes applied since this version that no version has adopted yet; they are not shown.`) : ''
  const links = h('p', {}, [a(path, paths.log(view.slug), 'Decisions and versions'), ' · ', a(path, paths.pending(view.slug), 'Motions pending')])
  const current = renderText(view.currentDocument, besideClause(view, path, undefined))
  const versions = view.versions.length > 0 ? lines([h('h2', {}, 'Versions'), versionList(view, path)]) : ''
  const main = lines([
    h('h1', {}, view.title),
    view.body ? h('p', { className: ['lede'] }, view.body) : '',
    facts,
    unadopted,
    links,
    h('h2', {}, `The text${last ? ` as it stands (${last.label})` : ''}`),
    h('div', { className: ['text'] }, [newline(), ...current, newline()]),
    versions
  ])
  return { path, title: view.title, crumbs: [{ text: 'Protocols', href: 'index.html' }, { text: view.title }], main }
}

/** A version as it stood: its text, each clause with who had last changed it by then, and the facts to check it by. */
export function versionPage(view: ProtocolView, index: number): PageSpec {
  const step = view.steps[index]
  const version = view.versions[index]
  if (!step || !version) throw new Error(`no version ${index} of ${view.slug}`)
  const path = paths.version(view.slug, version.label)
  const document = view.documents.get(version.label) ?? readText(step.after, view.parsed)
  const before = view.versions[index - 1]
  const after = view.versions[index + 1]
  const around: Line[] = [
    ...(before ? [['Before it: ', a(path, paths.version(view.slug, before.label), before.label)]] : []),
    ...(view.changes.has(version.label) ? [a(path, paths.changes(view.slug, version.label), `The changes from ${version.from}`)] : []),
    after ? ['After it: ', a(path, paths.version(view.slug, after.label), after.label)] : 'This is the current version.'
  ]
  const main = lines([
    h('h1', {}, view.title),
    h('p', { className: ['lede'] }, ['The version ', h('strong', {}, version.label), `, as adopted by ${version.by} on ${longDate(version.date)}.`]),
    h('dl', { className: ['facts'] }, lines([
      [h('dt', {}, 'Adopted'), h('dd', {}, [...adoptedList(view, path, version), ' (', a(path, paths.log(view.slug), 'the record', recordAnchor(view, version)), ')'])],
      checks(view, version, step.after)
    ])),
    h('p', {}, joined(around, ' · ')),
    h('h2', {}, `The text of ${version.label}`),
    h('div', { className: ['text'] }, [newline(), ...renderText(document, besideClause(view, path, version.label)), newline()])
  ])
  return { path, title: `${view.title} — ${version.label}`, crumbs: crumbs(view, version.label), main }
}

/** The changes a version made to the one before, tracked as the appendix shows them, each with its motion. */
export function changesPage(view: ProtocolView, index: number): PageSpec {
  const version = view.versions[index]
  const changeSet = version ? view.changes.get(version.label) : undefined
  if (!version || !changeSet) throw new Error(`no changes for version ${index} of ${view.slug}`)
  const path = paths.changes(view.slug, version.label)
  const { clauses, footnotes, anchors } = htmlClauseNodes(changeSet)
  const from = a(path, paths.version(view.slug, version.from), version.from)
  const to = a(path, paths.version(view.slug, version.label), version.label)
  const main = lines([
    h('h1', {}, `${view.title}: the changes in ${version.label}`),
    h('p', { className: ['lede'] }, ['From ', from, ' to ', to, `, adopted by ${version.by} on ${longDate(version.date)}: `, ...adoptedList(view, path, version), '. ', ...marksSaid()]),
    htmlSummaryNode(changeSet, anchors),
    h('div', { className: ['change'] }, [newline(), ...clauses, newline()]),
    footnotes ?? ''
  ])
  return { path, title: `${view.title} — changes in ${version.label}`, crumbs: crumbs(view, `changes in ${version.label}`), main }
}
