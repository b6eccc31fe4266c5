import { describe, expect, it } from 'vitest'
import { RULES, applied, line, refused } from './helpers.js'

/** A set of standing orders as councils write them: unit-word headings, lettered items, roman items under a letter. */
const ORDERS = `---
title: Standing Orders
slug: orders
---

## <a id="so1"></a>Standing Order 1 Meetings

<a id="so1-a"></a>(a) Meetings shall be held on the second Tuesday of each month.

<a id="so1-b"></a>(b) The Chairman shall preside. In the absence of the Chairman the Vice-Chairman shall preside.

<a id="so1-c"></a>(c) The minutes shall record:

(i) the names of councillors present;

(ii) interests declared; and

(iii) the resolutions made.

## <a id="so2"></a>Standing Order 2 Quorum

<a id="so2-a"></a>(a) Three councillors shall be a quorum.
`

describe('the registers, on a council text', () => {
  it('UK council: "That Standing Order 1(b) be amended by leaving out … and inserting …", both places', () => {
    const text = applied(ORDERS, 'That Standing Order 1(b) be amended by leaving out "Chairman" and inserting "Chair" in both places')
    expect(line(text, '(b)')).toBe('(b) The Chair shall preside. In the absence of the Chair the Vice-Chairman shall preside.')
  })

  it('a title in brackets after the number must be that standing order\'s: named by one and meaning another is refused', () => {
    expect(line(applied(ORDERS, 'In Standing Order 1 (Meetings), leave out "second Tuesday" and insert "first Monday".'), '(a)')).toBe('(a) Meetings shall be held on the first Monday of each month.')
    expect(line(applied(ORDERS, 'In Standing Order 1(b) (meetings), leave out "Chairman shall preside." and insert "Chair shall preside."'), '(b)')).toMatch(/^\(b\) The Chair shall preside\./)
    const [wrong] = refused(ORDERS, 'In Standing Order 2 (Meetings), leave out "Three" and insert "Four".')
    expect(wrong).toContain('Standing Order 2 is headed “Quorum”, not “Meetings”; “Meetings” is Standing Order 1 at line 6: say which is meant')
    // A one-word title reads as a bracketed label too: it is held to the heading all the same.
    expect(refused(ORDERS, 'In Standing Order 2(a) (Meetings), leave out "Three" and insert "Four".')[0]).toContain('Standing Order 2(a) is under the heading “Quorum”, not “Meetings”')
  })

  it('UK council: "be amended by deleting … and inserting …, and by deleting … and inserting …", each change in the standing order cited', () => {
    const motions = [
      'That Standing Order 1(b) be amended by deleting "Chairman shall" and inserting "Chair shall", and by deleting "Vice-Chairman" and inserting "Vice-Chair".',
      'That Standing Order 1(b) be amended by deleting "Chairman shall" and inserting "Chair shall"; and by deleting "Vice-Chairman" and inserting "Vice-Chair".'
    ]
    for (const motion of motions) expect(line(applied(ORDERS, motion), '(b)')).toBe('(b) The Chair shall preside. In the absence of the Chairman the Vice-Chair shall preside.')
    // The second change is read in the first's standing order: words found only elsewhere are refused there.
    expect(refused(ORDERS, 'That Standing Order 1(b) be amended by deleting "Chairman shall" and inserting "Chair shall", and by deleting "Three" and inserting "Four".')[0]).toContain('Cannot find “Three” in')
  })

  it('a lettered item that is not there: the nearest are the letters next to it, not the first ones', () => {
    const letters = 'abcdefghijklmnopqrstu'.split('')
    const text = `---\ntitle: Standing Orders\nslug: so\n---\n\n## <a id="so3"></a>3 MEETINGS\n\n${letters.map((letter) => `<a id="so3-${letter}"></a>${letter}. Item ${letter}.`).join('\n\n')}\n`
    expect(refused(text, 'In Standing Order 3(v), leave out "Item"')[0]).toContain('the nearest are Standing Orders 3(r), 3(s), 3(t) and 3(u)')
    expect(refused(text, 'In Standing Order 3(w), leave out "Item"')[0]).toContain('the nearest are Standing Orders 3(r), 3(s), 3(t) and 3(u)')
  })

  it('UK council: an item under a lettered paragraph, cited 1(c)(ii)', () => {
    const text = applied(ORDERS, 'Standing Order 1(c)(ii) omit "declared"')
    expect(text).toContain('\n(ii) interests; and\n')
    expect(text).toContain('\n(i) the names of councillors present;\n')
  })

  it('legislation: "for “X” substitute “Y”" under a citation in the unit word of the text', () => {
    expect(line(applied(ORDERS, 'In Standing Order 2(a), for “Three” substitute “Four”.'), '(a) F')).toBe('(a) Four councillors shall be a quorum.')
  })

  it("Robert's Rules: \"I move to amend by striking out … and inserting …\", the whole text as scope", () => {
    expect(line(applied(ORDERS, 'I move to amend by striking out the words "second Tuesday" and inserting the words "first Monday".'), '(a) M')).toBe('(a) Meetings shall be held on the first Monday of each month.')
  })

  it('plain English: "Change “X” in Standing Order 2(a) to “Y”"', () => {
    expect(line(applied(ORDERS, 'Change "Three" in Standing Order 2(a) to "Five".'), '(a) F')).toBe('(a) Five councillors shall be a quorum.')
  })

  it('"In the heading of …" changes the heading only, though the words are in the section too', () => {
    const text = applied(ORDERS, 'In the heading of Standing Order 1, leave out "Meetings" and insert "Sittings".')
    expect(text).toContain('## <a id="so1"></a>Standing Order 1 Sittings')
    expect(text).toContain('(a) Meetings shall be held on the second Tuesday of each month.')
  })

  it('which occurrence: the second, the last; in each place it occurs', () => {
    expect(line(applied(RULES, '1. In paragraph 2.3, leave out the second "promptly" and insert "soon"'), '2.3')).toBe('2.3 Officers will reply to members promptly. Members will reply to officers soon.')
    expect(line(applied(RULES, '1. In paragraph 2.3, leave out the last "promptly"'), '2.3')).toBe('2.3 Officers will reply to members promptly. Members will reply to officers.')
    const all = applied(RULES, '1. In paragraph 2.3, for "promptly" substitute "within a week" in each place it occurs.')
    expect(line(all, '2.3')).toBe('2.3 Officers will reply to members within a week. Members will reply to officers within a week.')
    expect(refused(RULES, '1. In paragraph 2.3, leave out the third "promptly"')[0]).toContain('“promptly” occurs 2 times in paragraph 2.3, so there is no third “promptly”')
  })

  it('a motion that names no clause: the words must occur once in the whole text', () => {
    expect(line(applied(RULES, '1. Leave out "Officers give facts" and insert "Officers advise"'), '3.2')).toBe('3.2 Officers advise.')
    expect(refused(RULES, '1. Omit "officers".')[0]).toMatch(/“officers” occurs \d+ times in the whole text/)
  })

  it('renumber paragraph 2.5 as 2.4, and a move to precede', () => {
    const text = applied(RULES, '1. Move paragraph 3.2 to precede paragraph 3.1.')
    expect(text.indexOf('Officers give facts')).toBeLessThan(text.indexOf('Members speak for themselves'))
    expect(line(text, '3.1')).toBe('3.1 Officers give facts.')
    const renumbered = applied(RULES.replace('2.4 Disputes', '2.5 Disputes'), '1. Renumber paragraph 2.5 as 2.4.')
    expect(renumbered).toContain('<a id="c2-4"></a>2.4 Disputes go to the Chief Executive')
  })

  it('a range of paragraphs, and a list', () => {
    const text = applied(RULES, '1. Leave out paragraphs 3.1 to 3.2.')
    expect(text).not.toContain('Members speak for themselves')
    expect(text).not.toContain('Officers give facts')
    const listed = applied(ORDERS, 'Leave out standing orders 1(a) and 1(b).')
    expect(listed).not.toContain('second Tuesday')
    expect(listed).not.toContain('shall preside')
  })

  it('an unknown citation names the nearest by the body\'s own unit word', () => {
    expect(refused(ORDERS, 'Standing Order 3(a) omit "Three"')[0]).toContain('There is no Standing Order 3(a)')
  })
})

