import { describe, expect, it } from 'vitest'
import { MarkedHtml } from '../../src/core/render/html-markdown.js'
import { htmlPage } from '../../src/core/render/html-page.js'
import { h } from '../../src/core/render/html-write.js'
import { MARK } from '../../src/core/render/markdown-tree.js'

const del = (text: string): string => MARK.delOpen + text + MARK.delClose
const ins = (text: string): string => MARK.insOpen + text + MARK.insClose

describe('the page shell', () => {
  it('writes the doctype, the language, the head and the body, one element a line, the title escaped and the style as it is', () => {
    const page = htmlPage({ title: 'Rules </title><script>alert(1)</script> & more', viewport: true, style: '\nb > i { color: red; }\n', body: [h('p', {}, 'Members & "officers" <all>')] })
    expect(page).toBe(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rules &lt;/title>&lt;script>alert(1)&lt;/script> &amp; more</title>
<style>
b > i { color: red; }
</style>
</head>
<body>
<p>Members &amp; "officers" &lt;all></p>
</body>
</html>
`)
  })

  it('links a style sheet and names another language when asked', () => {
    const page = htmlPage({ title: 'Satzung', lang: 'de', stylesheet: '../_assets/site.css?a="b"', body: [] })
    expect(page).toContain('<html lang="de">')
    expect(page).toContain('<link rel="stylesheet" href="../_assets/site.css?a=&quot;b&quot;">')
    expect(page).not.toContain('<style>')
  })
})

describe('Markdown with change marks, through hast', () => {
  it('a struck run split by emphasis is struck inside each piece of text it covers', () => {
    expect(new MarkedHtml().blocks(`Members ${del('may *not* attend')} vote.`)).toBe('<p>Members <del>may </del><em><del>not</del></em><del> attend</del> vote.</p>')
  })

  it('a run goes on from the clause number into its words, and from one block to the next', () => {
    const html = new MarkedHtml()
    expect(html.text(`${MARK.insOpen}3.9`)).toBe('<ins>3.9</ins>')
    expect(html.blocks(`new words${MARK.insClose} and old\n\n${del('gone')}`)).toBe('<p><ins>new words</ins> and old</p>\n<p><del>gone</del></p>')
  })

  it('raw HTML shows as text, a javascript: link as its words, an image as its description', () => {
    expect(new MarkedHtml().blocks('1.1 Members <b onclick="alert(2)">shall</b> [attend](javascript:alert(3)) ![a seal](x.png) [the site](https://example.org/?a&b).')).toBe(
      '<p>1.1 Members &lt;b onclick="alert(2)">shall&lt;/b> attend a seal <a href="https://example.org/?a&amp;b">the site</a>.</p>'
    )
  })

  it('lists, quotes, tables, code and hard breaks as they read', () => {
    const markdown = `3. first\n4. ${ins('second')}\n\n> quoted\n>\n> again\n\n| a | b |\n| --- | --- |\n| 1 | ~~2~~ |\n\n\`<x>\` and  \nnext`
    expect(new MarkedHtml().blocks(markdown)).toBe(
      '<ol start="3"><li>first</li><li><ins>second</ins></li></ol>\n<blockquote><p>quoted</p>\n<p>again</p></blockquote>\n<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td><s>2</s></td></tr></tbody></table>\n<p><code>&lt;x></code> and<br>next</p>'
    )
  })
})
