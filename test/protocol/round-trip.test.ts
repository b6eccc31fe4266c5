import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { parseProtocol } from '../../src/core/protocol/parse-protocol.js'
import { writeProtocol } from '../../src/core/protocol/write-protocol.js'
import { repoRoot } from '../helpers/run-cli.js'
import { protocolArbitrary } from './protocol-arbitrary.js'

describe('parse → write', () => {
  const dir = join(repoRoot, 'protocols')
  for (const name of readdirSync(dir)) {
    it(`gives back ${name} byte for byte`, () => {
      const text = readFileSync(join(dir, name), 'utf8')
      expect(writeProtocol(parseProtocol(text))).toBe(text)
    })
  }

  test.prop([protocolArbitrary])('gives back any protocol keeling writes, escapes and all', ({ text }) => {
    expect(writeProtocol(parseProtocol(text))).toBe(text)
  })

  test.prop([fc.string({ unit: 'binary' })])('gives back any text at all, even one that is not a protocol', (text) => {
    expect(writeProtocol(parseProtocol(text))).toBe(text)
  })

  test.prop([protocolArbitrary])('reads every clause with its ID, number and exact text', ({ text, clauses }) => {
    const protocol = parseProtocol(text)
    expect(protocol.all.map((clause) => [clause.id, clause.number, clause.kind])).toEqual(
      clauses.map((clause) => [clause.id, clause.number, clause.kind])
    )
    for (const [index, clause] of protocol.all.entries()) {
      expect(clause.source).toBe(clauses[index]?.source)
      expect(text.slice(clause.position.start.offset, clause.position.end.offset)).toBe(clause.source)
    }
  })
})
