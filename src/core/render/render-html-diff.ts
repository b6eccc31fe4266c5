import { type Attribution, type ChangeSet, type ClauseDiff, clauseWords, describeSummary, summarizeChanges } from '../diff/change-set.js'
import type { DiffUnit } from '../diff/diff-document.js'
import type { WordPart } from '../diff/diff-words.js'
import { MarkedHtml } from './html-markdown.js'
import type { Element, ElementContent } from 'hast'
import { htmlPage } from './html-page.js'
import { h, joinMarks, lines, newline, text, writeHtml } from './html-write.js'
import { MARK, SENTINEL_MARKS, unescapeMarkdown } from './markdown-tree.js'
import { longDate } from '../dates.js'
import { theName } from '../names.js'
import { markParts } from './render-markdown-diff.js'
import { continuationIndents, dedent } from './continuation.js'


/**
 * The change set as one self-contained HTML page: the new text in full with
 * `<del>` and `<ins>`, a summary of the changes at the top linking to each
 * changed clause, an anchor per clause, a moved clause shown where it now
 * stands with a note of where it was, and each change's motion on hover
 * and in a note. Inline CSS, A4 print layout, no script, no network.
 * Every text from the protocols and motions is escaped.
 */
export function renderHtmlDiff(changeSet: ChangeSet): string {
  const title = changeSet.after.title || changeSet.before.title || 'Changes'
  const { clauses, footnotes, anchors } = htmlClauseNodes(changeSet)
  const compared = h('p', { className: ['compared'] }, [
    'Changes from ',
    h('span', { className: ['label'] }, changeSet.before.label),
    ' to ',
    h('span', { className: ['label'] }, changeSet.after.label),
    '. ',
    ...marksSaid()
  ])
  const header = h('header', {}, [newline(), ...lines([h('h1', {}, title), compared, htmlSummaryNode(changeSet, anchors)]), newline()])
  const main = h('main', {}, [newline(), ...clauses, newline()])
  return htmlPage({ title: `${title}: changes`, viewport: true, style: DIFF_STYLE, body: lines([header, main, ...(footnotes ? [footnotes] : [text('')])]) })
}

/** What the marks mean, as the pages say it. */
export function marksSaid(): ElementContent[] {
  return [h('del', {}, 'Struck'), text(' words are left out; '), h('ins', {}, 'underlined'), text(' words are inserted.')]
}

/**
 * The summary of a change set as an HTML section (hast): how many clauses each kind
 * of change touched, and a list linking to each changed clause.
 *
 * @param anchors the clauses' anchors, as {@link htmlClauseNodes} gives them
 */
export function htmlSummaryNode(changeSet: ChangeSet, anchors: string[]): Element {
  const listed = changeSet.clauses
    .map((clause, index) => ({ clause, anchor: anchors[index] ?? '' }))
    .filter(({ clause }) => clause.type !== 'unchanged' && clause.type !== 'moved-away')
    .map(({ clause, anchor }) => h('li', {}, [h('a', { href: `#${anchor}` }, clauseName(clause)), text(` ${describeChange(clause)}`)]))
  const summary = `${describeSummary(summarizeChanges(changeSet))}.`
  return h('section', { className: ['summary'], ariaLabel: 'Summary of changes' }, [
    newline(),
    ...lines([h('h2', {}, 'Summary of changes'), h('p', {}, summary), listed.length > 0 ? h('ol', {}, [newline(), ...lines(listed), newline()]) : text('')]),
    newline()
  ])
}

/** How clauses are rendered into a page that holds more than them (the site). */
export interface HtmlClauseOptions {
  /** Put before every id and in-page link, so that several renderings can share one page. */
  prefix?: string
  /** Nodes put first inside each clause's section (a note beside it), given the clause and its anchor. */
  aside?: (clause: ClauseDiff, anchor: string) => ElementContent[]
}

/**
 * The clauses of a change set as HTML sections (`<del>`, `<ins>`, an anchor
 * each, moves noted), and the notes saying who made each change.
 */
export function renderHtmlClauses(changeSet: ChangeSet, options: HtmlClauseOptions = {}): { clauses: string; footnotes: string; anchors: string[] } {
  const { clauses, footnotes, anchors } = htmlClauseNodes(changeSet, options)
  return { clauses: writeHtml(clauses), footnotes: footnotes ? writeHtml([footnotes]) : '', anchors }
}

/** The clauses of a change set as hast (one section a line), the notes saying who made each change (or none), and the anchors. */
export function htmlClauseNodes(changeSet: ChangeSet, options: HtmlClauseOptions = {}): { clauses: ElementContent[]; footnotes: Element | null; anchors: string[] } {
  const prefix = options.prefix ?? ''
  const anchors = clauseAnchors(changeSet).map((anchor) => prefix + anchor)
  const notes = new Notes(prefix)
  const indents = continuationIndents(changeSet)
  const aside = options.aside
  const clauses = lines(
    changeSet.clauses.map((clause, index) => {
      const anchor = anchors[index] ?? ''
      return renderClause(clause, anchor, anchors, changeSet, notes, indents[index] ?? 0, aside ? aside(clause, anchor) : []) ?? text('')
    })
  )
  const footnotes = notes.size > 0 ? h('section', { className: ['notes'] }, [h('h2', {}, 'Who made the changes'), h('ol', {}, notes.nodes())]) : null
  return { clauses, footnotes, anchors }
}

