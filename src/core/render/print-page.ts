import { escapeHtml } from './markdown-to-html.js'

/**
 * A protocol's text as one print-ready HTML page: its title, the body (HTML,
 * already escaped), and a footer naming what it is; `style` is the page's CSS.
 * The consolidated text and the line-numbered print share it.
 */
export function printPage(page: { title: string; style: string; body: string; footer: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(page.title)}</title>
<style>
${page.style.trim()}
</style>
</head>
<body>
<h1>${escapeHtml(page.title)}</h1>
<main>
${page.body}
</main>
<footer>${escapeHtml(page.footer)}</footer>
</body>
</html>
`
}
