import { LINES_PER_PAGE } from './line-numbers.js'
import { editDistance } from '../edit-distance.js'
import type { Cited, ClausePath } from './citation.js'
import { type Token, tokenize } from './instruction-tokens.js'
import { type Captures, formWords, matchAll, matchPrefixes, type MatchContext, spell } from './match-phrasing.js'
import { CLAUSE_FORMS, CLOSINGS, type Form, PREAMBLES, RENUMBERINGS, SCOPE_LEADS, SCOPE_TAILS, WORD_FORMS } from './phrasings.js'
import type { ClauseRef, Operation, Place, Scope } from './types.js'

/** The forms an instruction may take, one example of each (from phrasings.ts). */
export const INSTRUCTION_FORMS = [...WORD_FORMS, ...CLAUSE_FORMS].map((form) => form.example)

/** Why an instruction could not be read, and where in it (0-based character). */
export interface ReadFailure {
  reason: string
  at: number
}

/** The scope an instruction's words are in, and the citation later citations are read under. */
interface Context {
  scope: Scope
  within: string[]
}

const DOCUMENT: Context = { scope: { type: 'document' }, within: [] }

/**
 * Read one instruction of a motion, written the way it is read out in any
 * of the registers of phrasings.ts: "In paragraph 7.2, leave out "X" and
 * insert "Y"", "for "X" substitute "Y" in each place it occurs", "strike
 * out section 4 and insert: …", "Standing Order 12 be amended by deleting
 * "X"", "renumber paragraph 9.2 as 9.1".
 *
 * @param text the instruction, without its list number
 * @param quoted the paragraphs of the block quote that follows it, if any
 * @returns the operations, or why the text is in no known form (with the nearest form)
 */
export function readInstruction(text: string, quoted: string[] | null): Operation[] | ReadFailure {
  const read = readWords(text, quoted)
  // "Line 12, leave out “…”": words on a line of the text as printed with its lines numbered (keeling show
  // --line-numbers). Only as the instruction's opening: after a citation ("Standing Order 3 (c), line 2"), a line of
  // the body's own print says nothing keeling can use.
  // "Page 3, line 12, …": the 12th line of the third printed page, as Parliament's amendment papers cite them.
  const paged = /^\s*(?:on\s+)?page\s+(\d+)\s*[,:]?\s*(?:at\s+|in\s+)?line\s+(\d+)\s*[,:]?\s/i.exec(text)
  const line = paged ? null : /^\s*(?:in\s+)?line\s+(\d+)\s*[,:]?\s/i.exec(text)
  if ((!line && !paged) || !Array.isArray(read)) return read
  const number = paged && Number(paged[2]) <= LINES_PER_PAGE ? (Number(paged[1]) - 1) * LINES_PER_PAGE + Number(paged[2]) : Number(line?.[1] ?? paged?.[2] ?? 0)
  // A line past the page's last ("page 2, line 45") names no line: resolved as line 0, refused with the page's length.
  const cited = paged && Number(paged[2]) > LINES_PER_PAGE ? '0' : String(number)
  const said = paged ? `page ${paged[1] ?? ''}, line ${paged[2] ?? ''}` : `line ${line?.[1] ?? ''}`
  const clause = { by: 'path' as const, path: [cited], text: said, unit: 'line' }
  return read.map((operation) => ('scope' in operation && operation.scope.type === 'document' ? { ...operation, scope: { type: 'clause' as const, clause, heading: false } } : operation))
}

function readWords(text: string, quoted: string[] | null): Operation[] | ReadFailure {
  const tokens = tokenize(text)
  if (!Array.isArray(tokens)) return tokens
  const context: MatchContext = { block: quoted }
  const segments = splitSegments(tokens)
  const operations: Operation[] = []
  let outer: Context = DOCUMENT
  for (const [index, part] of segments.entries()) {
    // "That Standing Order 3(u) be amended by deleting … and inserting …, and by deleting …": a later "by …" is
    // read in the first part's words up to its "by" ("That Standing Order 3(u) be amended by deleting …").
    const frame = index > 0 ? framedBy(segments[0] ?? [], part) : null
    const segment = frame ?? part
    const words = withoutPreamble(segment)
    // "Whereas …; And whereas …; Therefore be it resolved that …": the recitals give reasons, not changes.
    if (words.length === 0 || isRecital(segment)) continue
    // The block quote belongs to the last part: "In section 5— (a) …; (b) after subsection (2) insert— > …".
    const read = readSegment(words, frame ? DOCUMENT : outer, index === segments.length - 1 ? context : { block: null })
    if (!read) return failure(text, words)
    operations.push(...read.operations)
    // "In section 5— (a) in subsection (1), …; (b) …": later parts are read inside the first part's scope.
    if (index === 0 && read.lead) outer = read.lead
    if (frame) continue
  }
  if (operations.length === 0 && !segments.some((segment) => withoutPreamble(segment).length > 0)) return { reason: 'this instruction is empty', at: 0 }
  return operations
}

