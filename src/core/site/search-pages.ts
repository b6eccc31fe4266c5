import { toString } from 'mdast-util-to-string'
import { longDate } from '../dates.js'
import { h, lines } from '../render/html-write.js'
import { parseMarkdown } from '../render/markdown-tree.js'
import type { ProtocolView } from './site-model.js'
import type { PageSpec } from './site-page.js'
import { a, clauseLabel, paths, readText, tableHead } from './site-text.js'

/** One clause's words as they stood in one or more versions: what the search script looks through. */
export interface SearchEntry {
  /** The protocol's title. */
  protocol: string
  /** The clause's number or first words. */
  clause: string
  /** The words, as a reader has them, on one line. */
  text: string
  /** Where each version with these words shows the clause (site paths with its anchor), newest first. */
  versions: Array<{ label: string; href: string }>
}

/** A clause's words as plain text on one line: its number, then what Markdown shows of its words. */
function plainText(number: string, body: string): string {
  return `${number.replace(/\\(.)/g, '$1')} ${toString(parseMarkdown(body))}`.replace(/\s+/g, ' ').trim()
}

/**
 * The search index: every clause of every version of every protocol, one
 * entry for each distinct wording of a clause with the versions that had
 * it — so that words a later version left out are still found, in the
 * versions that had them.
 */
export function searchIndex(views: ProtocolView[]): SearchEntry[] {
  const entries: SearchEntry[] = []
  // Most clauses read the same in every version: each wording is read once.
  const read = new Map<string, string>()
  const plain = (number: string, body: string): string => {
    const key = `${number}\u0000${body}`
    const known = read.get(key)
    if (known !== undefined) return known
    const text = plainText(number, body)
    read.set(key, text)
    return text
  }
  for (const view of views) {
    const byWords = new Map<string, SearchEntry>()
    const texts: Array<{ label: string; href: (id: string) => string; units: ReturnType<typeof readText>['units'] }> =
      view.versions.length > 0
        ? [...view.versions].reverse().map((version) => ({ label: version.label, href: (id: string) => `${paths.version(view.slug, version.label)}#${id}`, units: view.documents.get(version.label)?.units ?? [] }))
        : [{ label: 'as it stands', href: (id: string) => `${paths.protocol(view.slug)}#${id}`, units: view.currentDocument.units }]
    for (const { label, href, units } of texts) {
      for (const unit of units) {
        const text = plain(unit.number, unit.body)
        const key = `${unit.id}\u0000${text}`
        const known = byWords.get(key)
        if (known) known.versions.push({ label, href: href(unit.id) })
        else byWords.set(key, { protocol: view.title, clause: clauseLabel(unit), text, versions: [{ label, href: href(unit.id) }] })
      }
    }
    entries.push(...byWords.values())
  }
  return entries
}

/** The index as the script file the search page loads (a script, not JSON fetched: a page read from a file system may not fetch). */
export function searchIndexScript(entries: SearchEntry[]): string {
  return `window.keelingSearchIndex = ${JSON.stringify(entries).replace(/</g, '\\u003c')};\n`
}

/** The search page: a form, and the results the script writes; without a script, a note that says where the texts are. */
export function searchPage(): PageSpec {
  const form = h('form', { className: ['search'], id: 'search', role: 'search', action: 'search.html' }, [
    '\n',
    ...lines([
      h('label', { htmlFor: ['q'] }, 'Words to find'),
      h('input', { id: 'q', name: 'q', type: 'search', autoComplete: ['off'], required: true }),
      h('button', { type: 'submit' }, 'Search')
    ]),
    '\n'
  ])
  const main = lines([
    h('h1', {}, 'Search every version'),
    h('p', { className: ['lede'] }, 'Finds words in the text of every version of every protocol, including words a later version left out. Nothing leaves this page: the index is part of the site.'),
    form,
    h('noscript', {}, [h('p', {}, ['Search needs JavaScript. Every version of each protocol is listed on its page, from the ', a('search.html', 'index.html', 'list of protocols'), '.'])]),
    h('p', { id: 'status', role: 'status', ariaLive: 'polite' }),
    h('ol', { id: 'results' })
  ])
  return { path: 'search.html', title: 'Search every version', crumbs: [{ text: 'Protocols', href: 'index.html' }, { text: 'search' }], main, scripts: ['search-index.js', 'search.js'] }
}

/**
 * The search script: reads the index, finds the words asked (case, curly
 * quotes and spacing aside) and lists each clause with the versions that had
 * those words. It writes text nodes only, never HTML.
 */
