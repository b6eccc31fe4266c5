/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyOfExamples, repoRoot, runCli, tempProject } from '../helpers/run-cli.js'

/** A copy of this repository's records: protocols, motions and histories. */
function copyOfRecords(): string {
  const dir = copyOfExamples()
  cpSync(join(repoRoot, 'amendments'), join(dir, 'amendments'), { recursive: true })
  cpSync(join(repoRoot, 'history'), join(dir, 'history'), { recursive: true })
  return dir
}

/** Every file under a folder, as paths from it. */
function filesUnder(dir: string): string[] {
  const found: string[] = []
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name)
      if (statSync(path).isDirectory()) walk(path)
      else found.push(relative(dir, path).split('\\').join('/'))
    }
  }
  walk(dir)
  return found.sort()
}

/** The clause IDs of a protocol text, read from its anchors (the oracle: the records, not the site). */
function anchorsOf(text: string): string[] {
  return [...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((match) => match[1] ?? '')
}

/** A version's clauses that are plain words on one line, with nothing after them — clause ID → the words a reader sees. */
function plainClauses(text: string): Map<string, string> {
  const found = new Map<string, string>()
  const lines = text.split('\n')
  lines.forEach((line, index) => {
    const match = /^<a id="([^"]+)"><\/a>([^<[\]*_`~]+)$/.exec(line)
    // The clause runs to the next clause's anchor or heading: only a clause of one line is read here.
    const next = lines.slice(index + 1).find((other) => other.trim() !== '')
    const alone = next === undefined || /^(?:<a id="|#)/.test(next)
    if (match?.[1] && match[2] && alone) found.set(match[1], match[2].replace(/\s+/g, ' ').trim())
  })
  return found
}

const versionsOf = (slug: string): string[] =>
  [...readFileSync(join(repoRoot, 'history', `${slug}.yml`), 'utf8').matchAll(/^label: (.+)$/gm)].map((match) => match[1] ?? '')

/**
 * A text as element content must be written for a browser to show it as text: every `<` as `&lt;` and every `&` as
 * `&amp;`; `>`, `"` and `'` either as they are or as references (both read back as the same text).
 */
function escaped(text: string): RegExp {
  const written: Record<string, string> = { '<': '&lt;', '&': '&amp;', '>': '(?:>|&gt;)', '"': '(?:"|&quot;)', "'": "(?:'|&#39;)" }
  return new RegExp([...text].map((char) => written[char] ?? char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join(''))
}

// This repository's records and the site keeling builds of them, built once for the tests that read it (none
// changes it). Its own folder: the helpers' temporary projects are removed after each test.
let built: Promise<string> | undefined
function builtSite(): Promise<string> {
  built ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keeling-site-'))
    for (const folder of ['protocols', 'amendments', 'history']) cpSync(join(repoRoot, folder), join(dir, folder), { recursive: true })
    const first = await runCli(['site'], dir)
    expect(first.stderr).toMatch(/^wrote site\/: \d+ pages for 4 protocols; open site\/index\.html\n$/)
    expect(first.code).toBe(0)
    return dir
  })()
  return built
}
afterAll(async () => {
  if (built) rmSync(await built, { recursive: true, force: true })
})