/** The verbs a motion's "be amended by …" goes on with: "by deleting", "and by inserting". */
const BY_VERBS = new Set(['deleting', 'inserting', 'leaving', 'adding', 'substituting', 'omitting', 'striking', 'replacing', 'removing'])

/** Whether tokens `at` are "by deleting", "by inserting" … */
function isByVerb(tokens: Token[], at: number): boolean {
  const word = (index: number): string => (tokens[index]?.kind === 'word' ? (tokens[index] as { text: string }).text : '')
  return word(at) === 'by' && BY_VERBS.has(word(at + 1))
}

/** Where "(and) by deleting …" opens a part at `at`: the index of its "by", or -1. */
function byVerbAt(tokens: Token[], at: number): number {
  const and = tokens[at]?.kind === 'word' && (tokens[at] as { text: string }).text === 'and'
  const by = and ? at + 1 : at
  return isByVerb(tokens, by) ? by : -1
}

/**
 * A later part that goes on "(and) by deleting …", read with the first part's words before its own "by …"; null for
 * any other part, or when the first part has no "by deleting …" of its own.
 */
function framedBy(first: Token[], part: Token[]): Token[] | null {
  const by = byVerbAt(part, 0)
  if (by < 0) return null
  const own = first.findIndex((_, index) => index > 0 && isByVerb(first, index))
  return own < 0 ? null : [...first.slice(0, own), ...part.slice(by)]
}

/** A recital of a resolution: "Whereas …", "And whereas …". */
function isRecital(tokens: Token[]): boolean {
  const word = (at: number): string => (tokens[at]?.kind === 'word' ? (tokens[at] as { text: string }).text : '')
  return word(0) === 'whereas' || (word(0) === 'and' && word(1) === 'whereas')
}

/** Tokens split at semicolons, with the marks that carry no meaning (commas, colons, dashes, brackets, full stops) taken out. */
function splitSegments(tokens: Token[]): Token[][] {
  const segments: Token[][] = [[]]
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at] as Token
    const title = bracketedTitleEnd(tokens, at)
    // A title of one word, which the tokens read as a bracketed label: "paragraph 3.9 (Media)".
    const oneWord = token.kind === 'cite' && tokens[at - 1]?.kind === 'cite' ? /^\(([A-Z][a-z]{2,})\)$/.exec(token.text)?.[1] : undefined
    if (title > at || oneWord) {
      // The title goes with the citation before it, to be held to the clause's heading.
      const segment = segments.at(-1) as Token[]
      const cite = segment.at(-1)
      const words = oneWord ?? tokens.slice(at + 1, title).map((word) => (word.kind === 'word' ? word.raw : word.text)).join(' ')
      if (cite?.kind === 'cite' && cite.cited.type === 'one') segment[segment.length - 1] = { ...cite, cited: { type: 'one', clause: { ...cite.cited.clause, title: words } } }
      if (title > at) at = title
    } else if (isDescribedCitation(tokens, at)) dropDescription(segments.at(-1) as Token[])
    else if (token.kind === 'mark' && token.text === ';') segments.push([])
    // "…, and by deleting …": a second change of the same "be amended by …".
    else if (token.kind === 'mark' && token.text === ',' && byVerbAt(tokens, at + 1) >= 0) segments.push([])
    else if (token.kind !== 'mark') segments.at(-1)?.push(token)
  }
  return segments.filter((segment) => segment.length > 0).map((segment) => withoutDocumentNames(withoutExisting(withoutLines(withoutRenumbering(withoutClosing(segment))))))
}

/** The nouns a clause is described by before its citation in brackets: "the previous dissolution provision (Clause 19)". */
const DESCRIBED = /^(?:provision|provisions|clause|rule|section|article|paragraph|bylaw|by-law)$/

/**
 * Whether `at` opens the brackets of a citation that a description comes before, as minutes print it: "the
 * previous dissolution provision (Clause 19) be replaced …". The citation must name its unit ("Clause 19", not a
 * bare "(19)", which is a paragraph's own number) and be all the brackets hold.
 */
function isDescribedCitation(tokens: Token[], at: number): boolean {
  const mark = (index: number, text: string): boolean => tokens[index]?.kind === 'mark' && (tokens[index] as { text: string }).text === text
  const cite = tokens[at + 1]
  if (!mark(at, '(') || cite?.kind !== 'cite' || cite.cited.type !== 'one' || cite.cited.clause.unit === '' || !mark(at + 2, ')')) return false
  const noun = tokens[at - 1]
  if (noun?.kind !== 'word' || !DESCRIBED.test(noun.text)) return false
  // "the [previous] … provision": a description of at most four words opened by "the".
  for (let back = at - 2; back >= Math.max(0, at - 6); back--) {
    const token = tokens[back]
    if (token?.kind !== 'word') return false
    if (token.text === 'the') return true
  }
  return false
}

