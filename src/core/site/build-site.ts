import { clauseIds, clausePage } from './clause-pages.js'
import { logPage, motionPage, pendingPage } from './record-pages.js'
import { indexPage, SEARCH_SCRIPT, searchIndex, searchIndexScript, searchPage } from './search-pages.js'
import { type SiteProtocol, viewProtocol } from './site-model.js'
import { ASSETS, renderSitePage, SITE_STYLE } from './site-page.js'
import { changesPage, protocolPage, versionPage } from './version-pages.js'

export type { SiteProtocol } from './site-model.js'

/** The file that marks a folder as a site keeling wrote, so that a later build may replace it (and nothing else). */
export const SITE_MARKER = '.keeling-site'

/**
 * The whole website, as files by path from its root: an index of the
 * protocols; for each, its current text with a note beside each clause of
 * who last changed it, every version as it stood, the changes each version
 * made, a page per clause ID with its history, the decisions and versions
 * newest first, the motions pending with what they would change, and a page
 * per motion; a search over every version's text. Plain pages with relative
 * links, so the site reads from a file system or any web server; a script on
 * the search page only. Every text from the records is escaped.
 *
 * @param generator who made the site, for the footer: `keeling 0.1.0`
 */
export function buildSite(protocols: SiteProtocol[], generator: string): Map<string, string> {
  const views = protocols.map(viewProtocol)
  const pages = [indexPage(views), searchPage()]
  for (const view of views) {
    pages.push(protocolPage(view), logPage(view), pendingPage(view))
    view.versions.forEach((version, index) => {
      pages.push(versionPage(view, index))
      if (view.changes.has(version.label)) pages.push(changesPage(view, index))
    })
    for (const id of clauseIds(view)) pages.push(clausePage(view, id))
    for (const input of view.motions.values()) pages.push(motionPage(view, input))
  }
  const files = new Map<string, string>()
  for (const page of pages) files.set(page.path, renderSitePage(page, generator))
  files.set(`${ASSETS}/site.css`, SITE_STYLE)
  files.set(`${ASSETS}/search.js`, SEARCH_SCRIPT)
  files.set(`${ASSETS}/search-index.js`, searchIndexScript(searchIndex(views)))
  files.set(SITE_MARKER, `This folder is a website written by ${generator} (keeling site). keeling site replaces it whole when it is built again.\n`)
  return files
}
