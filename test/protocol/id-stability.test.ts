import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { importText } from '../../src/core/import/import-text.js'
import { parseProtocol } from '../../src/core/protocol/parse-protocol.js'
import { protocolArbitrary } from './protocol-arbitrary.js'

const ids = (text: string): string[] => parseProtocol(text).all.map((clause) => clause.id)

describe('clause IDs are stable', () => {
  test.prop([protocolArbitrary, fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.constantFrom('3.9', '12.', '(v)', 'b.')])(
    'renumbering clauses changes their numbers and no ID',
    ({ text }, picks, newNumber) => {
      const protocol = parseProtocol(text)
      const numbered = protocol.all.filter((clause) => clause.number !== '')
      let renumbered = text
      // Replace numbers from the end of the file so earlier offsets stay valid.
      const chosen = [...new Set(picks.map((pick) => numbered[pick % Math.max(numbered.length, 1)]))]
        .filter((clause) => clause !== undefined)
        .sort((a, b) => b.position.start.offset! - a.position.start.offset!)
      for (const clause of chosen) {
        const at = clause.position.start.offset! + clause.source.indexOf(clause.number)
        renumbered = renumbered.slice(0, at) + newNumber + renumbered.slice(at + clause.number.length)
      }
      expect(ids(renumbered)).toEqual(ids(text))
      for (const clause of chosen) {
        expect(parseProtocol(renumbered).all.find((other) => other.id === clause.id)?.number).toBe(newNumber)
      }
    }
  )

  test.prop([protocolArbitrary, fc.nat(), fc.nat()])('moving a clause moves its ID with it and changes no other', ({ text }, from, to) => {
    const protocol = parseProtocol(text)
    const leaves = protocol.all.filter((clause) => clause.kind === 'paragraph')
    const moving = leaves[from % Math.max(leaves.length, 1)]
    fc.pre(moving !== undefined)
    const block = moving.source + moving.trailing
    const without = text.slice(0, moving.position.start.offset!) + text.slice(moving.position.start.offset! + block.length)
    const rest = parseProtocol(without).all
    const target = rest[to % rest.length]
    const at = target ? target.position.start.offset! : without.length
    const moved = without.slice(0, at) + (block.endsWith('\n\n') ? block : `${block.replace(/\n*$/, '')}\n\n`) + without.slice(at)
    expect([...ids(moved)].sort()).toEqual([...ids(text)].sort())
    expect(parseProtocol(moved).all.find((clause) => clause.id === moving.id)?.source).toBe(moving.source)
  })

  test.prop([protocolArbitrary, fc.nat()])('inserting a clause leaves every other ID and its order alone', ({ text }, where) => {
    const protocol = parseProtocol(text)
    const target = protocol.all[where % protocol.all.length]
    const at = target ? target.position.start.offset! : text.length
    const inserted = `${text.slice(0, at)}<a id="new-clause"></a>3.7 In their dealings with officers.\n\n${text.slice(at)}`
    expect(ids(inserted).filter((id) => id !== 'new-clause')).toEqual(ids(text))
  })

  test.prop([fc.array(fc.constantFrom('1.1 Members shall attend.', '1.2 Officers advise.', '2. Conduct', 'Nothing in this protocol prevents members.', '- an item', 'a. a sub-item'), { minLength: 1, maxLength: 20 })])(
    'import gives the same text the same IDs every time, none twice',
    (lines) => {
      const text = lines.join('\n\n')
      const first = importText(text, { slug: 'rules' })
      const second = importText(text, { slug: 'rules' })
      expect(second).toEqual(first)
      if ('markdown' in first) {
        const found = ids(first.markdown)
        expect(new Set(found).size).toBe(found.length)
      }
    }
  )
})