/** Take the description ("the previous dissolution provision") off the end of a segment: the citation after it names the clause. */
function dropDescription(segment: Token[]): void {
  while (segment.length > 0) {
    const token = segment.pop() as Token
    if (token.kind === 'word' && token.text === 'the') return
  }
}

/**
 * A title in brackets after a citation, as the Commons print it: "Standing Order No. 18 (Business of Supply) be
 * amended as follows". Where it closes, when `at` opens one; else `at`. Only words: "(“X”)" is a quote, not a title.
 */
function bracketedTitleEnd(tokens: Token[], at: number): number {
  if (tokens[at]?.kind !== 'mark' || (tokens[at] as { text: string }).text !== '(' || tokens[at - 1]?.kind !== 'cite') return at
  for (let end = at + 1; end < tokens.length && end <= at + 13; end++) {
    const token = tokens[end] as Token
    if (token.kind === 'mark' && token.text === ')') return end > at + 1 ? end : at
    if (token.kind !== 'word' && !(token.kind === 'mark' && [',', '&', '-', '—'].includes(token.text))) return at
  }
  return at
}

/**
 * "Standing Order No. 1 (4), line 4, leave out …", "… to “exempted,” in line 6": the printed page's line numbers,
 * which a text in paragraphs does not have. Nothing is lost: the quoted words must still occur once in the clause,
 * or the motion is refused. "Leave out lines 119 to 124" (lines as the thing left out) is kept, and refused.
 */
function withoutLines(tokens: Token[]): Token[] {
  const word = (at: number): string => (tokens[at]?.kind === 'word' ? (tokens[at] as { text: string }).text : '')
  const out: Token[] = []
  for (let at = 0; at < tokens.length; at++) {
    // Never before "at end" / "at the beginning": the end of a printed line is not the end of the clause.
    const placed = word(at + 2) === 'at' || (word(at + 2) === 'and' && word(at + 3) === 'at')
    const named = ['line', 'page'].includes(word(at)) && tokens[at + 1]?.kind === 'cite' && !placed && !['out', 'delete', 'omit', 'remove', 'strike', 'of'].includes(word(at - 1))
    if (!named) {
      out.push(tokens[at] as Token)
      continue
    }
    if (word(at - 1) === 'in' && out.at(-1)?.kind === 'word') out.pop()
    at++
  }
  return out
}

/** "Replace the existing clause 6.1", "delete current clause 3.7": the words before a citation that only say it is there now. */
function withoutExisting(tokens: Token[]): Token[] {
  const word = (at: number): string => (tokens[at]?.kind === 'word' ? (tokens[at] as { text: string }).text : '')
  return tokens.filter((token, at) => {
    if (token.kind !== 'word') return true
    if (['existing', 'current', 'present'].includes(token.text) && tokens[at + 1]?.kind === 'cite') return false
    return !(token.text === 'the' && ['existing', 'current', 'present'].includes(word(at + 1)) && tokens[at + 2]?.kind === 'cite')
  })
}

const CLOSING_WORDS = CLOSINGS.map((closing) => closing.split(' '))

/** An instruction without the words that close it and say nothing ("…, and that as thus amended the resolution be adopted"). */
function withoutClosing(tokens: Token[]): Token[] {
  for (const words of CLOSING_WORDS) {
    const at = tokens.length - words.length
    if (at > 0 && words.every((word, index) => tokens[at + index]?.kind === 'word' && (tokens[at + index] as { text: string }).text === word)) return tokens.slice(0, at)
  }
  return tokens
}

/** An instruction without a renumbering said after its change ("… and that following sections be renumbered accordingly"). */
function withoutRenumbering(tokens: Token[]): Token[] {
  for (let at = 1; at < tokens.length; at++) {
    const token = tokens[at]
    if (token?.kind !== 'word' || (token.text !== 'and' && token.text !== 'renumber')) continue
    if (RENUMBERINGS.some((pattern) => matchAll(pattern, tokens, at, { block: null }) !== null)) return tokens.slice(0, at)
  }
  return tokens
}

/** The names of governing documents a clause is cited in: "of the Bevy Foundation Bylaws", "of these Standing Orders", "of the Energy Act 2013". */
const DOCUMENT_WORDS = /^(?:bylaws|by-laws|byelaws|bye-laws|constitution|rules|regulations|articles|act|protocol|code|charter|statutes|orders|policy|procedure|procedures|scheme|agreement)$/

