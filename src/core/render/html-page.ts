import type { ElementContent, Properties } from 'hast'
import { h, newline, text, writeHtml } from './html-write.js'

/** What a page is: its title and language, its style (inline CSS or a style sheet's address), and its body. */
export interface HtmlPage {
  title: string
  /** The page's language (`lang`): English unless said. */
  lang?: string
  /** Whether the page says it fits a phone's width (`<meta name="viewport">`). */
  viewport?: boolean
  /** CSS put in the page's `<style>` as it is (so with the line breaks it should have around it). */
  style?: string
  /** The address of a style sheet, linked from the head. */
  stylesheet?: string
  /** The body's content, one node a line. */
  body: ElementContent[]
}

/**
 * A whole HTML page, as every keeling page has it: the doctype, `<html lang>`,
 * a head with the character set, the title and the style, then the body;
 * built as hast and written once, every text escaped.
 */
export function htmlPage(page: HtmlPage): string {
  const head: ElementContent[] = [h('meta', { charSet: 'utf-8' })]
  if (page.viewport) head.push(h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }))
  head.push(h('title', {}, page.title))
  if (page.style !== undefined) head.push(h('style', {}, [text(page.style)]))
  if (page.stylesheet !== undefined) head.push(h('link', { rel: ['stylesheet'], href: page.stylesheet }))
  const html: Properties = { lang: page.lang ?? 'en' }
  return writeHtml({
    type: 'root',
    children: [
      { type: 'doctype' },
      newline(),
      h('html', html, [newline(), h('head', {}, lines(head)), newline(), h('body', {}, [newline(), ...page.body, newline()]), newline()]),
      newline()
    ]
  })
}

function lines(nodes: ElementContent[]): ElementContent[] {
  return [newline(), ...nodes.flatMap((node) => [node, newline()])]
}
