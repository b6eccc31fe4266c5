import type { ElementContent } from 'hast'
import { htmlPage } from './html-page.js'
import { h, lines, newline } from './html-write.js'

/**
 * A protocol's text as one print-ready HTML page: its title, the body (hast),
 * and a footer naming what it is; `style` is the page's CSS.
 * The consolidated text and the line-numbered print share it.
 */
export function printPage(page: { title: string; style: string; body: ElementContent[]; footer: string }): string {
  return htmlPage({
    title: page.title,
    style: `\n${page.style.trim()}\n`,
    body: lines([h('h1', {}, page.title), h('main', {}, [newline(), ...page.body, newline()]), h('footer', {}, page.footer)])
  })
}