/**
 * A citation followed by the document it is in ("section 8.5 of the Bevy Foundation Bylaws"): the text is the
 * document, so the name says nothing more. Only a name of capitalised words ending in a document's word is taken.
 */
function withoutDocumentNames(tokens: Token[]): Token[] {
  const out: Token[] = []
  for (let at = 0; at < tokens.length; at++) {
    out.push(tokens[at] as Token)
    if (tokens[at]?.kind !== 'cite') continue
    const end = documentNameEnd(tokens, at + 1)
    if (end > at + 1) at = end - 1
  }
  return out
}

/** Where a document's name that begins at `start` ("of the … Bylaws [2013]") ends, or `start` when there is none. */
function documentNameEnd(tokens: Token[], start: number): number {
  const word = (at: number): Extract<Token, { kind: 'word' }> | null => (tokens[at]?.kind === 'word' ? (tokens[at] as Extract<Token, { kind: 'word' }>) : null)
  if (word(start)?.text !== 'of') return start
  let at = start + 1
  const determiner = /^(?:the|these|this|our|its)$/.test(word(at)?.text ?? '')
  if (determiner) at++
  for (let names = 0; names <= 6; names++, at++) {
    const name = word(at)
    // "of these bylaws": the document's word alone may be in lower case; a name's words are capitalised.
    const named = name !== null && (/^\p{Lu}/u.test(name.raw) || (names === 0 && determiner && DOCUMENT_WORDS.test(name.text)))
    if (!name || !named) return start
    if (DOCUMENT_WORDS.test(name.text)) {
      const year = tokens[at + 1]
      return year?.kind === 'cite' && /^\d{4}$/.test(year.text) ? at + 2 : at + 1
    }
  }
  return start
}

/** The preambles as words, longest first, so that "i move to amend by" wins over "i move to". */
const PREAMBLE_WORDS = [...PREAMBLES].sort((a, b) => b.length - a.length).map((preamble) => preamble.split(' '))