export const SEARCH_SCRIPT = `(function () {
  'use strict';
  var entries = window.keelingSearchIndex || [];
  var form = document.getElementById('search');
  var input = document.getElementById('q');
  var list = document.getElementById('results');
  var status = document.getElementById('status');
  // Same length in, same length out, so that a match's place in the folded text is its place in the text.
  function fold(text) { return text.toLowerCase().replace(/[\\u2018\\u2019]/g, "'").replace(/[\\u201c\\u201d]/g, '"').replace(/\\s/g, ' '); }
  var folded = entries.map(function (entry) { return fold(entry.text); });
  function el(name, text, attrs) {
    var node = document.createElement(name);
    if (text) node.textContent = text;
    for (var key in attrs || {}) node.setAttribute(key, attrs[key]);
    return node;
  }
  function snippet(entry, at, length) {
    var p = el('p');
    var start = Math.max(0, at - 80), end = Math.min(entry.text.length, at + length + 80);
    // Whole words either side of the match.
    if (start > 0) { var space = entry.text.indexOf(' ', start); start = space >= 0 && space < at ? space + 1 : start; }
    if (end < entry.text.length) { var last = entry.text.lastIndexOf(' ', end); end = last > at + length ? last : end; }
    p.appendChild(document.createTextNode((start > 0 ? '… ' : '') + entry.text.slice(start, at)));
    p.appendChild(el('mark', entry.text.slice(at, at + length)));
    p.appendChild(document.createTextNode(entry.text.slice(at + length, end) + (end < entry.text.length ? ' …' : '')));
    return p;
  }
  function run(query) {
    while (list.firstChild) list.removeChild(list.firstChild);
    var wanted = fold(query).replace(/ +/g, ' ').trim();
    if (!wanted) { status.textContent = ''; return; }
    var found = 0;
    for (var i = 0; i < entries.length; i++) {
      var at = folded[i].indexOf(wanted);
      if (at < 0) continue;
      found++;
      if (found > 200) continue;
      var entry = entries[i];
      var item = el('li');
      var head = el('p');
      head.appendChild(el('a', entry.protocol + ', ' + entry.clause, { href: entry.versions[0].href }));
      item.appendChild(head);
      item.appendChild(snippet(entry, at, wanted.length));
      var where = el('p', 'In ' + (entry.versions.length === 1 ? 'the version ' : 'the versions '), { 'class': 'where' });
      entry.versions.forEach(function (version, n) {
        if (n > 0) where.appendChild(document.createTextNode(', '));
        where.appendChild(el('a', version.label, { href: version.href }));
      });
      item.appendChild(where);
      list.appendChild(item);
    }
    status.textContent = found === 0 ? 'No clause has these words.' : found + (found === 1 ? ' clause has' : ' clauses have') + ' these words' + (found > 200 ? '; the first 200 are listed.' : '.');
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    run(input.value);
    // A page read from a file system may refuse to change its address; the results stand either way.
    try { window.history.replaceState(null, '', '?q=' + encodeURIComponent(input.value)); } catch (ignored) { /* file: */ }
  });
  var asked = /[?&]q=([^&#]*)/.exec(window.location.search);
  if (asked) {
    input.value = decodeURIComponent(asked[1].replace(/\\+/g, ' '));
    run(input.value);
  }
})();
`

/** The site's front page: every protocol, with its body, current version, date and last change. */
export function indexPage(views: ProtocolView[]): PageSpec {
  const path = 'index.html'
  const rows = views.map((view) => {
    const last = view.last
    const change = !last
      ? ['no version recorded']
      : last.motions.length === 0
        ? ['the first text recorded']
        : [`${last.motions.length} motion${last.motions.length === 1 ? '' : 's'} adopted (`, a(path, paths.changes(view.slug, last.label), 'the changes'), ')']
    return h('tr', {}, [
      h('td', {}, [a(path, paths.protocol(view.slug), view.title)]),
      h('td', {}, view.body),
      h('td', {}, [last ? a(path, paths.version(view.slug, last.label), last.label) : '—']),
      h('td', {}, last ? longDate(last.date) : '—'),
      h('td', {}, change)
    ])
  })
  const main = lines([
    h('h1', {}, 'Protocols'),
    h('p', { className: ['lede'] }, 'Each protocol as it stands, every version as it stood, the changes between them and who made each: the motion, its mover, the body that decided it, the date and the vote.'),
    h('table', { className: ['records'] }, [tableHead(['Protocol', 'Body', 'Current version', 'Date', 'Last change']), h('tbody', {}, lines(rows))]),
    h('p', {}, [a(path, 'search.html', 'Search the text of every version')])
  ])
  return { path, title: 'Protocols', crumbs: [{ text: 'Protocols' }], main }
}