describe('keeling site: where it writes, and what it refuses', () => {
  it('writes a site of every protocol, and building again replaces it whole (a page no longer made is gone)', async () => {
    const shared = await builtSite()
    const files = filesUnder(join(shared, 'site'))
    for (const slug of ['uttlesford', 'oadby-wigston', 'section-21', 'town-council']) expect(files).toContain(`${slug}/index.html`)
    for (const label of versionsOf('uttlesford')) expect(files).toContain(`uttlesford/version/${label}.html`)
    expect(files).toContain('uttlesford/clause/c3-7.html')
    expect(files).toContain('uttlesford/changes/cwg-2017-04-25.html')
    // Each version page gives the SHA-256 of the version's stored text and the head the protocol's front matter records.
    const head = /^history-head: ([0-9a-f]{64})$/m.exec(readFileSync(join(repoRoot, 'protocols', 'uttlesford.md'), 'utf8'))?.[1] ?? ''
    expect(head).toMatch(/^[0-9a-f]{64}$/)
    for (const label of versionsOf('uttlesford')) {
      const page = readFileSync(join(shared, 'site', 'uttlesford', 'version', `${label}.html`), 'utf8')
      const text = readFileSync(join(repoRoot, 'history', 'uttlesford', `${label}.md`), 'utf8')
      expect(page).toContain(`<dt>SHA-256 of this text</dt><dd class="hash">${createHash('sha256').update(text).digest('hex')}</dd>`)
      expect(page).toContain(`<dt>History head</dt><dd class="hash">${head} `)
    }
    // Built again over it (in a copy, records and site): a page no longer made goes.
    const dir = tempProject()
    cpSync(shared, dir, { recursive: true })
    writeFileSync(join(dir, 'site', 'uttlesford', 'stale.html'), 'old')
    const again = await runCli(['site'], dir)
    expect(again.code).toBe(0)
    expect(existsSync(join(dir, 'site', 'uttlesford', 'stale.html'))).toBe(false)
    expect(filesUnder(join(dir, 'site'))).toEqual(files)
    // No folder of the temporary or the old site is left beside it.
    expect(readdirSync(dir).filter((name) => name.includes('keeling-'))).toEqual([])
  })

  it('never writes among the records, over the project, or over a folder it did not write; nothing is written', async () => {
    const dir = copyOfRecords()
    mkdirSync(join(dir, 'notes'))
    writeFileSync(join(dir, 'notes', 'minutes.txt'), 'keep me')
    const before = filesUnder(dir)
    for (const [target, said] of [
      ['protocols/site', /-o protocols\/site is in protocols\/, which holds the protocols/],
      ['history', /-o history is in history\/, which holds the histories/],
      ['amendments/uttlesford', /is in amendments\//],
      ['.', /-o \. holds the project's protocols\/ folder/],
      ['notes', /-o notes is a folder keeling did not write \(it has no \.keeling-site\)/]
    ] as const) {
      const result = await runCli(['site', '-o', target], dir)
      expect(result.code, target).toBe(2)
      expect(result.stderr).toMatch(said)
      expect(result.stderr).not.toMatch(/\n\s+at /)
    }
    expect(filesUnder(dir)).toEqual(before)
    expect(readFileSync(join(dir, 'notes', 'minutes.txt'), 'utf8')).toBe('keep me')
  })

  it('refuses to publish records that do not verify: a stored version text changed since it was adopted; nothing written', async () => {
    const dir = copyOfRecords()
    const file = join(dir, 'history', 'uttlesford', 'council-2017-04-04.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('calling or attending', 'attending'))
    const result = await runCli(['site', '-o', 'public'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('history/uttlesford.yml: cannot rebuild the versions of uttlesford: the stored text of version council-2017-04-04 was changed since it was adopted')
    expect(result.stderr).toContain('nothing written')
    expect(existsSync(join(dir, 'public'))).toBe(false)
  })

  it('keeps a page for every clause ID: one left out says where it last stood, one moved and renumbered says so, with the vote', async () => {
    const dir = tempProject()
    mkdirSync(join(dir, 'protocols'))
    mkdirSync(join(dir, 'amendments', 'demo'), { recursive: true })
    writeFileSync(
      join(dir, 'protocols', 'demo.md'),
      '---\ntitle: Standing Orders\nslug: demo\nbody: Anytown Town Council\n---\n\n## <a id="s1"></a>1. Meetings\n\n<a id="c1-1"></a>1.1 The Council meets monthly.\n\n<a id="c1-2"></a>1.2 Quorum is three members.\n\n<a id="c1-3"></a>1.3 Minutes are kept by the Clerk.\n'
    )
    writeFileSync(join(dir, 'amendments', 'demo', 'patel-1.md'), '---\ntitle: Tidy the rules on meetings\nmover: Cllr Patel\nseconder: Cllr Shah\n---\n\n1. Leave out paragraph 1.1.\n2. Move paragraph 1.3 to precede paragraph 1.2.\n')
    for (const argv of [
      ['adopt', 'demo', '--version', 'first', '--date', '2025-01-10', '--by', 'Anytown Town Council'],
      ['decide', 'amendments/demo/patel-1.md', '--body', 'Anytown Town Council', '--date', '2025-03-12', '--outcome', 'carried', '--for', '9', '--against', '2'],
      ['adopt', 'demo', '--version', 'march', '--date', '2025-03-12', '--by', 'Anytown Town Council', 'amendments/demo/patel-1.md']
    ]) {
      const result = await runCli(argv, dir)
      expect(result.code, `${argv.join(' ')}: ${result.stderr}`).toBe(0)
    }
    expect((await runCli(['site'], dir)).code).toBe(0)
    const read = (path: string): string =>
      readFileSync(join(dir, 'site', path), 'utf8')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
    const leftOut = read('demo/clause/c1-1.html')
    expect(leftOut).toContain('It is not in the current text; it was last in first .')
    expect(leftOut).toContain('As it last stood (first)')
    expect(leftOut).toContain('1.1 The Council meets monthly.')
    expect(leftOut).toContain('march — 12 March 2025, Anytown Town Council Left out.')
    const moved = read('demo/clause/c1-3.html')
    expect(moved).toContain('the history of 1.1')
    expect(moved).toMatch(/Moved; renumbered from 1\.3\. By “Tidy the rules on meetings” , moved by Cllr Patel and seconded by Cllr Shah; carried by Anytown Town Council on 12 March 2025 \(for 9, against 2\) ; adopted in march ./)
    expect(read('demo/version/first.html')).toContain('1.1 The Council meets monthly.')
    expect(read('demo/version/march.html')).not.toContain('meets monthly')
    expect(read('demo/log.html')).toContain('for 9, against 2')
    expect(read('demo/pending.html')).toContain('No motion is pending.')
  })

  it('writes nothing outside its folder, whatever a clause ID or a motion file is called', async () => {
    const dir = tempProject()
    mkdirSync(join(dir, 'protocols'))
    mkdirSync(join(dir, 'amendments', 'odd'), { recursive: true })
    writeFileSync(join(dir, 'protocols', 'odd.md'), '---\ntitle: Odd\nslug: odd\n---\n\n<a id="../../../escaped"></a>1. A clause with a path for an ID.\n\n<a id="c2"></a>2. A clause.\n')
    writeFileSync(join(dir, 'amendments', 'odd', 'a motion#1.md'), '---\ntitle: Spaced\nmover: Cllr Lee\n---\n\n1. In paragraph 2, leave out "A" and insert "One".\n')
    const before = filesUnder(dir)
    const result = await runCli(['site'], dir)
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('amendments/odd/a motion#1.md: "a motion#1" is not a motion ID')
    const written = filesUnder(dir).filter((path) => !before.includes(path))
    expect(written.every((path) => path.startsWith('site/'))).toBe(true)
    expect(written).toContain('site/odd/clause/c2.html')
    expect(written.filter((path) => path.includes('escaped') || path.includes('motion#'))).toEqual([])
  })

  it('escapes every text from protocols and motions: raw HTML in a title, a clause, a mover shows as text', async () => {
    const dir = tempProject()
    mkdirSync(join(dir, 'protocols'))
    mkdirSync(join(dir, 'amendments', 'hostile'), { recursive: true })
    writeFileSync(
      join(dir, 'protocols', 'hostile.md'),
      '---\ntitle: <script>alert("title")</script> & Co\nslug: hostile\nbody: <img src=x onerror=alert(1)>\n---\n\n## <a id="s1"></a>1. Rules <iframe src=x>\n\n<a id="c1-1"></a>1.1 Members <b onclick="alert(2)">shall</b> attend; see [here](javascript:alert(3)).\n'
    )
    writeFileSync(join(dir, 'amendments', 'hostile', 'm1.md'), '---\ntitle: <script>alert(5)</script>\nmover: Cllr "Bobby" <Tables>\n---\n\n1. In paragraph 1.1, leave out "attend" and insert "attend <img src=y onerror=alert(6)>".\n')
    const result = await runCli(['site'], dir)
    expect(result.code).toBe(0)
    const pages = filesUnder(join(dir, 'site')).filter((path) => path.endsWith('.html'))
    expect(pages).toEqual(expect.arrayContaining(['hostile/index.html', 'hostile/pending.html', 'hostile/motion/m1.html', 'hostile/clause/c1-1.html']))
    for (const page of pages) {
      const html = readFileSync(join(dir, 'site', page), 'utf8')
      // The search page's own two scripts are the only scripts; no element or handler from the records.
      expect(html.replace(/<script src="(?:\.\.\/)*_assets\/search(?:-index)?\.js"><\/script>/g, ''), page).not.toMatch(/<(?:script|img|iframe|b)[\s>]|<[a-z][^<>]*\son\w+=|href="javascript/i)
    }
    const pending = readFileSync(join(dir, 'site', 'hostile', 'pending.html'), 'utf8')
    expect(pending).toMatch(escaped('<script>alert(5)</script>'))
    expect(pending).toMatch(escaped('moved by Cllr "Bobby" <Tables>'))
    expect(pending).toMatch(new RegExp(`<ins>${escaped(' <img src=y onerror=alert(6)>').source}</ins>`))
    const index = readFileSync(join(dir, 'site', 'index.html'), 'utf8')
    expect(index).toMatch(escaped('<script>alert("title")</script> & Co'))
    expect(index).toMatch(escaped('<img src=x onerror=alert(1)>'))
    // The search index is a script: the records' text in it cannot close it or open a tag.
    expect(readFileSync(join(dir, 'site', '_assets', 'search-index.js'), 'utf8')).not.toContain('<')
  })
})

// The site read in a real browser from the file system, as a reader opens it.
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path))
if (!chromium) console.log('skipped: the browser test of the site needs Debian chromium (/usr/bin/chromium); .ci/run installs it')

describe.skipIf(!chromium)('the site in a headless Chromium, from file://', () => {
  let browser: import('playwright-core').Browser | undefined
  // One page for every test (a new page is a new renderer process, about a third of a second of CPU each), and what
  // it logged: console errors and warnings, uncaught errors, and any request for something not on the disk.
  let page: import('playwright-core').Page
  const logged = { errors: [] as string[], requests: [] as string[] }
  let site = ''
  const url = (path: string): string => {
    const [file = '', query] = path.split('?')
    return pathToFileURL(join(site, file)).href + (query !== undefined ? `?${query}` : '')
  }
  beforeAll(async () => {
    site = join(await builtSite(), 'site')
    const { chromium: launcher } = await import('playwright-core')
    browser = await launcher.launch({
      executablePath: chromium ?? '',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    })
    page = await browser.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') logged.errors.push(`${page.url()}: ${message.text()}`)
    })
    page.on('pageerror', (error) => logged.errors.push(`${page.url()}: ${error.message}`))
    page.on('request', (request) => {
      if (!request.url().startsWith('file://')) logged.requests.push(request.url())
    })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it('every page is reached from the index, every link resolves to a page and an anchor on it, no id is used twice, no page logs an error, and only the search page has a script', async () => {
    logged.errors.length = 0
    logged.requests.length = 0
    const base = pathToFileURL(site + '/').href
    const pages = filesUnder(site).filter((path) => path.endsWith('.html'))
    expect(pages.length).toBeGreaterThan(100)
    // Every page read by the browser's own HTML parser, in one go: its links and the files it loads, its ids, its scripts.
    await page.goto(url('index.html'))
    const read = await page.evaluate(
      (all) =>
        all.map(({ path, pageUrl, html }) => {
          const document = new DOMParser().parseFromString(html, 'text/html')
          const resolve = (value: string): string => new URL(value, pageUrl).href
          return {
            path,
            hrefs: [...document.querySelectorAll('a[href]')].map((link) => resolve(link.getAttribute('href') ?? '')),
            loads: [...document.querySelectorAll('link[href], script[src], img[src], iframe[src]')].map((node) => resolve(node.getAttribute('href') ?? node.getAttribute('src') ?? '')),
            ids: [...document.querySelectorAll('[id]')].map((node) => node.id),
            scripts: document.scripts.length
          }
        }),
      pages.map((path) => ({ path, pageUrl: url(path), html: readFileSync(join(site, path), 'utf8') }))
    )
    const byPath = new Map(read.map((found) => [found.path, found]))
    const broken: string[] = []
    const links: Array<{ from: string; to: string; hash: string }> = []
    const within = (path: string, href: string): string | undefined => {
      const [target = '', hash = ''] = href.split('#')
      if (!target.startsWith(base)) {
        broken.push(`${path} → ${href} (outside the site)`)
        return undefined
      }
      const to = decodeURIComponent(target.slice(base.length).replace(/\?.*$/, ''))
      if (!existsSync(join(site, to)) || !statSync(join(site, to)).isFile()) {
        broken.push(`${path} → ${to} (no such file)`)
        return undefined
      }
      links.push({ from: path, to, hash })
      return to
    }
    for (const found of read) {
      const twice = found.ids.filter((id, index) => found.ids.indexOf(id) !== index)
      if (twice.length > 0) broken.push(`${found.path}: ids used twice: ${twice.join(', ')}`)
      for (const href of found.loads) within(found.path, href)
    }
    // The pages reached from the index by following links.
    const seen = new Set<string>()
    const queue = ['index.html']
    while (queue.length > 0) {
      const path = queue.shift() ?? ''
      if (seen.has(path)) continue
      seen.add(path)
      for (const href of byPath.get(path)?.hrefs ?? []) {
        const to = within(path, href)
        if (to?.endsWith('.html')) queue.push(to)
      }
    }
    for (const { from, to, hash } of links) if (hash && !new Set(byPath.get(to)?.ids).has(decodeURIComponent(hash))) broken.push(`${from} → ${to}#${hash} (no such anchor)`)
    expect(broken).toEqual([])
    expect([...seen].sort()).toEqual(pages)
    expect(read.filter((found) => found.scripts > 0).map((found) => found.path)).toEqual(['search.html'])
    // And opened as a reader opens them, one page of every kind (each folder's first page): none logs an error or asks for anything off the disk.
    const kinds = new Map<string, string>()
    for (const path of pages) if (!kinds.has(path.replace(/[^/]*$/, ''))) kinds.set(path.replace(/[^/]*$/, ''), path)
    for (const path of [...kinds.values(), 'search.html', 'search.html?q=officers']) await page.goto(url(path))
    expect(logged.errors).toEqual([])
    expect(logged.requests).toEqual([])
  }, 300_000)

  // Each version page as the browser shows it, read once for the two tests that read them: every clause section's
  // ID and its words (without what is put beside it), and the page's text.
  const versionPages = new Map<string, Promise<{ clauses: Record<string, string>; text: string }>>()
  const versionPage = (slug: string, label: string): Promise<{ clauses: Record<string, string>; text: string }> => {
    const key = `${slug}/${label}`
    let read = versionPages.get(key)
    if (!read) {
      read = page.goto(url(`${slug}/version/${label}.html`)).then(() =>
        page.evaluate(() => {
          const clauses: Record<string, string> = {}
          for (const section of document.querySelectorAll('section.clause')) {
            const copy = section.cloneNode(true) as HTMLElement
            copy.querySelectorAll('.beside').forEach((node) => node.remove())
            if (section.id) clauses[section.id] = (copy.textContent ?? '').replace(/\s+/g, ' ').trim()
          }
          return { clauses, text: document.querySelector('main')?.innerText ?? '' }
        })
      )
      versionPages.set(key, read)
    }
    return read
  }

  it('every clause of every version has its anchor on the version page and a page of its own; the protocol page has the current clauses', async () => {
    for (const slug of ['uttlesford', 'oadby-wigston']) {
      const labels = versionsOf(slug)
      for (const label of labels) {
        const expected = anchorsOf(readFileSync(join(repoRoot, 'history', slug, `${label}.md`), 'utf8'))
        expect(expected.length).toBeGreaterThan(10)
        const { clauses } = await versionPage(slug, label)
        expect(expected.filter((id) => id in clauses), `${slug}@${label}`).toEqual(expected)
        for (const id of expected) expect(existsSync(join(site, slug, 'clause', `${id}.html`)), `${slug} ${id}`).toBe(true)
      }
      const current = anchorsOf(readFileSync(join(repoRoot, 'history', slug, `${labels.at(-1) ?? ''}.md`), 'utf8'))
      await page.goto(url(`${slug}/index.html`))
      expect(await page.evaluate((wanted) => wanted.filter((id) => document.getElementById(id)), current)).toEqual(current)
    }
    // A clause's page keeps its ID's address after renumbering: c3-7 was 3.7 and is now 3.9.
    await page.goto(url('uttlesford/clause/c3-7.html'))
    const history = await page.evaluate(() => document.querySelector('main')?.innerText ?? '')
    expect(history).toContain('the history of 3.9')
    expect(history).toContain('Renumbered from 3.7.')
  }, 120_000)

  it('each version page shows the text as it stood: every plain clause reads as the stored version text has it', async () => {
    let compared = 0
    for (const slug of ['uttlesford', 'oadby-wigston']) {
      for (const label of versionsOf(slug)) {
        const oracle = plainClauses(readFileSync(join(repoRoot, 'history', slug, `${label}.md`), 'utf8'))
        const { clauses } = await versionPage(slug, label)
        for (const [id, words] of oracle) {
          expect(clauses[id], `${slug}@${label} ${id}`).toBe(words)
          compared++
        }
      }
    }
    expect(compared).toBeGreaterThan(60)
    // The words the working group left out are in the versions before it, not in its own.
    expect((await versionPage('uttlesford', 'council-2017-04-04')).text).toContain('including calling or attending meetings')
    expect((await versionPage('uttlesford', 'cwg-2017-04-25')).text).not.toContain('calling or attending')
  }, 120_000)

  it('the protocol page says beside a changed clause who last changed it, linked to the decision', async () => {
    await page.goto(url('uttlesford/index.html'))
    const beside = await page.evaluate(() => {
      const note = document.querySelector('#c7-2 .beside')
      return { text: (note?.textContent ?? '').replace(/\s+/g, ' '), links: [...(note?.querySelectorAll('a') ?? [])].map((link) => link.getAttribute('href')) }
    })
    expect(beside.text).toContain('moved by the Constitution Working Group')
    expect(beside.text).toContain('carried by the Constitution Working Group on 25 April 2017')
    expect(beside.links).toEqual(expect.arrayContaining(['motion/cwg-2017-04-25.html', 'version/cwg-2017-04-25.html', 'clause/c7-2.html']))
    expect(beside.links.some((href) => /^log\.html#record-\d+$/.test(href ?? ''))).toBe(true)
  }, 60_000)

  it('search finds words that only an old version has, and shows which versions had them', async () => {
    const phrase = 'calling or attending'
    const text = (label: string): string => readFileSync(join(repoRoot, 'history', 'uttlesford', `${label}.md`), 'utf8')
    expect(text('council-2017-04-04')).toContain(phrase)
    expect(text('cwg-2017-04-25')).not.toContain(phrase)
    logged.errors.length = 0
    await page.goto(url('search.html'))
    await page.fill('#q', 'Calling  or ATTENDING')
    await page.click('button[type=submit]')
    const results = await page.evaluate(() =>
      [...document.querySelectorAll('#results li')].map((item) => ({
        text: item.textContent ?? '',
        mark: item.querySelector('mark')?.textContent ?? '',
        versions: [...item.querySelectorAll('.where a')].map((link) => link.textContent)
      }))
    )
    expect(results.length).toBeGreaterThan(0)
    for (const result of results) {
      expect(result.mark.toLowerCase()).toBe(phrase)
      expect(result.versions).not.toContain('cwg-2017-04-25')
    }
    expect(results.flatMap((result) => result.versions)).toContain('council-2017-04-04')
    expect(await page.textContent('#status')).toMatch(/^\d+ clauses? (?:has|have) these words\.$/)
    // The result opens the version as it stood, at the clause.
    await page.click('#results li a')
    expect(page.url()).toMatch(/\/uttlesford\/version\/[a-z0-9-]+\.html#[a-z0-9-]+$/)
    expect(await page.evaluate(() => document.querySelector(':target')?.textContent ?? '')).toContain('calling or attending')
    // Words in no version: said so.
    await page.goto(url('search.html?q=quixotic%20xylophone'))
    expect(await page.textContent('#status')).toBe('No clause has these words.')
    expect(logged.errors).toEqual([])
  }, 60_000)

  it('has no serious or critical accessibility violations (axe-core), and prints without its navigation', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
    const problems: string[] = []
    for (const path of [
      'index.html',
      // The results page, with a few results (the page of many is the same markup, and axe takes longer the more nodes).
      'search.html?q=calling%20or%20attending',
      'uttlesford/index.html',
      'uttlesford/version/council-2017-04-04.html',
      'uttlesford/changes/cwg-2017-04-25.html',
      'uttlesford/clause/c3-7.html',
      'uttlesford/log.html',
      'uttlesford/pending.html',
      'uttlesford/motion/cwg-2017-04-25.html',
      'section-21/index.html'
    ]) {
      await page.goto(url(path))
      await page.addScriptTag({ content: axe })
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(context: Document, options: { resultTypes: string[] }): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> }> } }).axe.run(document, { resultTypes: ['violations'] })
        return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact ?? '', where: JSON.stringify(violation.nodes[0]?.target) }))
      })
      for (const violation of violations) if (violation.impact === 'serious' || violation.impact === 'critical') problems.push(`${path}: ${violation.id} (${violation.impact}) at ${violation.where}`)
    }
    expect(problems).toEqual([])
    await page.goto(url('uttlesford/index.html'))
    await page.emulateMedia({ media: 'print' })
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('header.site') as Element).display)).toBe('none')
    await page.emulateMedia({ media: null })
  }, 120_000)
})