/** "That …", "(a)", "Council resolves that …": words that open an instruction and say nothing about what it does. */
function withoutPreamble(tokens: Token[]): Token[] {
  let at = 0
  const first = tokens[0]
  // A list marker inside an instruction: "(a) for “X” substitute “Y”".
  if (first?.kind === 'cite' && first.cited.type === 'one' && first.cited.clause.unit === '' && /^\(/.test(first.text) && tokens.length > 1) at = 1
  // "The committee recommends that it be amended by …": a preamble may open another.
  for (let round = 0; round < 2; round++) {
    const words = PREAMBLE_WORDS.find((preamble) => (round === 0 || preamble.at(-1) === 'by') && preamble.every((word, index) => tokens[at + index]?.kind === 'word' && (tokens[at + index] as { text: string }).text === word) && tokens.length > at + preamble.length)
    if (!words) break
    at += words.length
  }
  return tokens.slice(at)
}

interface Read {
  operations: Operation[]
  /** The scope the segment opened with ("In section 5"), for the parts after it. */
  lead?: Context
}

function readSegment(tokens: Token[], outer: Context, context: MatchContext): Read | null {
  const whole = clauseForm(tokens, 0, outer, context) ?? joinedClauseForms(tokens, outer, context)
  if (whole) return { operations: whole }
  for (const lead of SCOPE_LEADS) {
    for (const { end, captures } of matchPrefixes(lead, tokens, 0, context)) {
      if (end === 0) continue
      const scopes = scopesOf(captures, outer, isHeadingPhrase(lead), /opening \| introductory/.test(lead))
      if (scopes.length === 0) continue
      const [first] = scopes
      if (end === tokens.length && first) return { operations: [], lead: first }
      const rest = withoutPreamble(tokens.slice(end))
      // "In each of paragraphs (a), (b) and (c), for “X” substitute “Y”": the same change in each.
      const each = scopes.map((scoped) => readScoped(rest, scoped, context, captures, lead))
      if (each.every((operations) => operations !== null) && first) return { operations: each.flatMap((operations) => operations ?? []), lead: first }
      // "In section 7 (designation of a CFD counterparty), in subsection (5), …", "in 4.1(2) -- Developers' power …  replace …":
      // the clause's title after its citation says nothing about the change.
      // A title never opens with the instruction's own verb: "leave out paragraph (a) and then …" is not titled "leave out".
      const mayHaveTitle = rest[0]?.kind === 'word' && !VERBS.has((rest[0] as { text: string }).text)
      // Nor does it name a part of the clause ("in the second bullet", "in the closing words", "in the last sentence"):
      // read past, that would widen the scope to the whole clause.
      for (let skip = 1; mayHaveTitle && skip <= 12 && rest[skip - 1]?.kind === 'word' && !NARROWING.has((rest[skip - 1] as { text: string }).text); skip++) {
        const after = rest.slice(skip)
        const titled = scopes.map((scoped) => readScoped(after, scoped, context, captures, lead))
        if (after.length > 0 && titled.every((operations) => operations !== null && operations.length > 0) && first) {
          const operations = titled.flatMap((operations) => operations ?? [])
          // "in 6.1(4) -- TC's power to overrule a Developer (both occurrences)": the title says which occurrences.
          return { operations: saysEach(rest.slice(0, skip)) ? operations.map(everyOccurrence) : operations, lead: first }
        }
      }
    }
  }
  // The scope named after the words: "delete “X” from paragraph 3", "add “Y” at the end of paragraph 3".
  for (let split = tokens.length - 1; split > 0; split--) {
    for (const tail of SCOPE_TAILS) {
      const captures = matchAll(tail, tokens, split, context)
      const scoped = captures ? scopeOf(captures, outer, isHeadingPhrase(tail)) : null
      if (!scoped) continue
      const words = wordSequence(tokens.slice(0, split), scoped.scope, context)
      if (words) return { operations: words }
    }
  }
  const words = wordSequence(tokens, outer.scope, context)
  return words ? { operations: words } : null
}

/** Whether a clause's title in an instruction ends by saying every occurrence is meant ("(both occurrences)", "throughout"). */
function saysEach(title: Token[]): boolean {
  return title.some((_, at) => matchAll('(@each)', title, at, { block: null }) !== null)
}

/** A word operation that names no occurrence, for every occurrence. */
function everyOccurrence(operation: Operation): Operation {
  if ((operation.type === 'replace-words' || operation.type === 'delete-words' || operation.type === 'insert-words') && operation.occurrence === undefined) return { ...operation, occurrence: 'all' }
  return operation
}

/** Two clause forms joined by "and": "Remove section 9, and instead add 2.1(4): …" (the new text belongs to the second). */
function joinedClauseForms(tokens: Token[], outer: Context, context: MatchContext): Operation[] | null {
  for (let at = 1; at < tokens.length - 1; at++) {
    const token = tokens[at]
    if (token?.kind !== 'word' || token.text !== 'and') continue
    // A clause form before "and" cites a clause and quotes no words: word forms ("leave out “X” and insert “Y”") are not tried.
    const before = tokens.slice(0, at)
    if (!before.some((one) => one.kind === 'cite') || before.some((one) => one.kind === 'quote')) continue
    const first = clauseForm(before, 0, outer, { block: null })
    if (!first || first.length === 0) continue
    let next = at + 1
    while (tokens[next]?.kind === 'word' && ['instead', 'also', 'then'].includes((tokens[next] as { text: string }).text)) next++
    const second = clauseForm(tokens.slice(next), 0, outer, context)
    // New clauses must be put somewhere the second form names: never at the end of the text by default.
    const placed = second?.every((operation) => operation.type !== 'insert-clauses' || operation.place.type !== 'end')
    // The second may say nothing: "Delete existing clause 3.7 and renumber subsequent clauses as necessary".
    if (second && placed) return [...first, ...second]
  }
  return null
}

/** The rest of an instruction after its lead: a clause form, word forms, or a further lead ("In paragraph (5), in sub-paragraph (b), …"). */
function readScoped(rest: Token[], scoped: Context, context: MatchContext, captures: Captures, lead: string): Operation[] | null {
  // "At the end of paragraph 3 add “…”", "At the beginning of Article 1(2) insert “…”".
  const at = lead.startsWith('at the end') ? 'end' : lead.startsWith('at the (beginning') ? 'start' : null
  if (at) {
    const put = matchAll('(insert | add | inserting | adding | put | there (shall be | is | be) (inserted | added)) [@words] Q:insert', rest, 0, context)
    const insert = put?.quotes['insert']
    if (insert !== undefined && scoped.scope.type !== 'document') return [{ type: 'insert-words-at', scope: scoped.scope, where: at, insert }]
  }
  const clause = clauseForm(rest, 0, scoped, context, captures)
  if (clause) return clause
  const words = wordSequence(rest, scoped.scope, context)
  if (words) return words
  const nested = rest.length > 0 ? readSegment(rest, scoped, context) : null
  return nested && nested.operations.length > 0 ? nested.operations : null
}

/** Every scope a lead names: one clause, or each of a list ("in subsections (6)(a) and (7)"). */
/** Whether a scope phrase names a heading only ("in the heading of section 2", "in the title"). */
function isHeadingPhrase(phrase: string): boolean {
  return /\b(?:heading|title)\b/.test(phrase)
}

function scopesOf(captures: Captures, outer: Context, heading: boolean, opening = false): Context[] {
  const part = captures.cites['part']
  if (part) return part.type === 'one' && outer.scope.type === 'clause' ? [{ scope: { ...outer.scope, before: refOf(part.clause, outer) }, within: outer.within }] : []
  if (opening) return outer.scope.type === 'clause' ? [{ scope: { ...outer.scope, opening: true }, within: outer.within }] : []
  const cited = captures.cites['scope']
  if (cited?.type === 'list') {
    return cited.clauses.map((clause) => ({ scope: { type: 'clause', clause: refOf(clause, outer), heading: false }, within: [...outer.within, ...clause.path] }))
  }
  const one = scopeOf(captures, outer, heading)
  return one ? [one] : []
}

/** The scope a lead or tail names: a clause (perhaps its heading, or the one opening with words), or a motion. */
function scopeOf(captures: Captures, outer: Context, heading: boolean): Context | null {
  const opening = captures.quotes['opening']
  if (opening !== undefined) return { scope: { type: 'clause', clause: { by: 'opening', value: opening }, heading: false }, within: [] }
  const motion = captures.words['motion']
  if (motion !== undefined) return { scope: { type: 'motion', motion }, within: [] }
  const cited = captures.cites['scope']
  if (!cited) return null
  if (cited.type !== 'one') return null
  const clause = refOf(cited.clause, outer)
  return { scope: { type: 'clause', clause, heading }, within: [...outer.within, ...cited.clause.path] }
}

/** A citation as a reference to resolve against the text, under the enclosing citation. */
function refOf(clause: ClausePath, outer: Context): ClauseRef {
  if (clause.id !== undefined) return { by: 'id', value: clause.id }
  if (clause.definition !== undefined) return { by: 'definition', term: clause.definition, ...(outer.scope.type === 'clause' ? { in: outer.scope.clause } : {}) }
  if (clause.heading !== undefined) return { by: 'heading', title: clause.heading }
  return { by: 'path', path: clause.path, text: clause.text, unit: clause.unit, ...(outer.within.length > 0 ? { within: outer.within } : {}), ...(clause.title ? { title: clause.title } : {}) }
}

/** Every clause a citation names: one, each of a list, or a range (resolved against the text later). */
function refsOf(cited: Cited, outer: Context): ClauseRef[] | { range: [ClauseRef, ClauseRef] } {
  if (cited.type === 'one') return [refOf(cited.clause, outer)]
  if (cited.type === 'list') return cited.clauses.map((clause) => refOf(clause, outer))
  return { range: [refOf(cited.from, outer), refOf(cited.to, outer)] }
}

/** One or more word forms, joined by "and" (or nothing: "omit “X”, substitute “Y”" is one form). */
function wordSequence(tokens: Token[], scope: Scope, context: MatchContext): Operation[] | null {
  if (tokens.length === 0) return null
  for (const form of WORD_FORMS) {
    for (const { end, captures } of matchPrefixes(form.pattern, tokens, 0, context)) {
      if (end === 0) continue
      const operation = wordOperation(form, captures, scope)
      if (!operation) continue
      if (end === tokens.length) return [operation]
      let next = end
      while (tokens[next]?.kind === 'word' && ['and', 'then', 'also', 'further'].includes((tokens[next] as { text: string }).text)) next++
      if (next === end && !startsWithVerb(tokens[next])) continue
      const rest = wordSequence(withoutPreamble(tokens.slice(next)), scope, context)
      if (rest) return [operation, ...rest]
    }
  }
  return null
}

/** Words that name a part of a clause: never words of a clause's title. */
const NARROWING = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'last', 'final', 'penultimate', 'sentence', 'sentences', 'bullet', 'bullets', 'line', 'lines', 'proviso', 'closing', 'opening', 'concluding', 'introductory', 'tailpiece'])

