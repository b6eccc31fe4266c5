import { numberKey } from '../protocol/clause-number.js'
import { clauseWithDescendants } from '../protocol/clause-extent.js'
import { LINK_PATTERN } from '../protocol/cross-references.js'
import { firstNumber, nextNumber, rebaseNumber } from '../protocol/next-number.js'
import type { Clause, Protocol } from '../protocol/types.js'
import { numberOffset } from './visible-text.js'

/**
 * After clauses were inserted, left out or moved: renumber the clauses that
 * follow each change at the same level (3.7 becomes 3.9 after two
 * insertions), give new clauses without a number the next one, carry a
 * section's new number into the numbers under it (3.1 → 4.1), and update the
 * cross-references that showed an old number.
 *
 * @param protocol the text after the structural changes
 * @param from IDs of the clauses where renumbering starts (each change's first clause)
 * @param fixed IDs of new clauses whose number the motion gave (kept as given)
 * @param unnumbered IDs of new clauses that came without a number (given one when their neighbours are numbered)
 * @returns the new sources by clause ID, and the number changes made
 */
export function renumber(
  protocol: Protocol,
  from: ReadonlySet<string>,
  fixed: ReadonlySet<string>,
  unnumbered: ReadonlySet<string>
): { sources: Map<string, string>; numbers: Map<string, { from: string; to: string }> } {
  const numbers = new Map<string, string>()
  const current = (clause: Clause): string => numbers.get(clause.id) ?? clause.number
  for (const clause of protocol.all) {
    if (!from.has(clause.id)) continue
    const group = clause.parent ? clause.parent.children : protocol.clauses
    const previous: Partial<Record<Clause['kind'], string>> = {}
    const start = group.indexOf(clause)
    group.forEach((sibling, index) => {
      const before = index < start
      const number = current(sibling)
      if (before || fixed.has(sibling.id) || (number === '' && !unnumbered.has(sibling.id))) {
        if (number !== '') previous[sibling.kind] = number
        return
      }
      const last = previous[sibling.kind]
      const following = group.slice(index + 1).find((other) => other.kind === sibling.kind && current(other) !== '')
      const want = last
        ? nextNumber(last, number || last)
        : firstNumber(number || (unnumbered.has(sibling.id) && following ? current(following) : ''))
      if (want !== '' && want !== number) setNumber(sibling, want)
      if (want !== '' || number !== '') previous[sibling.kind] = want || number
    })
  }
  function setNumber(clause: Clause, to: string): void {
    const old = current(clause)
    numbers.set(clause.id, to)
    if (clause.kind !== 'heading' || old === '') return
    for (const inner of clauseWithDescendants(clause).slice(1)) {
      if (fixed.has(inner.id)) continue
      const rebased = rebaseNumber(current(inner), old, to)
      if (rebased !== current(inner)) numbers.set(inner.id, rebased)
    }
  }
  const changes = new Map<string, { from: string; to: string }>()
  for (const clause of protocol.all) {
    const to = numbers.get(clause.id)
    if (to !== undefined && to !== clause.number) changes.set(clause.id, { from: clause.number, to })
  }
  return { sources: rewriteSources(protocol, changes), numbers: changes }
}

function rewriteSources(protocol: Protocol, changes: Map<string, { from: string; to: string }>): Map<string, string> {
  const sources = new Map<string, string>()
  for (const clause of protocol.all) {
    let source = clause.source
    const change = changes.get(clause.id)
    if (change) {
      const at = numberOffset(source)
      const replaced = change.from === '' ? 0 : change.from.length
      source = `${source.slice(0, at)}${change.to}${change.from === '' ? ' ' : ''}${source.slice(at + replaced)}`
    }
    const relinked = source.replace(LINK_PATTERN, (link, text: string, id: string) => {
      const target = changes.get(id)
      if (!target || numberKey(text) !== numberKey(target.from)) return link
      // The link keeps its own way of writing the number: "see 4.8" stays without the heading's full stop ("4.8." → "4.7.").
      const bare = (number: string): string => number.replace(/[.:]$/, '')
      const written = text.startsWith(bare(target.from)) ? bare(target.to) + text.slice(bare(target.from).length) : target.to
      return `[${written}](#${id})`
    })
    if (relinked !== clause.source) sources.set(clause.id, relinked)
  }
  return sources
}
