import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeText } from '../../src/core/import/decode-text.js'
import { applyMotions, type ApplyResult } from '../../src/core/motion/apply-motions.js'
import { parseMotion } from '../../src/core/motion/parse-motion.js'
import { checkProtocol } from '../../src/core/protocol/check-protocol.js'
import { parseProtocol } from '../../src/core/protocol/parse-protocol.js'
import { writeProtocol } from '../../src/core/protocol/write-protocol.js'

/** protocols/section-21.md as it is in the repository: UTF-8, LF line ends, no byte order mark. */
const LF = readFileSync(new URL('../../protocols/section-21.md', import.meta.url), 'utf8')
const CRLF = LF.replace(/\n/g, '\r\n')
const BOM = '\uFEFF'

/** A motion file: change a word of 21.1.1, and insert an unnumbered paragraph after 21.1.2 (it becomes 21.1.3). */
const MOTION = `---
title: Co-opted members
mover: Cllr Test
protocol: section-21
---

1. In paragraph 21.1.1, leave out "guide" and insert "help".
2. After paragraph 21.1.2 insert the new paragraph:

   > The protocol applies to co-opted members as it applies to Members.
`

/** Apply one motion, given as its file's text, to a protocol's text. */
function apply(protocol: string, motionText = MOTION): ApplyResult {
  return applyMotions(protocol, [{ motion: parseMotion(motionText, 'm1', 'section-21'), text: motionText, name: 'm1.md' }])
}

/** The text of the result, or a failure naming the problems. */
function applied(protocol: string, motionText = MOTION): string {
  const result = apply(protocol, motionText)
  if ('problems' in result) throw new Error(result.problems.map((found) => found.message.reason).join('\n'))
  return result.text
}

/** `line:col severity code` for each problem check finds, the shape a user reads. */
function problems(text: string, slug = 'section-21'): string[] {
  return checkProtocol(parseProtocol(text), slug).map(
    (message) => `${message.line}:${message.column} ${message.fatal ? 'error' : 'warning'} ${message.ruleId}`
  )
}

/** How many line ends are a bare LF (not preceded by CR). */
function bareLineFeeds(text: string): number {
  return text.match(/(?<!\r)\n/g)?.length ?? 0
}

/** The lines the motion should give, written out by hand (LF). */
const CHANGED_21_1_1 =
  '<a id="c21-1-1"></a>21.1.1 The purpose of this protocol is to provide a set of principles to help Members and Officers of the Council in their dealings with one another.'
const INSERTED = '<a id="m1-1"></a>21.1.3 The protocol applies to co-opted members as it applies to Members.'
const RENUMBERED = '<a id="c21-1-3"></a>21.1.4 The protocol has been drawn up in the light of the Nolan Committee'
const HEAD = '---\ntitle: Protocol on Member / Officer Relations\nslug: section-21\napplied:\n  - m1\n---\n\n# <a id="section-21"></a>SECTION 21\n'

describe('a protocol saved with Windows line ends (CRLF)', () => {
  it('the motion applied to the LF file gives the hand-written result (the baseline)', () => {
    const text = applied(LF)
    expect(text.startsWith(HEAD)).toBe(true)
    expect(text).toContain(`\n\n${CHANGED_21_1_1}`)
    expect(text).toContain(`\n\n${INSERTED}\n\n${RENUMBERED}`)
    expect(text.split('\n').length).toBe(LF.split('\n').length + 4)
  })

  it('applyMotions on a CRLF protocol gives CRLF throughout, with the same words as on the LF text', () => {
    const text = applied(CRLF)
    expect(bareLineFeeds(text)).toBe(0)
    expect(text.startsWith(HEAD.replace(/\n/g, '\r\n'))).toBe(true)
    expect(text).toContain(`\r\n\r\n${CHANGED_21_1_1}`)
    expect(text).toContain(`\r\n\r\n${INSERTED}\r\n\r\n${RENUMBERED}`)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text).toBe(applied(LF).replace(/\n/g, '\r\n'))
  })

  it('a motion file saved with CRLF applies to a CRLF protocol the same way', () => {
    expect(applied(CRLF, MOTION.replace(/\n/g, '\r\n'))).toBe(applied(LF).replace(/\n/g, '\r\n'))
  })

  it('parseProtocol and checkProtocol read a CRLF protocol as the LF one: no problems, the same clauses', () => {
    expect(problems(CRLF)).toEqual([])
    const crlf = parseProtocol(CRLF)
    expect(crlf.messages).toEqual([])
    expect(crlf.frontMatter.data).toEqual({ title: 'Protocol on Member / Officer Relations', slug: 'section-21' })
    expect(crlf.all.slice(0, 4).map((clause) => `${clause.number} ${clause.id} ${clause.title}|`)).toEqual([
      ' section-21 SECTION 21|',
      '21. s21 PROTOCOL ON MEMBER / OFFICER RELATIONS.|',
      '21.1 s21-1 Introduction|',
      '21.1.1 c21-1-1 |'
    ])
    expect(crlf.all.map((clause) => clause.position.start.line)).toEqual(parseProtocol(LF).all.map((clause) => clause.position.start.line))
    expect(writeProtocol(crlf)).toBe(CRLF)
  })
})