/** The verbs an instruction opens with: never words of a clause's title. */
const VERBS = new Set(['leave', 'delete', 'omit', 'remove', 'strike', 'insert', 'add', 'substitute', 'replace', 'change', 'amend', 'repeal', 'revoke', 'move', 'renumber', 'rename', 'deleting', 'inserting', 'striking', 'adding', 'substituting', 'replacing'])

function startsWithVerb(token: Token | undefined): boolean {
  return token?.kind === 'word' && /^(?:leave|delete|omit|remove|strike|insert|add|after|before|at|for|substitute|replace|change|in)$/.test(token.text)
}

function wordOperation(form: Form, captures: Captures, given: Scope): Operation | null {
  // "Change “£4” in Clause 2.1 to “£5”": a scope named inside the form.
  const named = captures.cites['scope']
  const scope: Scope = named?.type === 'one' ? { type: 'clause', clause: refOf(named.clause, DOCUMENT), heading: false } : given
  const quote = (name: string): string | undefined => captures.quotes[name]
  // "Renaming X to Y" renames it wherever it is.
  const occurrence = captures.occurrences['words'] ?? (captures.renames ? 'all' : undefined)
  const withOccurrence = occurrence && occurrence !== 'only' ? { occurrence } : {}
  switch (form.reads) {
    case 'replace-words': {
      const anchor = quote('anchor')
      const target = quote('words')
      if (anchor !== undefined && target !== undefined) {
        // "omit “,” after “standing committee”": the anchor and the words as one quote, the anchor left.
        const joined = form.where === 'before' ? joinWords(target, anchor) : joinWords(anchor, target)
        return { type: 'replace-words', scope, words: joined, insert: anchor }
      }
      const words = quote('words')
      const insert = quote('insert')
      // "change CHAIRPERSON to CHAIR throughout": unquoted capitals are emphasis, not the words' case.
      const emphasis = captures.unquoted === true && words !== undefined && /\p{Lu}{2}/u.test(words) && !/\p{Ll}/u.test(words) ? { anyCase: true } : {}
      return words !== undefined && insert !== undefined ? { type: 'replace-words', scope, words, insert, ...withOccurrence, ...emphasis } : null
    }
    case 'delete-words': {
      const words = quote('words')
      return words !== undefined ? { type: 'delete-words', scope, words, ...withOccurrence } : null
    }
    case 'insert-words': {
      const words = quote('words')
      const insert = quote('insert')
      const where = form.where === 'before' ? 'before' : 'after'
      return words !== undefined && insert !== undefined ? { type: 'insert-words', scope, where, words, insert, ...withOccurrence } : null
    }
    case 'insert-words-at': {
      const insert = quote('insert')
      return insert !== undefined ? { type: 'insert-words-at', scope, where: form.where === 'start' ? 'start' : 'end', insert } : null
    }
    case 'change-sentence': {
      const which = captures.ordinal ?? 1
      return { type: 'change-sentence', scope, sentence: which, insert: quote('insert') ?? null }
    }
    case 'delete-range': {
      const after = quote('after')
      const insert = quote('insert')
      const withInsert = insert !== undefined ? { insert } : {}
      if (after !== undefined) return { type: 'delete-range', scope, from: after, to: null, afterFrom: true, ...withInsert }
      // "for the words from the beginning to “X” substitute …": the range starts with the clause.
      const from = quote('from') ?? (quote('to') !== undefined ? '' : undefined)
      return from !== undefined ? { type: 'delete-range', scope, from, to: quote('to') ?? null, ...withInsert } : null
    }
    default:
      return null
  }
}