describe('sentences by their place', () => {
  it('delete the last sentence of a paragraph; replace the first', () => {
    expect(applied(RULES, '1. Delete the last sentence of paragraph 2.3.')).toContain('<a id="c2-3"></a>2.3 Officers will reply to members promptly. Members will reply to officers promptly.\n\n<a id="c2-4"></a>')
    expect(line(applied(RULES, '1. Delete the first sentence of paragraph 2.3.'), '2.3')).toBe('2.3 Members will reply to officers promptly.')
    expect(line(applied(RULES, '1. Replace the second sentence of paragraph 2.3 with "Members reply within a week."'), '2.3')).toBe('2.3 Officers will reply to members promptly. Members reply within a week.')
    expect(refused(ORDERS, 'Delete the last sentence of Standing Order 2(a).')[0]).toContain('would leave it empty')
  })
})

/** A council's orders with a Part over them, a gap in the numbers of a list, and items under a regulation's paragraphs. */
const PARTS = `---
title: Orders
slug: parts
---

# <a id="part-1"></a>PART 1 General

## <a id="so1"></a>Standing Order 1 Executive

<a id="so1-a"></a>(a) The Executive shall meet monthly.

## <a id="so3"></a>Standing Order 3 Conduct

<a id="so3-x"></a>The chairman shall:

(i) keep order;

(j) co-operate with the officers and councillors.

## <a id="reg"></a>Regulation 5 Penalties

<a id="reg-1"></a>(1) A person commits an offence who:

(a) fails to comply; or

(b) obstructs an officer.

<a id="reg-3"></a>(3) The penalty is:

(j) a fine at level 3; or

(k) a fine at level 4.

## <a id="members"></a>Standing Order 4 Members

<a id="members-list"></a>Members shall:

- attend meetings;
- declare interests;
- respect officers.
`

