import { describe, expect, it } from 'vitest'
import { RULES, applied, line, refused } from './helpers.js'

describe('word operations, spaced as a reader expects', () => {
  it('leave out "X" and insert "Y"', () => {
    const text = applied(RULES, '1. In the paragraph beginning "Nothing in this protocol", leave out "calling or attending" and insert "requesting".')
    expect(line(text, 'Nothing')).toBe('Nothing in this protocol shall prevent a member from requesting meetings, or offering advice.')
  })

  it('leave out "X" takes one space with it, and the space before punctuation', () => {
    expect(line(applied(RULES, '1. In paragraph 2.1, leave out "and officers".'), '2.1')).toBe('2.1 Members should treat each other with respect.')
    expect(line(applied(RULES, '1. In paragraph 2.1, leave out "with respect".'), '2.1')).toBe('2.1 Members and officers should treat each other.')
    expect(line(applied(RULES, '1. In paragraph 2.1, leave out "Members and".'), '2.1')).toBe('2.1 officers should treat each other with respect.')
  })

  it('after "X" insert "Y": one space each side, none before punctuation', () => {
    const text = applied(RULES, '1. In paragraph 2.2, after "confidential" insert ", commercially sensitive".')
    expect(text).toContain('(eg. the information is confidential, commercially sensitive or personal);')
    const words = applied(RULES, '1. In paragraph 2.1, after "treat" insert "always"')
    expect(line(words, '2.1')).toBe('2.1 Members and officers should treat always each other with respect.')
  })

  it('before "X" insert "Y"', () => {
    expect(line(applied(RULES, '1. In paragraph 3.2, before "facts" insert "accurate"'), '3.2')).toBe('3.2 Officers give accurate facts.')
  })

  it('at the end insert "Y" and at the beginning insert "Y"', () => {
    expect(line(applied(RULES, '1. In paragraph 3.1, at the end insert "Officers speak for the Council."'), '3.1')).toBe('3.1 Members speak for themselves. Officers speak for the Council.')
    expect(line(applied(RULES, '1. In paragraph 3.1, at the beginning insert "Normally,"'), '3.1')).toBe('3.1 Normally, Members speak for themselves.')
  })

  it('spaces typed inside the quotes of an insertion are not doubled', () => {
    const text = applied(RULES, '1. In paragraph 3.2, at the end insert " They do not take sides."\n2. In paragraph 3.1, after "speak" insert " freely "')
    expect(line(text, '3.2')).toBe('3.2 Officers give facts. They do not take sides.')
    expect(line(text, '3.1')).toBe('3.1 Members speak freely for themselves.')
  })

  it('leave out from "X" to "Y", both ends included', () => {
    const text = applied(RULES, '1. In paragraph 2.3, leave out from "Members will reply" to "promptly."')
    expect(line(text, '2.3')).toBe('2.3 Officers will reply to members promptly.')
  })

  it('leave out from "X" to the end, across paragraphs, leaves no empty paragraph', () => {
    const text = applied(RULES, '1. In paragraph 2.3, leave out from "Members will reply" to the end')
    expect(text).toContain('<a id="c2-3"></a>2.3 Officers will reply to members promptly.\n\n<a id="c2-4"></a>2.4')
  })

  it('Westminster\'s "leave out from “X” to end" (no "the") keeps X and leaves out what follows it; "to the end" leaves X out too', () => {
    const kept = applied(RULES, '1. In paragraph 2.1, leave out from "other" to end and insert "fairly"')
    expect(line(kept, '2.1')).toBe('2.1 Members and officers should treat each other fairly.')
    const gone = applied(RULES, '1. In paragraph 2.1, leave out from "with" to the end and insert "fairly"')
    expect(line(gone, '2.1')).toBe('2.1 Members and officers should treat each other fairly.')
  })

  it('leave out a whole paragraph inside a clause, leaving no empty paragraph', () => {
    const text = applied(RULES, '1. In paragraph 2.3, leave out "A member should not apply pressure on an officer."')
    expect(text).toContain('<a id="c2-3"></a>2.3 Officers will reply to members promptly. Members will reply to officers promptly.\n\n<a id="c2-4"></a>')
  })

  it('several operations in one scope, joined by ";", all read against the same text', () => {
    const text = applied(
      RULES,
      '1. In the paragraph beginning "Nothing in this protocol", leave out "calling or attending" and insert "requesting"; after "meetings" insert "with officers"; leave out "advice" and insert "information".'
    )
    expect(line(text, 'Nothing')).toBe('Nothing in this protocol shall prevent a member from requesting meetings with officers, or offering information.')
  })

  it('takes straight or curly, double or single quotes, with an apostrophe inside', () => {
    const protocol = RULES.replace('Officers give facts.', 'Officers don’t give opinions.')
    for (const quoted of ["'don't give'", '‘don’t give’', '“don\'t give”', '"don’t give"']) {
      expect(line(applied(protocol, `1. IN PARAGRAPH 3.2, LEAVE OUT ${quoted} AND INSERT "avoid giving"`), '3.2')).toBe('3.2 Officers avoid giving opinions.')
    }
  })

  it('in section 2: words found anywhere in the section, heading and paragraphs', () => {
    expect(line(applied(RULES, '1. In section 2, leave out "Chief Executive" and insert "Monitoring Officer"'), '2.4')).toBe(
      '2.4 Disputes go to the Monitoring Officer (see [2.1](#c2-1) and [2.3](#c2-3)).'
    )
  })

  it('in the heading of section 2', () => {
    expect(line(applied(RULES, '1. In the heading of section 2, leave out "Conduct" and insert "Behaviour"'), '2.')).toBe('## 2. Behaviour')
  })

  it('quotes the words a reader sees: a cross-reference link reads as its number', () => {
    expect(line(applied(RULES, '1. In paragraph 2.4, leave out "(see 2.1 and 2.3)"'), '2.4')).toBe('2.4 Disputes go to the Chief Executive.')
  })
})

