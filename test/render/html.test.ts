/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildChangeSet, type ChangeSet } from '../../src/core/diff/change-set.js'
import { readDiffDocument } from '../../src/core/diff/diff-document.js'
import { renderHtmlDiff } from '../../src/core/render/render-html-diff.js'
import { repoRoot, uttlesfordBeforeCwg } from '../helpers/run-cli.js'
import { applied } from '../motion/helpers.js'

function compare(before: string, after: string, labels = { before: 'a.md', after: 'b.md' }): ChangeSet {
  return buildChangeSet(readDiffDocument(before), readDiffDocument(after), labels)
}

const uttlesford = await uttlesfordBeforeCwg()
const afterCwg = applied(uttlesford, readFileSync(join(repoRoot, 'amendments', 'uttlesford', 'cwg-2017-04-25.md'), 'utf8'))

const HOSTILE = `---
title: <script>alert("title")</script> & Co
slug: hostile
---

## <a id="s1"></a>1. Rules <img src=x onerror=alert(1)>

<a id="c1-1"></a>1.1 Members <b onclick="alert(2)">shall</b> attend & vote; see [here](javascript:alert(3)).

<a id="c1-2"></a>1.2 Officers <script>alert(4)</script> advise.
`

describe('HTML', () => {
  it('escapes every text from protocols, file names and motions: raw HTML shows as text', () => {
    const after = HOSTILE.replace('attend & vote', 'attend & <i>not</i> vote').replace('advise.', 'advise <iframe src=x>.')
    const changeSet = compare(HOSTILE, after, { before: '<b>old</b>.md', after: '"new".md' })
    const clause = changeSet.clauses.find((item) => item.id === 'c1-1')
    clause?.attribution.push({ motion: 'm<1>', mover: 'Cllr "Bobby" <Tables>', body: 'Council & Co', date: '2017-05-16', outcome: 'carried' })
    const html = renderHtmlDiff(changeSet)
    // No tag from the texts, and no `on…=` or `javascript:` inside any tag: `<` in a text is `&lt;`, `"` in an attribute `&quot;`.
    expect(html).not.toMatch(/<(?:script|img|iframe|b|i)[\s>]|<[a-z][^<>]*\son\w+=|href="javascript/i)
    expect(html).toContain('&lt;script>alert("title")&lt;/script> &amp; Co')
    expect(html).toContain('&lt;b>old&lt;/b>.md')
    expect(html).toContain('&lt;img src=x onerror=alert(1)>')
    expect(html).toContain('attend &amp;<ins> &lt;i>not&lt;/i></ins> vote')
    expect(html).toContain('title="The amendment “m<1>”, moved by Cllr &quot;Bobby&quot; <Tables>, carried by Council &amp; Co on 16 May 2017."')
    expect(html).toContain('see here.')
  })

  it('one self-contained page: inline CSS, A4 print, no script, nothing fetched', () => {
    const html = renderHtmlDiff(compare(uttlesford, afterCwg))
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('@page { size: A4; margin: 2cm; }')
    expect(html).not.toMatch(/<script|<link|src=|url\(|@import/i)
    expect(html).toContain('<p>8 clauses changed, 2 clauses inserted, 1 clause renumbered.</p>')
    expect(html).toContain('<li><a href="#c3-7">3.9</a> renumbered from 3.7</li>')
    expect(html).toContain('<section class="clause changed" id="c3-7"><p><del>3.7</del><ins>3.9</ins> Members should approach')
    expect(html).toContain('including <del>calling or attending</del><ins>requesting</ins> meetings<ins> with officers</ins>, or offering')
  })

  it('shows a move as a move: a note where the clause was, and where it went; struck there and underlined here, so rejecting every change puts it back', () => {
    const rules = `---\ntitle: Rules\nslug: rules\n---\n\n<a id="a"></a>1.1 First.\n\n<a id="b"></a>1.2 Second.\n\n<a id="c"></a>1.3 Third.\n`
    const moved = `---\ntitle: Rules\nslug: rules\n---\n\n<a id="b"></a>1.1 Second.\n\n<a id="c"></a>1.2 Third.\n\n<a id="a"></a>1.3 First, amended.\n`
    const html = renderHtmlDiff(compare(rules, moved))
    expect(html).toContain('<section class="clause moved-away" id="a-was"><p class="note">1.1 was here: <a href="#a">moved</a>.</p><p><del>1.1</del> <del>First.</del></p></section>')
    expect(html).toContain('<section class="clause moved" id="a"><p class="note">Moved <a href="#a-was">from 1.1</a>.</p><p><ins>1.3</ins> <ins>First, amended.</ins></p></section>')
  })
})

// A real browser reads the Uttlesford appendix: what a reader sees struck and underlined, and no script run.
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path))
if (!chromium) console.log('skipped: the browser test of the HTML page needs Debian chromium (/usr/bin/chromium); .ci/run installs it')

describe.skipIf(!chromium)('HTML in a headless Chromium', () => {
  let browser: import('playwright-core').Browser | undefined
  beforeAll(async () => {
    const { chromium: launcher } = await import('playwright-core')
    browser = await launcher.launch({
      executablePath: chromium ?? '',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it('a reader sees the struck and underlined words of Appendix B, and no script runs', async () => {
    const page = await browser!.newPage()
    const requests: string[] = []
    page.on('request', (request) => {
      if (!request.url().startsWith('data:') && request.url() !== 'about:blank') requests.push(request.url())
    })
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.setContent(renderHtmlDiff(compare(uttlesford, afterCwg)))
    const seen = await page.evaluate(() => {
      const style = (selector: string): Array<{ text: string; line: string }> =>
        [...document.querySelectorAll(selector)].map((node) => ({ text: node.textContent ?? '', line: getComputedStyle(node).textDecorationLine }))
      return { struck: style('main del'), underlined: style('main ins'), scripts: document.scripts.length }
    })
    expect(seen.struck.every((item) => item.line.includes('line-through'))).toBe(true)
    expect(seen.underlined.every((item) => item.line.includes('underline'))).toBe(true)
    expect(seen.struck.map((item) => item.text)).toEqual(expect.arrayContaining(['calling or attending', 'in the furtherance of', 'instance', '3.7', 'if', 'are', '[Constitution Working Group]']))
    expect(seen.underlined.map((item) => item.text)).toEqual(expect.arrayContaining(['requesting', ' with officers', 'concerning', 'example', '3.9', 'by', 'when', 'Governance, Audit and Performance Committee']))
    expect(seen.scripts).toBe(0)
    // The hostile protocol's script and handlers stay text.
    await page.setContent(renderHtmlDiff(compare(HOSTILE, HOSTILE.replace('advise.', 'advise <img src=x onerror=alert(5)>.'))))
    expect(await page.evaluate(() => document.querySelectorAll('script, img, iframe, [onclick], [onerror]').length)).toBe(0)
    expect(await page.evaluate(() => document.body.innerText)).toContain('<script>alert(4)</script>')
    expect(dialogs).toEqual([])
    expect(requests).toEqual([])
    await page.close()
  }, 60_000)
})