/** A form that changes whole clauses, matching all of `tokens` from `start`. */
function clauseForm(tokens: Token[], start: number, outer: Context, context: MatchContext, lead?: Captures): Operation[] | null {
  for (const form of CLAUSE_FORMS) {
    const captures = matchAll(form.pattern, tokens, start, context)
    if (!captures) continue
    const built = clauseOperations(form, captures, outer, lead)
    if (built) return built
  }
  return null
}

function clauseOperations(form: Form, captures: Captures, outer: Context, lead?: Captures): Operation[] | null {
  const one = (name: string): ClauseRef | null => {
    const cited = captures.cites[name]
    if (cited?.type === 'one') return refOf(cited.clause, outer)
    return null
  }
  // "Subsection 4(2) Repeal the subsection, substitute:" — the clause is the one the lead cited.
  const leadClause = lead && outer.scope.type === 'clause' ? outer.scope.clause : null
  const block = captures.block
  switch (form.reads) {
    case 'no-op':
      return []
    case 'renumber-clause': {
      const clause = one('clause')
      const number = captures.cites['number']
      if (!clause || number?.type !== 'one') return null
      return [{ type: 'renumber-clause', clause, number: number.clause.text.trim() }]
    }
    case 'move-clause': {
      const clause = one('clause')
      const after = one('after')
      const before = one('before')
      if (!clause || !(after || before)) return null
      return [{ type: 'move-clause', clause, after: (after ?? before) as ClauseRef, ...(before ? { before: true } : {}) }]
    }
    case 'replace-clause': {
      if (!block) return null
      // "leave out paragraphs (h) and (i) and add— …": the new text takes the first one's place, the others go.
      const cited = captures.cites['clause']
      if (cited?.type === 'list') {
        const [first, ...rest] = cited.clauses.map((clause) => refOf(clause, outer))
        return first ? [{ type: 'replace-clause', clause: first, clauses: block }, ...rest.map((clause): Operation => ({ type: 'delete-clause', clause }))] : null
      }
      // "leave out paragraphs (a) to (c) and insert— …": the new text in the range's place.
      if (cited?.type === 'range') return [{ type: 'replace-clause', clause: rangeRef([refOf(cited.from, outer), refOf(cited.to, outer)]), clauses: block }]
      // The clause the lead cited only when the form cites none ("Subsection 4(2) Repeal the subsection, substitute:").
      const clause = cited ? one('clause') : leadClause
      if (!clause) return null
      return [{ type: 'replace-clause', clause, clauses: block }]
    }
    case 'delete-clause': {
      const cited = captures.cites['clauses']
      if (!cited) return leadClause ? [{ type: 'delete-clause', clause: leadClause }] : null
      const refs = refsOf(cited, outer)
      if ('range' in refs) return [{ type: 'delete-clause', clause: rangeRef(refs.range) }]
      return refs.map((clause) => ({ type: 'delete-clause', clause }))
    }
    case 'insert-clauses': {
      if (!block) return null
      const place = placeOf(form, captures, outer, lead)
      // "At the end of Article 1(2) there shall be added “, and …”": words quoted in the line go at the end of that
      // paragraph; only a block quote is new paragraphs.
      if (captures.inline && place?.type === 'end-of-section' && block.length === 1 && block[0] !== undefined) {
        return [{ type: 'insert-words-at', scope: { type: 'clause', clause: place.clause, heading: false }, where: 'end', insert: block[0] }]
      }
      // 'I move to amend by adding, "and that it be printed"': words in the line that open in lower case are words
      // added at the end (a word form), not a new paragraph at the end of the text.
      if (captures.inline && place?.type === 'end' && /^\s*\p{Ll}/u.test(block[0] ?? '')) return null
      return place ? [{ type: 'insert-clauses', place, clauses: block }] : null
    }
    default:
      return null
  }
}