/** The notes saying who made the changes: one per motion (or motions together), however many clauses it changed. */
class Notes {
  private readonly byKey = new Map<string, { number: number; attribution: Attribution[] }>()

  constructor(readonly prefix: string) {}

  get size(): number {
    return this.byKey.size
  }

  /** The note's number for a clause's motions: a new note the first time they are met. */
  numberFor(attribution: Attribution[]): number {
    const key = attribution.map((item) => item.motion).join('\u0000')
    const known = this.byKey.get(key)
    if (known) return known.number
    const number = this.byKey.size + 1
    this.byKey.set(key, { number, attribution })
    return number
  }

  nodes(): Element[] {
    return [...this.byKey.values()].map(({ number, attribution }) => h('li', { id: `${this.prefix}note-${number}` }, describeAttribution(attribution)))
  }
}

function renderClause(clause: ClauseDiff, anchor: string, anchors: string[], changeSet: ChangeSet, notes: Notes, indent: number, aside: ElementContent[]): Element | null {
  const html = new MarkedHtml()
  const unit = clause.after ?? clause.before
  if (!unit) return null
  if (clause.type === 'moved-away') {
    // Struck where it stood, as the Markdown and Word appendices have it, so that rejecting every change puts it back.
    const target = changeSet.clauses.findIndex((other) => other.type === 'moved' && other.before === clause.before)
    const note = h('p', { className: ['note'] }, [`${clauseName(clause)} was here: `, h('a', { href: `#${anchors[target] ?? anchor}` }, 'moved'), '.'])
    return h('section', { className: ['clause', 'moved-away'], id: anchor }, [...aside, note, ...clauseContent(clause, [], html, indent)])
  }
  const note = clause.attribution.length > 0 ? notes.numberFor(clause.attribution) : 0
  const title = note ? { title: describeAttribution(clause.attribution) } : {}
  const reference = note ? [h('sup', { className: ['ref'] }, [h('a', { href: `#${notes.prefix}note-${note}` }, String(note))])] : []
  // Runs split only by Markdown's own nodes read as one mark.
  const content = joinMarks(clauseContent(clause, reference, html, indent))
  const moved = clause.type === 'moved' ? [movedNote(clause, changeSet, anchors)] : []
  return h('section', { className: ['clause', clause.type], id: anchor, ...title }, [...aside, ...moved, ...content])
}

/**
 * A clause's number and words with their marks, as a heading or paragraphs; `reference` after its first line.
 * A block going on with a list item or note before it (`indent`) is read without that indentation, not as code.
 */
