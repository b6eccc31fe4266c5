import type { ElementContent } from 'hast'
import { htmlPage } from '../render/html-page.js'
import { h, lines, newline, text } from '../render/html-write.js'

/** The folder of the site's own files: a name no protocol slug can have (slugs have no `_`). */
export const ASSETS = '_assets'

/** One step of the trail at the top of a page: its words, and where it links (none for the page itself). */
export interface Crumb {
  text: string
  /** A path from the site's root, e.g. `uttlesford/index.html`. */
  href?: string
}

/** A page of the site: its path from the root decides how its links climb back (`../`). */
export interface PageSpec {
  /** Where the page goes, from the site's root: `uttlesford/clause/c3-7.html`. */
  path: string
  title: string
  crumbs: Crumb[]
  /** The page's content, as hast (every text a text node, escaped when the page is written). */
  main: ElementContent[]
  /** Scripts from the site's assets, by file name (the search page only). */
  scripts?: string[]
}

/** The link from page `from` to the site path `to`, relative so that the site reads from a file system too. */
export function linkFrom(from: string, to: string): string {
  const here = from.split('/').slice(0, -1)
  const there = to.split('/')
  let same = 0
  while (same < here.length && same < there.length - 1 && here[same] === there[same]) same++
  return '../'.repeat(here.length - same) + there.slice(same).join('/')
}

/**
 * A whole page of the site: a link past the navigation, the trail, a search
 * link, the content and a footer, with the site's style sheet. No script
 * unless the page names one; every text is escaped when the page is written.
 * The content's anchor is `_main`: `_` cannot begin a clause ID, so no
 * clause's anchor takes it.
 */
export function renderSitePage(spec: PageSpec, generator: string): string {
  const link = (to: string): string => linkFrom(spec.path, to)
  const trail = spec.crumbs.flatMap((crumb, index): ElementContent[] => [
    ...(index > 0 ? [text(' '), h('span', { className: ['sep'], ariaHidden: 'true' }, '›'), text(' ')] : []),
    crumb.href !== undefined ? h('a', { href: link(crumb.href) }, crumb.text) : h('span', { ariaCurrent: 'page' }, crumb.text)
  ])
  const header = h('header', { className: ['site'] }, [
    newline(),
    h('nav', { ariaLabel: 'Breadcrumb', className: ['trail'] }, trail),
    newline(),
    h('a', { className: ['search-link'], href: link('search.html') }, 'Search every version'),
    newline()
  ])
  const footer = h('footer', { className: ['site'] }, [
    `Published with ${generator} from the council's records. Each version's text can be checked against its SHA-256 and the history head with `,
    h('code', {}, 'keeling verify'),
    '.'
  ])
  const scripts = (spec.scripts ?? []).map((name) => h('script', { src: link(`${ASSETS}/${name}`) }))
  return htmlPage({
    title: spec.title,
    viewport: true,
    stylesheet: link(`${ASSETS}/site.css`),
    body: [
      ...lines([
        h('a', { className: ['skip'], href: '#_main' }, 'Skip to the content'),
        header,
        h('main', { id: '_main' }, [newline(), ...spec.main, newline()]),
        footer
      ]),
      newline(),
      ...lines(scripts)
    ]
  })
}

/** The site's style sheet: the appendix's own marks, a note column beside the clauses on a wide screen, A4 print. */
export const SITE_STYLE = `
:root { color-scheme: light; }
body { font: 11pt/1.5 Georgia, "Times New Roman", serif; max-width: 62em; margin: 0 auto; padding: 0 1em 2em; color: #111; background: #fff; }
a { color: #0b4f8a; }
.skip { position: absolute; left: -100em; }
.skip:focus { left: 1em; top: 0.5em; background: #fff; padding: 0.3em 0.6em; border: 2px solid #0b4f8a; }
a:focus-visible { outline: 2px solid #0b4f8a; outline-offset: 2px; }
header.site { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5em 1em; align-items: baseline; border-bottom: 1px solid #ccc; padding: 0.6em 0; margin-bottom: 1em; font-family: system-ui, sans-serif; font-size: 0.9em; }
.trail .sep { color: #555; margin: 0 0.2em; }
footer.site { margin-top: 3em; border-top: 1px solid #ccc; padding-top: 0.6em; font-size: 0.85em; color: #444; font-family: system-ui, sans-serif; }
h1 { font-size: 1.6em; margin: 0.3em 0; line-height: 1.25; }
h2 { font-size: 1.25em; } h3 { font-size: 1.1em; } h4, h5, h6 { font-size: 1em; }
.lede { color: #333; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; font-family: system-ui, sans-serif; font-size: 0.9em; }
dl.facts dt { color: #444; } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
code, .hash { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85em; overflow-wrap: anywhere; }
table.records { border-collapse: collapse; width: 100%; font-family: system-ui, sans-serif; font-size: 0.9em; margin: 0.5em 0 1.5em; }
table.records th, table.records td { border-bottom: 1px solid #ddd; padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
table.records th { background: #f3f3f3; }
.text .clause { display: grid; grid-template-columns: minmax(0, 1fr) 15em; column-gap: 1.5em; scroll-margin-top: 1em; }
.text .clause > * { grid-column: 1; }
.text .clause > .beside { grid-column: 2; grid-row: 1 / span 20; font-family: system-ui, sans-serif; font-size: 0.8em; color: #333; border-left: 3px solid #ddd; padding: 0.2em 0 0.2em 0.6em; margin: 0.8em 0; align-self: start; }
.text .clause > .beside.changed { border-left-color: #2a7a2a; }
.text .clause:target { background: #fff8d0; }
.text h2, .text h3, .text h4 { margin-bottom: 0.3em; }
.beside p { margin: 0 0 0.3em; }
.hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
del { text-decoration: line-through; color: #a00; }
ins { text-decoration: underline; color: #060; }
del + ins { margin-left: 0.25em; }
.summary { border: 1px solid #ccc; padding: 0.5em 1em; margin: 1em 0 2em; background: #fafafa; }
.summary h2 { margin-top: 0.3em; }
.note { font-style: italic; color: #444; font-size: 0.9em; }
.notes { font-size: 0.9em; }
sup.ref a { text-decoration: none; }
.text table, .change table { border-collapse: collapse; margin: 0.5em 0; }
.text th, .text td, .change th, .change td { border: 1px solid #999; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
.entry { border-top: 1px solid #ddd; padding-top: 0.5em; margin-top: 1em; }
.entry h2, .entry h3 { font-family: system-ui, sans-serif; font-size: 1em; margin: 0.2em 0; }
.outcome { font-weight: bold; }
form.search { display: flex; gap: 0.5em; flex-wrap: wrap; margin: 1em 0; font-family: system-ui, sans-serif; }
form.search input { font: inherit; padding: 0.3em 0.5em; min-width: 20em; flex: 1; }
#results li { margin: 0.6em 0; }
#results .where { font-family: system-ui, sans-serif; font-size: 0.85em; color: #333; }
mark { background: #ffe066; color: #111; }
@media (max-width: 50em) {
  .text .clause { display: block; }
  .text .clause > .beside { margin: 0.3em 0 0.8em; }
}
@page { size: A4; margin: 2cm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  header.site, .skip { display: none; }
  a { color: inherit; text-decoration: none; }
  del, ins { color: #000; }
  .text .clause { display: block; break-inside: avoid; }
  .text .clause > .beside { border-left: 1px solid #999; font-size: 8pt; margin: 0.2em 0 0.6em; }
  .summary { break-inside: avoid; }
}
`
