import type { Element } from 'hast'
import type { Marshal } from '../marshal/types.js'
import { htmlPage } from './html-page.js'
import { h, lines, newline, text } from './html-write.js'
import { conflictsOf, independent, label, type MarshalHeading, matrixWords, movedBy, stepLine, SUBSTANTIVE } from './render-marshal.js'

/** The marshalled list as one print-ready A4 page: the list, the conflicts as a matrix, the order of voting. Every text escaped. */
export function renderMarshalHtml(heading: MarshalHeading, marshal: Marshal): string {
  const items = marshal.motions.map((motion) => {
    const sentences = [
      ...motion.effect.map((sentence) => h('p', { className: ['effect'] }, sentence)),
      ...motion.problems.map((problem) => h('p', { className: ['problem'] }, [h('strong', {}, 'Cannot be moved as it stands:'), ` ${problem}`])),
      ...conflictsOf(marshal, motion).flatMap((conflict) => conflict.sentences.map((sentence) => h('p', { className: ['conflict'] }, sentence))),
      ...(motion.problems.length === 0 && independent(marshal, motion) ? [h('p', { className: ['conflict'] }, 'Independent of every other amendment.')] : [])
    ]
    const clauses = motion.clauses.length > 0 ? [h('p', { className: ['clauses'] }, `Touches ${motion.clauses.map((clause) => clause.name).join('; ')}.`), newline()] : []
    return h('section', { className: ['amendment', `depth-${motion.depth}`], id: `amendment-${motion.number}` }, [
      newline(),
      h('h2', {}, `${label(motion)}: ${motion.title}`),
      newline(),
      h('p', { className: ['who'] }, [h('code', {}, motion.id), `. ${movedBy(motion)}`]),
      newline(),
      ...clauses,
      ...lines(motion.instructions.map((instruction) => h('blockquote', {}, instruction))),
      newline(),
      ...lines(sentences),
      newline()
    ])
  })
  const numbers = marshal.motions.map((motion) => motion.number)
  const cell = (row: number, column: number): Element => {
    if (row === column) return h('td', { className: ['self'] }, '—')
    const conflict = marshal.conflicts.find((candidate) => (candidate.a === row && candidate.b === column) || (candidate.a === column && candidate.b === row))
    if (!conflict) return h('td')
    return h('td', { className: [conflict.relation], title: conflict.sentences.join(' ') }, matrixWords(marshal, row, column))
  }
  const matrix = h('table', { className: ['matrix'] }, [
    newline(),
    ...lines([
      h('caption', {}, "Each row's amendment against each column's: “pre-empts” means carrying the row's amendment stops the column's."),
      h('tr', {}, [h('th'), ...numbers.map((number) => h('th', { scope: 'col' }, String(number)))]),
      ...(numbers.length > 0 ? numbers.map((row) => h('tr', {}, [h('th', { scope: 'row' }, String(row)), ...numbers.map((column) => cell(row, column))])) : [text('')])
    ]),
    newline()
  ])
  const voting = h('ol', { className: ['voting'] }, [newline(), ...lines(marshal.voting.map((step, index) => h('li', {}, stepLine(marshal, step, index).replace(/^\d+\. /, '')))), newline()])
  const title = `Marshalled list: ${heading.protocol}`
  const count = `${marshal.motions.length} amendment${marshal.motions.length === 1 ? '' : 's'} to ${heading.base}, in the order of the text.`
  return htmlPage({
    title,
    style: MARSHAL_STYLE,
    body: lines([h('h1', {}, title), h('p', {}, count), ...(items.length > 0 ? items : [text('')]), h('h2', {}, 'Conflicts'), matrix, h('h2', {}, 'Order of voting'), h('p', {}, marshal.rule), voting, h('p', {}, SUBSTANTIVE)])
  })
}

const MARSHAL_STYLE = `
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin: 1.2em 0 0.3em; }
.amendment { break-inside: avoid; border-top: 1px solid #bbb; }
.depth-1 { margin-left: 2em; } .depth-2 { margin-left: 4em; } .depth-3 { margin-left: 6em; }
blockquote { margin: 0.4em 0 0.4em 1.5em; font-style: italic; white-space: pre-wrap; }
.problem { color: #a00; }
table.matrix { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
.matrix th, .matrix td { border: 1px solid #999; padding: 0.2em 0.4em; text-align: center; }
.matrix td.pre-empts { font-weight: bold; } .matrix td.self { color: #999; }
caption { caption-side: bottom; text-align: left; font-size: 0.85em; padding-top: 0.3em; }
@page { size: A4; margin: 2cm; }
@media print { body { margin: 0; max-width: none; } }
`