/** A range of clauses as one reference: resolved to the clauses from the first to the last, in order. */
function rangeRef([from, to]: [ClauseRef, ClauseRef]): ClauseRef {
  const text = (ref: ClauseRef): string =>
    ref.by === 'path' || ref.by === 'range' ? ref.text : ref.by === 'definition' ? `the definition of “${ref.term}”` : ref.by === 'heading' ? `the section headed “${ref.title}”` : ref.value
  return { by: 'range', from, to, text: `${text(from)} to ${text(to)}` }
}

function placeOf(form: Form, captures: Captures, outer: Context, lead?: Captures): Place | null {
  const cited = (name: string): ClauseRef | null => (captures.cites[name]?.type === 'one' ? refOf((captures.cites[name] as { clause: ClausePath }).clause, outer) : null)
  const at = cited('place')
  if (at) return form.where === 'before' ? { type: 'before', clause: at } : { type: 'after', clause: at }
  const end = cited('end')
  if (end) return { type: 'end-of-section', clause: end }
  // "In section 3, add the following paragraph:" — at the end of the clause the instruction is in.
  if (lead && outer.scope.type === 'clause') return { type: 'end-of-section', clause: outer.scope.clause }
  const number = captures.cites['number']
  if (number?.type === 'one') return { type: 'as-number', number: refOf(number.clause, outer) }
  return { type: 'end' }
}

/** An instruction in no known form: the nearest form, and the words that differ from it. */
function failure(text: string, tokens: Token[]): ReadFailure {
  const shape = tokens.map((token) => (token.kind === 'word' ? token.text : token.kind === 'cite' ? '#cite' : '#quote'))
  const verb = shape.find((word) => !word.startsWith('#') && !['in', 'the', 'that', 'of'].includes(word)) ?? ''
  let best: { form: Form; cost: number } | null = null
  for (const form of [...WORD_FORMS, ...CLAUSE_FORMS]) {
    // The verb says most about what was meant: a form that has it ("strike") is nearer than one that does not.
    const cost = editDistance(shape, spell(form.pattern)) + (formWords(form.pattern).has(verb) ? 0 : 3)
    if (!best || cost < best.cost) best = { form, cost }
  }
  const example = best?.form.example ?? ''
  const unknown = shape.find((word) => !word.startsWith('#') && !KNOWN_WORDS.has(word))
  const hint = unknown ? `"${unknown}" is not a word keeling reads in an instruction; ` : ''
  return { reason: `this is in no known form: ${hint}did you mean: ${example}?`, at: Math.max(0, text.search(/\S/)) }
}

const KNOWN_WORDS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'last', 'occurrence', 'instance', 'where', 'it', 'occurs', 'appears', ...[...WORD_FORMS, ...CLAUSE_FORMS].flatMap((form) => [...formWords(form.pattern)]), ...SCOPE_LEADS.flatMap((lead) => [...formWords(lead)])])


/** Two quoted texts read as one: "standing committee" and "," → "standing committee,"; "the" and "Council" → "the Council". */
function joinWords(first: string, second: string): string {
  return /^[,.;:!?)]/.test(second) || /[(]$/.test(first) ? first + second : `${first} ${second}`
}