describe('word operations refused', () => {
  it('words that occur more than once: refused, every candidate listed with its line', () => {
    const [problem] = refused(RULES, '1. In paragraph 2.3, leave out "promptly"')
    expect(problem).toBe(
      '6:4 ambiguous-words: Instruction 1: “promptly” occurs 2 times in paragraph 2.3; quote more words so that it occurs once, or say which (“the second …”, “in each place it occurs”):\n' +
        '  2.3 line 19: …will reply to members [promptly]. Members will reply to…\n' +
        '  2.3 line 19: …will reply to officers [promptly]. A member should not apply…'
    )
  })

  it('words that occur nowhere: a did-you-mean from the nearest words', () => {
    expect(refused(RULES, '1. In paragraph 2.2, after "confidental" insert ", commercially sensitive"')).toEqual([
      '6:4 words-not-found: Instruction 1: Cannot find “confidental” in paragraph 2.2; did you mean “confidential”?'
    ])
  })

  it('blank quoted words: refused as blank (a quote of a space once made keeling search for ever)', () => {
    for (const body of ['1. In paragraph 2.2, leave out " " and insert "x"', '1. In paragraph 2.2, after " " insert "x"']) {
      expect(refused(RULES, body)).toEqual(['6:4 words-not-found: Instruction 1: The quoted words are blank: quote the words to change'])
    }
  })

  it('an unknown paragraph: refused, naming the nearest numbers', () => {
    expect(refused(RULES, '1. In paragraph 2.9, leave out "x"')).toEqual(['6:4 unknown-clause: Instruction 1: There is no paragraph 2.9; the nearest are paragraphs 2.1, 2.2, 2.3 and 2.4'])
  })

  it('an instruction in no known form: refused, quoting it and naming the nearest form, in one line', () => {
    const [problem] = refused(RULES, '1. Strike the words of 2.3 through.')
    expect(problem).toMatch(/^6:4 unknown-instruction: Instruction 1 \(“Strike the words of 2\.3 through\.”\): this is in no known form: "through" is not a word keeling reads in an instruction; did you mean: strike out .*\?$/)
    const [wrongVerb] = refused(RULES, '1. In paragraph 2.1, expunge "with respect".')
    expect(wrongVerb).toMatch(/this is in no known form: "expunge" is not a word keeling reads in an instruction; did you mean: .*"X".*\?$/)
  })

  it('two operations on the same words: refused, both named', () => {
    expect(refused(RULES, '1. In paragraph 2.1, leave out "each other" and insert "one another".\n2. In paragraph 2.1, leave out "other with"')).toEqual([
      '7:4 overlapping-operations: Instruction 2: instruction 2 changes words that instruction 1 also changes; make them one operation'
    ])
  })
})

describe('words are words', () => {
  it('a quote found only inside a longer word is not found, and the word is offered', () => {
    // RULES 2.1: "Members and officers should treat each other with respect." — no "Member" on its own.
    expect(refused(RULES, '1. In paragraph 2.1, after "Member" insert " of the Council"')).toEqual([
      '6:4 words-not-found: Instruction 1: Cannot find “Member” as a word in paragraph 2.1: it occurs only inside “Members”; did you mean “Members”?'
    ])
  })

  it('"a" is a word: the letter inside "legal" or "private" is no candidate', () => {
    // 2.2 has "a" as a word once ("there is a legal reason"), and the letter a in many words.
    expect(applied(RULES, '1. In paragraph 2.2, leave out "a" and insert "any"')).toContain('- there is any legal reason (eg.')
    // 2.3 has "A member" and "an officer", and no "a" as a word.
    const [problem = ''] = refused(RULES, '1. In paragraph 2.3, leave out "a" and insert "any"')
    expect(problem).toMatch(/^6:4 words-not-found: Instruction 1: Cannot find “a” in paragraph 2\.3/)
  })

  it("the clause's closing full stop is punctuation: leave out from \"X\" to the end keeps it", () => {
    expect(line(applied(RULES, '1. In paragraph 2.1, leave out from "with" to the end'), '2.1')).toBe('2.1 Members and officers should treat each other.')
  })

  it('words added at the end go before the closing full stop; a sentence goes after it', () => {
    expect(line(applied(RULES, '1. In paragraph 3.2, at the end insert ", provided that they are asked"'), '3.2')).toBe('3.2 Officers give facts, provided that they are asked.')
    expect(line(applied(RULES, '1. In paragraph 3.2, at the end insert "and figures"'), '3.2')).toBe('3.2 Officers give facts and figures.')
    expect(line(applied(RULES, '1. In paragraph 3.2, at the end insert "They do not take sides."'), '3.2')).toBe('3.2 Officers give facts. They do not take sides.')
  })
})