describe('a file that starts with a UTF-8 byte order mark', () => {
  it('check reads the front matter of a protocol after a BOM: no "Missing front matter"', () => {
    expect(problems(BOM + LF)).toEqual([])
    expect(problems(BOM + CRLF)).toEqual([])
    const protocol = parseProtocol(BOM + LF)
    expect(protocol.frontMatter.data).toEqual({ title: 'Protocol on Member / Officer Relations', slug: 'section-21' })
    expect(protocol.all[0]?.position.start).toEqual({ line: 6, column: 1, offset: 73 })
    expect(writeProtocol(protocol)).toBe(BOM + LF)
  })

  it('positions after a BOM are as without it: line 1 column 1 is the first character after the BOM', () => {
    const text = '---\ntitle: Rules\nslug: rules\ncolour: red\n---\n\n<a id="c1"></a>1.1 One.\n\n<a id="c1"></a>1.2 Two.\n'
    const expected = ['4:1 warning front-matter', '9:1 error duplicate-clause-id']
    expect(problems(text, 'rules')).toEqual(expected)
    expect(problems(BOM + text, 'rules')).toEqual(expected)
    // Without front matter the first clause starts on line 1, column 1, one code unit into the text.
    const bare = `${BOM}<a id="c1"></a>1.1 One.\n`
    expect(problems(bare, 'rules')).toEqual(['1:1 error front-matter'])
    const protocol = parseProtocol(bare)
    expect(protocol.all.map((clause) => `${clause.id} ${clause.number}`)).toEqual(['c1 1.1'])
    expect(protocol.all[0]?.position.start).toEqual({ line: 1, column: 1, offset: 1 })
    expect(writeProtocol(protocol)).toBe(bare)
  })

  it('parseMotion reads the front matter of a motion after a BOM', () => {
    const motion = parseMotion(BOM + MOTION, 'm1', 'elsewhere')
    expect(motion.messages.map((message) => message.reason)).toEqual([])
    expect([motion.title, motion.mover, motion.protocol]).toEqual(['Co-opted members', 'Cllr Test', 'section-21'])
    expect(motion.instructions.map((instruction) => `${instruction.line}:${instruction.column} ${instruction.operation.type}`)).toEqual([
      '7:4 replace-words',
      '8:4 insert-clauses'
    ])
  })

  it('applyMotions on a BOM protocol keeps the BOM at the start, and records the motion in the front matter', () => {
    const text = applied(BOM + LF)
    expect(text.startsWith(BOM + HEAD)).toBe(true)
    expect(text.indexOf(BOM, 1)).toBe(-1)
    expect(text).toBe(BOM + applied(LF))
    expect(applied(BOM + LF, BOM + MOTION)).toBe(BOM + applied(LF))
    expect(applied(BOM + CRLF)).toBe(BOM + applied(LF).replace(/\n/g, '\r\n'))
  })
})

describe('a NUL byte in a protocol', () => {
  /** The reason check gives for a NUL byte. */
  const NUL_REASON = 'The file contains a NUL byte (binary data) here; remove it (a protocol is plain text, saved as UTF-8)'

  const cases: { name: string; text: string; place: string }[] = [
    { name: 'in the front matter', text: LF.replace('title:', 'ti\u0000tle:'), place: '2:3' },
    { name: 'between the front matter and the first clause', text: LF.replace('---\n\n#', '---\n\u0000\n#'), place: '5:1' },
    { name: 'inside a clause', text: LF.replace('The purpose', 'The\u0000purpose'), place: '12:31' },
    { name: 'twice (the first is named)', text: LF.replace('The purpose', 'The\u0000purpose').replace('Nolan', 'No\u0000lan'), place: '12:31' },
    { name: 'in a CRLF file', text: CRLF.replace('The purpose', 'The\u0000purpose'), place: '12:31' },
    { name: 'on line 1 after a BOM', text: BOM + LF.replace('---', '-\u0000--'), place: '1:2' },
    { name: 'at the very end', text: `${LF}\u0000`, place: '65:1' }
  ]

  for (const { name, text, place } of cases) {
    it(`check reports one error at the NUL byte ${name}, and decodeText calls the bytes binary`, () => {
      const messages = checkProtocol(parseProtocol(text), 'section-21')
      expect(messages.map((message) => `${message.line}:${message.column} ${message.fatal ? 'error' : 'warning'} ${message.ruleId}: ${message.reason}`)).toEqual([
        `${place} error not-text: ${NUL_REASON}`
      ])
      expect(decodeText(new TextEncoder().encode(text))).toEqual({ failure: 'binary' })
    })
  }

  it('applyMotions refuses a protocol with a NUL byte, naming where it is', () => {
    const result = apply(LF.replace('The purpose', 'The\u0000purpose'))
    expect('problems' in result && result.problems.map((found) => `${found.message.ruleId}: ${found.message.reason}`)).toEqual([
      `invalid-protocol: The protocol has a problem before any motion (line 12:31: ${NUL_REASON}); fix the protocol first (keeling check lists it); nothing was applied`
    ])
  })

  it('the same text without the NUL byte passes check and decodes to itself', () => {
    expect(problems(LF)).toEqual([])
    expect(decodeText(new TextEncoder().encode(LF))).toEqual({ text: LF })
    expect(decodeText(new TextEncoder().encode(BOM + CRLF))).toEqual({ text: LF })
  })
})