function clauseContent(clause: ClauseDiff, reference: ElementContent[], html: MarkedHtml, indent: number): ElementContent[] {
  const unit = clause.type === 'moved-away' ? clause.before : (clause.after ?? clause.before)
  if (!unit) return []
  const number = html.textNodes(numberText(clause))
  const body = dedent(markParts(bodyParts(clause), SENTINEL_MARKS, { spaceInside: true, breaks: { deleted: MARK.delBreak, inserted: MARK.insBreak } }), indent)
  if (unit.kind === 'heading') {
    const level = Math.min(6, Math.max(2, /^#+/.exec(unit.head)?.[0].length ?? 2))
    const words = html.inlineNodes(body)
    return [h(`h${level}`, {}, [...(number.length > 0 ? [...number, text(' ')] : []), ...words, ...reference])]
  }
  const blocks = html.blockNodes(body)
  const first = blocks[0]
  let content: ElementContent[]
  if (number.length === 0) content = blocks
  else if (first?.type === 'element' && first.tagName === 'p') content = [h('p', {}, [...number, text(' '), ...first.children]), ...blocks.slice(1)]
  else content = [h('p', {}, number), newline(), ...blocks]
  if (reference.length > 0) {
    const paragraph = firstParagraph(content)
    paragraph?.children.push(...reference)
  }
  return content
}

/** The first paragraph at any depth, in the order the page reads. */
function firstParagraph(nodes: ElementContent[]): Element | undefined {
  for (const node of nodes) {
    if (node.type !== 'element') continue
    if (node.tagName === 'p') return node
    const inner = firstParagraph(node.children)
    if (inner) return inner
  }
  return undefined
}

/** The number with its marks: ~~3.7~~ 3.9 when renumbered, whole when the clause came or went. */
function numberText(clause: ClauseDiff): string {
  const before = unescapeMarkdown(clause.before?.number ?? '')
  const after = unescapeMarkdown(clause.after?.number ?? '')
  switch (clause.type) {
    case 'inserted':
    case 'moved':
      return after ? MARK.insOpen + after + MARK.insClose : ''
    case 'deleted':
    case 'moved-away':
      return before ? MARK.delOpen + before + MARK.delClose : ''
    default:
      if (before === after) return after
      return (before ? MARK.delOpen + before + MARK.delClose : '') + (after ? MARK.insOpen + after + MARK.insClose : '')
  }
}

function bodyParts(clause: ClauseDiff): WordPart[] {
  // A moved clause is underlined where it now stands and struck where it stood.
  if (clause.type === 'inserted' || clause.type === 'moved') return [{ type: 'inserted', text: clause.after?.body ?? '' }]
  if (clause.type === 'deleted' || clause.type === 'moved-away') return [{ type: 'deleted', text: clause.before?.body ?? '' }]
  return clauseWords(clause)
}

function movedNote(clause: ClauseDiff, changeSet: ChangeSet, anchors: string[]): Element {
  const away = changeSet.clauses.findIndex((other) => other.type === 'moved-away' && other.before === clause.before)
  const from = clause.before?.number ? `from ${clause.before.number}` : 'from its old place'
  return h('p', { className: ['note'] }, ['Moved ', h('a', { href: `#${anchors[away] ?? ''}` }, from), '.'])
}

/** An anchor per clause: its clause ID, else its number, else its place; never repeated. */
function clauseAnchors(changeSet: ChangeSet): string[] {
  const used = new Set<string>()
  // The next suffix to try for each name: a statute numbers thousands of paragraphs "(1)", and trying -2, -3 …
  // from the start for each would be quadratic.
  const next = new Map<string, number>()
  return changeSet.clauses.map((clause, index) => {
    const unit: DiffUnit | null = clause.after ?? clause.before
    const name = clause.id || (unit?.number ? `n${unit.number.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}` : `clause-${index + 1}`)
    const base = clause.type === 'moved-away' ? `${name}-was` : name
    let anchor = base
    let n = next.get(base) ?? 2
    for (; used.has(anchor); n++) anchor = `${base}-${n}`
    next.set(base, n)
    used.add(anchor)
    return anchor
  })
}

function clauseName(clause: ClauseDiff): string {
  const unit = clause.after ?? clause.before
  if (!unit) return ''
  if (unit.number) return unit.number
  const words = (unit.body.split('\n')[0] ?? '').trim()
  return `“${words.length > 40 ? `${words.slice(0, 40)}…` : words}”`
}

function describeChange(clause: ClauseDiff): string {
  const renumbered = clause.renumbered ? `, renumbered from ${clause.before?.number || 'none'}` : ''
  switch (clause.type) {
    case 'inserted':
      return 'inserted'
    case 'deleted':
      return 'left out'
    case 'moved':
      return `moved${renumbered}`
    default:
      return clauseWords(clause).some((part) => part.type !== 'same') ? `changed${renumbered}` : `renumbered from ${clause.before?.number || 'none'}`
  }
}

/** "cwg-2017-04-25: moved by Cllr X, seconded by Cllr Y; carried, Council, 2017-05-16". */
export function describeAttribution(attribution: Attribution[]): string {
  return attribution.map(describeMotion).join(' ')
}

/**
 * One motion said in words, as a report says it: "The amendment “Local members”, moved by Cllr Patel and
 * seconded by Cllr Shah, carried by Anytown Town Council on 12 March 2025 (for 9, against 2)."
 */
function describeMotion(item: Attribution): string {
  const who = [item.mover ? `moved by ${theName(item.mover)}` : '', item.seconder ? `seconded by ${theName(item.seconder)}` : ''].filter(Boolean).join(' and ')
  const verb = item.outcome === 'carried' || item.outcome === undefined ? 'carried' : item.outcome
  const decided = item.body || item.date ? `${verb}${item.body ? ` by ${theName(item.body)}` : ''}${item.date ? ` on ${longDate(item.date)}` : ''}${item.votes ? ` (${item.votes})` : ''}` : ''
  const said = [`The amendment “${item.title || item.motion}”`, who, decided].filter(Boolean).join(', ')
  return `${said}.`
}

/** The page's style: A4 print, struck red and underlined green on screen, black in print. */
export const DIFF_STYLE = `
:root { color-scheme: light; }
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.5em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; } h3 { font-size: 1.1em; } h4, h5, h6 { font-size: 1em; }
.compared { color: #444; }
.summary { border: 1px solid #ccc; padding: 0.5em 1em; margin: 1em 0 2em; background: #fafafa; }
.summary h2 { margin-top: 0.3em; }
del { text-decoration: line-through; color: #a00; }
ins { text-decoration: underline; color: #060; }
del + ins { margin-left: 0.25em; }
.clause { scroll-margin-top: 1em; }
.clause:target { background: #fff8d0; }
.note { font-style: italic; color: #555; font-size: 0.9em; }
.moved-away .note { margin: 0.3em 0; }
sup.ref a { text-decoration: none; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #999; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
@page { size: A4; margin: 2cm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  .summary { break-inside: avoid; }
  del { color: #000; } ins { color: #000; }
  a { color: inherit; text-decoration: none; }
}
`
