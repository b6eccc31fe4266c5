import { placeAt } from '../text-lines.js'
import type { ImportFailure } from './types.js'

/** A CriticMarkup document read both ways, with its comments. */
export interface CriticTexts {
  /** Every change rejected: deletions kept, insertions dropped. */
  before: string
  /** Every change accepted. */
  after: string
  /** The comments (`{>>…<<}`), with the line they are on. */
  comments: Array<{ line: number; text: string }>
  /** How many changes the document marks. */
  changes: number
}

const OPENERS = ['{++', '{--', '{~~', '{==', '{>>'] as const
const CLOSERS: Record<(typeof OPENERS)[number], string> = { '{++': '++}', '{--': '--}', '{~~': '~~}', '{==': '==}', '{>>': '<<}' }

/** Whether a text carries CriticMarkup (http://criticmarkup.com): an addition, deletion or substitution. */
export function hasCritic(text: string): boolean {
  return /\{\+\+[\s\S]*?\+\+\}|\{--[\s\S]*?--\}|\{~~[\s\S]*?~>[\s\S]*?~~\}/.test(text)
}

/**
 * Read CriticMarkup exactly: `{++added++}`, `{--deleted--}`,
 * `{~~old~>new~~}`, `{==highlighted==}` (kept, unmarked) and
 * `{>>comment<<}` (dropped from both texts, kept as a comment). A mark
 * opened and never closed, or a substitution without `~>`, is an error at
 * its line and column.
 */
export function readCritic(text: string): CriticTexts | { failure: ImportFailure & { column: number } } {
  let before = ''
  let after = ''
  let changes = 0
  const comments: CriticTexts['comments'] = []
  let at = 0
  const place = (offset: number): { line: number; column: number } => placeAt(text, offset)
  while (at < text.length) {
    const next = text.indexOf('{', at)
    const opener = next === -1 ? undefined : OPENERS.find((mark) => text.startsWith(mark, next))
    if (next === -1) {
      before += text.slice(at)
      after += text.slice(at)
      break
    }
    if (!opener) {
      before += text.slice(at, next + 1)
      after += text.slice(at, next + 1)
      at = next + 1
      continue
    }
    before += text.slice(at, next)
    after += text.slice(at, next)
    const close = text.indexOf(CLOSERS[opener], next + 3)
    if (close === -1) {
      const { line, column } = place(next)
      return { failure: { reason: `${opener} opened here is never closed with ${CLOSERS[opener]}; close the mark where its words end`, code: 'unclosed-mark', line, column } }
    }
    const inside = text.slice(next + 3, close)
    // A mark left open runs into the next one: say so where it opens, not where the texts later part.
    const nested = OPENERS.map((mark) => inside.indexOf(mark)).filter((at) => at !== -1)
    if (nested.length > 0) {
      const { line, column } = place(next)
      const other = place(next + 3 + Math.min(...nested))
      return { failure: { reason: `${opener} opened here is not closed with ${CLOSERS[opener]} before the next mark (line ${other.line}, column ${other.column}); close the mark where its words end`, code: 'unclosed-mark', line, column } }
    }
    switch (opener) {
      case '{++':
        after += inside
        changes++
        break
      case '{--':
        before += inside
        changes++
        break
      case '{~~': {
        const arrow = inside.indexOf('~>')
        if (arrow === -1) {
          const { line, column } = place(next)
          return { failure: { reason: 'a substitution {~~…~~} needs ~> between the old words and the new: {~~old~>new~~}', code: 'bad-substitution', line, column } }
        }
        before += inside.slice(0, arrow)
        after += inside.slice(arrow + 2)
        changes++
        break
      }
      case '{==':
        before += inside
        after += inside
        break
      case '{>>':
        comments.push({ line: place(next).line, text: inside.trim() })
        break
    }
    at = close + 3
  }
  return { before, after, comments, changes }
}