describe('a blind trial\'s must-never-happen cases', () => {
  it('renumbering an item gives it the number asked for', () => {
    expect(applied(PARTS, 'Renumber standing order 3(j) as 3(k).')).toContain('\n(k) co-operate with the officers and councillors.')
  })

  it('a sub-paragraph under a cited paragraph is looked for there only: the (k) of another paragraph is never taken', () => {
    const [problem = ''] = refused(PARTS, 'In regulation 5(1), omit sub-paragraph (k).')
    expect(problem).toContain('unknown-clause')
    expect(applied(PARTS, 'In regulation 5(3), omit sub-paragraph (k).')).not.toContain('(k) a fine at level 4.')
  })

  it('(1) is never item (i)', () => {
    expect(refused(PARTS, 'In standing order 3(1), leave out "order" and insert "the peace"')[0]).toContain('unknown-clause')
  })

  it('"Standing Order 1" is not "PART 1"', () => {
    expect(line(applied(PARTS, 'In Standing Order 1(a), leave out "monthly" and insert "weekly".'), '(a) The')).toBe('(a) The Executive shall meet weekly.')
    expect(applied(PARTS, 'In Standing Order 1, leave out "Executive shall" and insert "Cabinet shall"')).toContain('(a) The Cabinet shall meet monthly.')
  })

  it('striking every word of a list item takes the item away, bullet and all', () => {
    const text = applied(PARTS, 'In Standing Order 4, strike out "declare interests;"')
    expect(text).toContain('- attend meetings;\n- respect officers.')
  })

  it('words quoted in the line after "at the end of … there shall be added" go at the end of that paragraph, not as a new one', () => {
    const text = applied(PARTS, 'At the end of regulation 5(1) there shall be added “, unless excused”.')
    // The end of paragraph (1) is after its last sub-paragraph, before the full stop.
    expect(text).toContain('(b) obstructs an officer, unless excused.')
    expect(text).toContain('<a id="reg-3"></a>(3) The penalty is:')
  })

  it('"in the words before sub-paragraph (a)" is the chapeau only: words there change, words only in an item are not found', () => {
    const text = applied(PARTS, 'In regulation 5(1), in the words before sub-paragraph (a), after “person” insert “aged 18 or over”.')
    expect(text).toContain('(1) A person aged 18 or over commits an offence who:')
    expect(refused(PARTS, 'In regulation 5(1), in the words before sub-paragraph (a), for “officer” substitute “inspector”.')[0]).toContain('words-not-found')
  })

  it('"subsections (6)(a) and (7)": a later bracketed number is a sibling of the number, a letter of the letter', () => {
    const act = `---\ntitle: Act\nslug: act\n---\n\n## <a id="s7"></a>7 Designation\n\n<a id="s7-6"></a>(6) A designation ends if—\n\n(a) the Secretary of State revokes it; or\n\n(b) the Secretary of State is notified.\n\n<a id="s7-7"></a>(7) Before it ends the Secretary of State must consult.\n`
    const siblings = applied(act, 'In subsections (6)(a) and (7), for “the Secretary of State” substitute “the Authority”.')
    expect(siblings).toContain('(a) the Authority revokes it; or')
    expect(siblings).toContain('(b) the Secretary of State is notified.')
    expect(siblings).toContain('(7) Before it ends the Authority must consult.')
    const letters = applied(act, 'In subsection (6)(a) and (b), for “the Secretary of State” substitute “the Authority”.')
    expect(letters).toContain('(b) the Authority is notified.')
    expect(letters).toContain('(7) Before it ends the Secretary of State must consult.')
  })

  it('"the definition of “X”" is the paragraph that opens with the term in quotes: omitted, or its words changed', () => {
    const order = `---\ntitle: Order\nslug: order\n---\n\n<a id="a2"></a>2. In this Order—\n\n“consumer” means a person supplied with gas;\n\n“the Authority” means the Gas Authority;\n\n“premises” includes land.\n`
    const omitted = applied(order, 'In Article 2, omit the definition of “the Authority”.')
    expect(omitted).toContain('“consumer” means a person supplied with gas;\n\n“premises” includes land.')
    const changed = applied(order, 'In Article 2, in the definition of “premises”, for “land” substitute “land and vessels”.')
    expect(changed).toContain('“premises” includes land and vessels.')
    expect(refused(order, 'In Article 2, omit the definition of “supplier”.')[0]).toContain('unknown-clause')
    // The word "consumer" in another definition is not its definition.
    expect(refused(order, 'In Article 2, omit the definition of “gas”.')[0]).toContain('unknown-clause')
  })

  it('"the section headed “X”" is the heading with those words, unnumbered as most of a code of conduct\'s are', () => {
    const code = `---\ntitle: Protocol\nslug: protocol\n---\n\n## <a id="introduction"></a>Introduction\n\n<a id="p1"></a>This protocol applies to members.\n\n## <a id="officers"></a>Officers\n\n<a id="p2"></a>Officers advise members.\n\n## <a id="members"></a>Members and Officers\n\n<a id="p3"></a>Members and officers respect each other.\n`
    const retitled = applied(code, 'In the heading of the section headed “Officers”, leave out “Officers” and insert “Staff”.')
    expect(retitled).toContain('\n## <a id="officers"></a>Staff\n')
    expect(retitled).toContain('\n## <a id="members"></a>Members and Officers\n')
    const inside = applied(code, "In the part entitled 'officers', leave out “advise” and insert “support”.")
    expect(inside).toContain('Officers support members.')
    expect(inside).toContain('Members and officers respect each other.')
    const omitted = applied(code, 'Leave out the section headed "Introduction".')
    expect(omitted).not.toContain('This protocol applies')
    expect(omitted).toContain('Officers advise members.')
    const [unknown] = refused(code, 'In the section headed “Staff”, leave out “advise”.')
    expect(unknown).toContain('There is no heading “Staff”')
    const [near] = refused(code, 'In the section headed “Members”, leave out “respect”.')
    expect(near).toContain('There is no heading “Members”; headings with those words: “Members and Officers”')
    const twice = code.replace('## <a id="members"></a>Members and Officers', '## <a id="officers-2"></a>Officers')
    expect(refused(twice, 'In the section headed “Officers”, leave out “advise”.')[0]).toContain('2 headings read “Officers”')
  })

  it('a new Standing Order after one: its heading a heading of the same level, its paragraphs under it, not the last item of the one before', () => {
    const added = applied(ORDERS, 'Insert a new Standing Order after Standing Order 2:\n\n> Standing Order 3 Elections\n>\n> (a) Elections shall be held in May.')
    expect(added).toMatch(/\n## <a id="[^"]+"><\/a>Standing Order 3 Elections\n\n<a id="[^"]+"><\/a>\(a\) Elections shall be held in May\.\n$/)
    const numbered = `---\ntitle: Standing Orders\nslug: so\n---\n\n## <a id="so26"></a>26 MEETINGS\n\n<a id="so26-a"></a>a. Meetings shall be held monthly.\n\n## <a id="so27"></a>27 STANDING ORDERS GENERALLY\n\n<a id="so27-a"></a>a. These standing orders may be varied.\n`
    const bare = applied(numbered, 'Insert a new Standing Order after Standing Order 27: "28 REVIEW OF STANDING ORDERS"')
    expect(bare).toMatch(/\n\n## <a id="[^"]+"><\/a>28 REVIEW OF STANDING ORDERS\n$/)
    // A sentence that opens with a number is a paragraph, as before: the section's next one.
    const sentence = applied(numbered, 'After Standing Order 27 insert "28 members shall form a quorum."')
    expect(sentence).toMatch(/<a id="[^"]+"><\/a>b\. 28 members shall form a quorum\.\n$/)
  })

  it('new text printed bare after "and insert—", as Hansard prints it: each numbered line a paragraph, the next instruction after', () => {
    const motion = 'In Standing Order 1, leave out paragraphs (a) and (b) and insert—\n(a) Meetings shall be held monthly.\n(aa) The Chair shall preside.\n\nIn Standing Order 2(a), for "Three" substitute "Four".'
    const text = applied(ORDERS, motion)
    expect(text).toContain('(a) Meetings shall be held monthly.')
    expect(text).toContain('(aa) The Chair shall preside.')
    expect(text).not.toContain('second Tuesday')
    expect(text).not.toContain('Vice-Chairman')
    expect(line(text, '(a) F')).toBe('(a) Four councillors shall be a quorum.')
  })

  it('"leave out paragraphs (a) to (b) and insert—": the new text in the range\'s place; new text never goes to the end of the text by default', () => {
    const text = applied(ORDERS, 'In Standing Order 1, leave out paragraphs (a) to (b) and insert—\n(a) Meetings shall be held monthly.')
    expect(text.indexOf('(a) Meetings shall be held monthly.')).toBeGreaterThan(text.indexOf('Standing Order 1 Meetings'))
    expect(text.indexOf('(a) Meetings shall be held monthly.')).toBeLessThan(text.indexOf('The minutes shall record'))
    expect(text).not.toContain('The Chairman shall preside')
    // "… and then insert—" with no place named: refused, not added at the end of the text.
    expect(refused(ORDERS, 'In Standing Order 1, leave out paragraph (a) and then insert—\n(a) Meetings shall be held monthly.')[0]).toContain('unknown-instruction')
  })

  it('a committee\'s report around the amendment: "recommends that it be amended by …, and that as thus amended the resolution be adopted"', () => {
    const text = applied(ORDERS, 'The committee recommends that it be amended by striking out "a quorum" and inserting "the quorum," and that as thus amended the resolution be adopted.')
    // The comma typed inside the quotes the American way does not go before the text's own full stop.
    expect(line(text, '(a) T')).toBe('(a) Three councillors shall be the quorum.')
    // Before a word it is the new text's own.
    expect(line(applied(ORDERS, 'In Standing Order 2(a), leave out "Three" and insert "Three,"'), '(a) T')).toBe('(a) Three, councillors shall be a quorum.')
  })

  it('a full stop typed inside the closing quote is the motion\'s before the text\'s own comma, but an abbreviation keeps its own', () => {
    // UNISON's form: 'Rule D.4.1.3 delete “members with disabilities” and insert “disabled members.”'
    expect(line(applied(ORDERS, 'Standing Order 1(c)(i) delete “councillors” and insert “members.”'), '(i)')).toBe('(i) the names of members present;')
    expect(line(applied(ORDERS, 'Standing Order 1(c)(ii) delete “interests declared” and insert “interests, gifts etc.”'), '(ii)')).toBe('(ii) interests, gifts etc.; and')
  })

  it('"replace … with … throughout the Constitution": the document named after "throughout" is the text itself', () => {
    const text = applied(ORDERS, 'Replace “Chairman” with “Chair” throughout the Standing Orders.')
    expect(line(text, '(b)')).toBe('(b) The Chair shall preside. In the absence of the Chair the Vice-Chairman shall preside.')
  })

  it('"the following be added as Article 17.6 of the Bylaws:" then the new paragraph, printed with its number', () => {
    const text = applied(ORDERS, 'Be it resolved that the following be added as Standing Order 2(b) of the Standing Orders:\n\n(b) The quorum shall be counted at the start of the meeting.')
    expect(line(text, '(b) The quorum')).toContain('(b) The quorum shall be counted at the start of the meeting.')
    expect(text.indexOf('The quorum shall be counted')).toBeGreaterThan(text.indexOf('Three councillors shall be a quorum.'))
  })

  it('minutes\' "It was unanimously resolved that the previous … provision (Clause 19) be replaced in its entirety with the following:"', () => {
    const motion = 'It was unanimously resolved that the previous quorum provision (Standing Order 2(a)) be replaced in its entirety with the following:\n\n(a) Four councillors shall be a quorum.'
    expect(line(applied(ORDERS, motion), '(a) F')).toBe('(a) Four councillors shall be a quorum.')
    // The citation in the brackets names the clause; one that is not there is refused, whatever the description says.
    expect(refused(ORDERS, motion.replace('2(a)', '9(a)'))[0]).toContain('unknown-clause')
  })

  it('a renumbering said after the change ("And that following sections (and references to those sections) be renumbered accordingly") says nothing more', () => {
    const text = applied(ORDERS, 'Insert new Standing Order 1(b) as follows:- “(b) The agenda shall be sent out a week before.” And that following paragraphs (and references to those paragraphs) be renumbered accordingly.')
    expect(line(text, '(b) The agenda')).toContain('(b) The agenda shall be sent out a week before.')
    expect(line(text, '(c) The Chairman')).toContain('(c) The Chairman shall preside.')
    // A renumbering that names a clause is a change, and is never read past.
    expect(refused(ORDERS, 'Leave out Standing Order 1(b) and renumber paragraph (c) as (z) twice').length).toBeGreaterThan(0)
  })

  it('a title after the citation that says "(both occurrences)" means every occurrence', () => {
    const text = applied(ORDERS, 'in Standing Order 1(b) -- who presides (both occurrences)\nreplace the word "Chairman" with "Chair".')
    expect(line(text, '(b)')).toBe('(b) The Chair shall preside. In the absence of the Chair the Vice-Chairman shall preside.')
    expect(refused(ORDERS, 'in Standing Order 1(b) -- who presides\nreplace the word "Chairman" with "Chair".')[0]).toContain('ambiguous-words')
  })

  it('"Standing Order No. 1 (b)" as Hansard prints it, and "Moved, That …" before the instruction', () => {
    expect(line(applied(ORDERS, 'Standing Order No. 2 (a), leave out "Three" and insert "Four".'), '(a) F')).toBe('(a) Four councillors shall be a quorum.')
    expect(line(applied(ORDERS, 'Moved, That Standing Order No. 2(a) be amended as follows:— Leave out "Three" and insert "Five".'), '(a) F')).toBe('(a) Five councillors shall be a quorum.')
    // "No." is the number marker, never a number: a standing order the text does not have is named as such.
    expect(refused(ORDERS, 'Standing Order No. 3 (a), leave out "Three".')[0]).toContain('unknown-clause')
  })

  it('a resolution\'s recitals ("Whereas …; And whereas …;") change nothing; "Therefore be it resolved that …" is the change', () => {
    const text = applied(ORDERS, 'Whereas three is too few;\nAnd whereas four is enough;\nTherefore be it resolved that Standing Order 2(a) be amended by striking "Three" and inserting "Four".')
    expect(line(text, '(a) F')).toBe('(a) Four councillors shall be a quorum.')
    expect(refused(ORDERS, 'Whereas three is too few;\nAnd whereas four is enough.')[0]).toContain('no-instructions')
  })

  it('"delete the sentence that begins with “X” and ends with “Y”": both ends included', () => {
    const text = applied(ORDERS, 'In Standing Order 1(b), delete the sentence that begins with "In the absence" and ends with "shall preside."')
    expect(line(text, '(b)')).toBe('(b) The Chairman shall preside.')
  })

  it('words "added" in the line that open in lower case go at the end of the paragraph, not as a new paragraph; a comma typed inside the quotes is the motion\'s', () => {
    const text = applied(ORDERS, 'In Standing Order 2(a), I move to amend by adding, "or one third of the members, whichever is more,"')
    expect(line(text, '(a) T')).toBe('(a) Three councillors shall be a quorum or one third of the members, whichever is more.')
  })

  it('"Delete existing clause 2.4 and renumber subsequent clauses as necessary"; "clause 2.1" is the clause numbered 2.1, not item 1 under 2', () => {
    const text = applied(RULES, 'Delete existing clause 2.4 and renumber subsequent clauses as necessary.')
    expect(text).not.toContain('Disputes go to the Chief Executive')
    expect(text).toContain('2.3 Officers will reply to members promptly.')
    const numbered = '---\ntitle: C\nslug: c\n---\n\n## <a id="s2"></a>2. Bodies\n\n<a id="l"></a>1. The Developers;\n2. The Leader.\n\n### <a id="s21"></a>2.1. General rules\n\n<a id="r"></a>1. Nothing obliges anyone to work.\n'
    expect(applied(numbered, 'Delete the words “to work” from clause 2.1.')).toContain('1. Nothing obliges anyone.')
  })

  it('an unquoted word named as a word may be one the forms use: "inserting not after the word be"', () => {
    const text = applied(ORDERS, 'In Standing Order 2(a), I move to amend by inserting always after the word be.')
    expect(line(text, '(a) T')).toBe('(a) Three councillors shall be always a quorum.')
    // Without "the word", "be" is not taken for the words to insert after.
    expect(refused(ORDERS, 'In Standing Order 2(a), I move to amend by inserting always after be.')[0]).toContain('unknown-instruction')
  })

  it('"Change the quorum from Three to Four": unquoted words named by what they are, from … to …', () => {
    expect(line(applied(ORDERS, 'Standing Order 2(a), change the quorum from Three to Four'), '(a) F')).toBe('(a) Four councillors shall be a quorum.')
    // Words that are not there are not found, never guessed.
    expect(refused(ORDERS, 'Standing Order 2(a), change the quorum from five to four')[0]).toContain('words-not-found')
  })

  it('the Commons\' "line 4" and "(Business of Supply)" after a citation say nothing keeling can use; the words must still occur once', () => {
    expect(line(applied(ORDERS, 'That Standing Order No. 2 (Quorum) be amended as follows:— Line 1, leave out "Three" and insert "Four".'), '(a) F')).toBe('(a) Four councillors shall be a quorum.')
    // "Chairman" twice in 1(b): the line number that would have said which is not guessed from.
    expect(refused(ORDERS, 'Standing Order No. 1 (b), line 2, leave out "Chairman" and insert "Chair".')[0]).toContain('ambiguous-words')
    // "Line 46, at end insert …", "to end of line 107": the end of a printed line is not the end of the clause; refused.
    expect(refused(ORDERS, 'Standing Order No. 2 (a), line 1, at end insert "at least".')[0]).toMatch(/unknown-(?:instruction|clause)/)
    expect(refused(ORDERS, 'Standing Order No. 1 (b), leave out from "preside." to end of line 2.')[0]).toContain('unknown-instruction')
    // "Leave out lines 119 to 124": lines are what is left out, which a text in paragraphs cannot say; refused.
    expect(refused(ORDERS, 'Standing Order No. 1, leave out lines 2 to 4.')[0]).toContain('unknown-instruction')
  })

  it('"change CHAIRMAN to CHAIR throughout": unquoted capitals are emphasis, found in any case and replaced in the text\'s own case', () => {
    expect(line(applied(ORDERS, 'In Standing Order 1(b), change CHAIRMAN to CHAIR throughout'), '(b)')).toBe('(b) The Chair shall preside. In the absence of the Chair the Vice-Chairman shall preside.')
    // Quoted words keep their case: "CHAIRMAN" in quotes is not "Chairman".
    expect(refused(ORDERS, 'In Standing Order 1(b), change "CHAIRMAN" to "CHAIR" throughout')[0]).toContain('words-not-found')
  })

  it('UK council nominal forms: "be amended by the deletion of … and the insertion of …", "the addition of … after …", "be deleted and replaced with"', () => {
    expect(line(applied(ORDERS, 'That Standing Order 2(a) be amended by the deletion of the word "Three" and the insertion of the word "Four".'), '(a) F')).toBe('(a) Four councillors shall be a quorum.')
    expect(line(applied(ORDERS, 'That Standing Order 2(a) be amended by the addition of the words "present in person" after "councillors".'), '(a) T')).toBe('(a) Three councillors present in person shall be a quorum.')
    expect(line(applied(ORDERS, 'That the words "Three councillors" in Standing Order 2(a) be deleted and replaced with "Four members".'), '(a) F')).toBe('(a) Four members shall be a quorum.')
  })

  it('"in the opening words" is the words before the first item; a part of a clause it cannot name ("in the second bullet") is refused, never widened to the clause', () => {
    const text = applied(PARTS, 'In regulation 5— (a) in paragraph (1), in the opening words, after “person” insert “aged 18 or over”.')
    expect(text).toContain('(1) A person aged 18 or over commits an offence who:')
    expect(refused(PARTS, 'In regulation 5(1), in the opening words, for “officer” substitute “inspector”.')[0]).toContain('words-not-found')
    expect(refused(RULES, 'In paragraph 2.2, in the second bullet, omit "(eg. the information is confidential or personal)".')[0]).toContain('unknown-instruction')
  })

  it('the document a clause is cited in says nothing more: "section 8.5 of the Bevy Foundation Bylaws", "of these bylaws"', () => {
    expect(line(applied(ORDERS, 'Change "Three" in Standing Order 2(a) of the Parish Council Standing Orders to "Five".'), '(a) F')).toBe('(a) Five councillors shall be a quorum.')
    expect(line(applied(ORDERS, 'In Standing Order 2(a) of these Orders, for "Three" substitute "Four".'), '(a) F')).toBe('(a) Four councillors shall be a quorum.')
  })

  it('a new paragraph numbered 1.3.2A keeps its number, and the paragraphs after it keep theirs', () => {
    const base = RULES.replace('<a id="c2-3"></a>2.3 Officers', '<a id="c2-3"></a>2.3 Officers')
    const text = applied(base, '1. After paragraph 2.2 insert the new paragraph:\n\n   > 2.2A Officers keep a register of requests.')
    expect(text).toContain('2.2A Officers keep a register of requests.')
    expect(text).toContain('<a id="c2-3"></a>2.3 Officers will reply')
  })
})
