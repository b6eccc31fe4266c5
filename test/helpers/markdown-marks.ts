import { buildChangeSet } from '../../src/core/diff/change-set.js'
import { readDiffDocument } from '../../src/core/diff/diff-document.js'
import { renderMarkdownDiff } from '../../src/core/render/render-markdown-diff.js'

/**
 * The Markdown appendix with every change accepted (or rejected), spacing
 * as a reader sees it; a list item or heading whose words are all struck
 * goes with them.
 */
export function resolveMarks(markdown: string, side: 'accept' | 'reject'): string {
  const [gone, kept] = side === 'accept' ? [/~~[\s\S]*?~~/g, /<u>([\s\S]*?)<\/u>/g] : [/<u>[\s\S]*?<\/u>/g, /~~([\s\S]*?)~~/g]
  const text = markdown
    .split('\n')
    .map((line) => {
      const left = line.replace(gone, '')
      return left !== line && /^\s*(?:[-*+]|#{1,6})?\s*$/.test(left) ? null : left.replace(kept, '$1')
    })
    .filter((line) => line !== null)
    .join('\n')
  return asRead(unescapeOwnMarks(text))
}

/** The text's own `~~` and `<u>`, which the appendix escapes (`\~\~`, `&lt;u>`), as written. */
function unescapeOwnMarks(text: string): string {
  return text.replace(/\\~/g, '~').replace(/&lt;(\/?u>)/gi, '<$1')
}

export function asRead(text: string): string {
  return text.replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n').replace(/^ /gm, '').replace(/^\n+/, '').replace(/\n+$/, '\n')
}

/** A text's own appendix with nothing changed: what accepting every change must give. */
export function plain(text: string): string {
  return asRead(renderMarkdownDiff(buildChangeSet(readDiffDocument(text), readDiffDocument(text), { before: '', after: '' })))
}
