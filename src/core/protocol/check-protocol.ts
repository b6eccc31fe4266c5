import type { VFileMessage } from 'vfile-message'
import { problem } from '../problem.js'
import { isClauseId, newClauseId } from './clause-id.js'
import { isFirstNumber, isNextNumber, numberKey, unitPrefix } from './clause-number.js'
import { findCrossReferences } from './cross-references.js'
import { bomLength } from './parse-front-matter.js'
import type { Clause, Protocol } from './types.js'
import { writeProtocol } from './write-protocol.js'
import { countNewlines, placeAt } from '../text-lines.js'

/** Front matter keys a protocol may carry; anything else is probably a typo. */
const FRONT_MATTER_KEYS = new Set(['title', 'slug', 'body', 'source', 'description', 'applied', 'history-head'])

/**
 * Every problem in a protocol at once: those found while reading, then
 * front matter, clause IDs, numbering and cross-references. Never throws
 * for a user's mistake. A file with a NUL byte is binary data, not a
 * protocol: that one error is all it gets.
 *
 * @param protocol the parsed protocol
 * @param slug the slug its file name gives (`protocols/<slug>.md`), when known
 * @returns the problems in file order; errors are `fatal`
 */
export function checkProtocol(protocol: Protocol, slug?: string): VFileMessage[] {
  const binary = checkBinary(protocol)
  if (binary) return [binary]
  const messages = [
    ...protocol.messages,
    ...checkFrontMatter(protocol, slug),
    ...checkClauseIds(protocol),
    ...checkNumbers(protocol),
    ...checkCrossReferences(protocol),
    ...checkEncoding(protocol)
  ]
  if (protocol.all.length === 0 && protocol.messages.length === 0) {
    const reason =
      'No clauses: a protocol needs at least one clause, such as `## <a id="s1"></a>1. Introduction` or `<a id="c1-1"></a>1.1 The purpose …`'
    messages.push(problem(reason, { line: countNewlines(protocol.frontMatter.raw) + 1, column: 1 }, 'no-clauses'))
  }
  return messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}

/**
 * A NUL byte anywhere in the file, between clauses too: one error, at the first. These are the bytes that
 * `decodeText` calls `binary`; the rest of the file is not checked, since its problems would be noise.
 */
function checkBinary(protocol: Protocol): VFileMessage | null {
  const text = writeProtocol(protocol)
  const at = text.indexOf('\u0000')
  if (at < 0) return null
  const reason = 'The file contains a NUL byte (binary data) here; remove it (a protocol is plain text, saved as UTF-8)'
  return problem(reason, placeOf(text, at), 'not-text')
}

/** The 1-based line and column of an offset in a file's text; a byte order mark takes no column. */
function placeOf(text: string, offset: number): { line: number; column: number } {
  const lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1
  const skipped = lineStart === 0 ? bomLength(text) : 0
  return { line: countNewlines(text.slice(0, lineStart)) + 1, column: offset - lineStart - skipped + 1 }
}

/** A protocol edited and saved in another encoding: one error, at the first character that did not decode. */
function checkEncoding(protocol: Protocol): VFileMessage[] {
  const parts = [
    { text: protocol.frontMatter.raw, line: 1, column: 1 },
    ...protocol.all.map((clause) => ({ text: clause.source, line: clause.position.start.line, column: clause.position.start.column }))
  ]
  for (const part of parts) {
    const at = part.text.indexOf('\uFFFD')
    if (at < 0) continue
    const { line, column } = placeAt(part.text, at, part)
    const reason = 'This character could not be read: the file is not UTF-8 (often a curly quote or dash saved as Windows text); save it as UTF-8, then put the character back'
    return [problem(reason, { line, column }, 'not-utf8')]
  }
  return []
}

function checkFrontMatter(protocol: Protocol, slug: string | undefined): VFileMessage[] {
  const { frontMatter } = protocol
  if (protocol.messages.some((message) => message.ruleId === 'front-matter')) return []
  if (frontMatter.raw === '') {
    const reason = 'Missing front matter: start the file with `---`, `title: …`, `slug: …`, `---`'
    return [problem(reason, { line: 1, column: 1 }, 'front-matter')]
  }
  const messages: VFileMessage[] = []
  const lineOf = (key: string): number => {
    const index = frontMatter.raw.split('\n').findIndex((line) => line.startsWith(`${key}:`))
    return index >= 0 ? index + 1 : 1
  }
  for (const key of ['title', 'slug']) {
    const value = frontMatter.data[key]
    if (typeof value !== 'string' || value.trim() === '') {
      messages.push(problem(`Front matter has no \`${key}\`; add a line \`${key}: …\``, { line: 1, column: 1 }, 'front-matter'))
    }
  }
  for (const [key, value] of Object.entries(frontMatter.data)) {
    if (!FRONT_MATTER_KEYS.has(key)) {
      const known = [...FRONT_MATTER_KEYS].map((name) => `\`${name}\``).join(', ')
      const reason = `Unknown front matter key \`${key}\`; expected one of ${known}`
      messages.push(problem(reason, { line: lineOf(key), column: 1 }, 'front-matter', 'warning'))
    } else if (key === 'applied') {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        const reason = 'Front matter `applied` must be a list of motion IDs, one `  - cwg-2017-04-25` line each'
        messages.push(problem(reason, { line: lineOf(key), column: 1 }, 'front-matter'))
      }
    } else if (typeof value !== 'string') {
      const reason = `Front matter \`${key}\` must be text on one line, such as \`${key}: …\``
      messages.push(problem(reason, { line: lineOf(key), column: 1 }, 'front-matter'))
    }
  }
  const declared = frontMatter.data['slug']
  if (typeof declared === 'string' && slug !== undefined && declared !== slug) {
    const reason = `Front matter says \`slug: ${declared}\` but the file is \`${slug}.md\`; make them the same`
    messages.push(problem(reason, { line: lineOf('slug'), column: 1 }, 'slug-mismatch'))
  }
  return messages
}

function checkClauseIds(protocol: Protocol): VFileMessage[] {
  const messages: VFileMessage[] = []
  const seen = new Map<string, Clause>()
  const taken = new Set(protocol.all.map((clause) => clause.id))
  for (const clause of protocol.all) {
    const place = anchorPlace(clause)
    if (clause.id === '') {
      const suggestion = newClauseId({ number: clause.number, words: clause.title, heading: true }, taken)
      taken.add(suggestion)
      const reason = `Heading has no clause ID; put an anchor after the \`#\`s, such as \`<a id="${suggestion}"></a>\``
      messages.push(problem(reason, place, 'missing-clause-id'))
      continue
    }
    if (!isClauseId(clause.id)) {
      const reason = `Clause ID \`${clause.id}\` is not valid; use lowercase letters, digits and hyphens, such as \`c3-9\``
      messages.push(problem(reason, place, 'invalid-clause-id'))
    }
    const first = seen.get(clause.id)
    if (first) {
      const at = `${first.position.start.line}:${anchorPlace(first).column}`
      const reason = `Duplicate clause ID \`${clause.id}\`, first defined at ${at}; give this clause an ID not used before`
      messages.push(problem(reason, place, 'duplicate-clause-id'))
    } else {
      seen.set(clause.id, clause)
    }
    messages.push(...strayAnchors(clause))
  }
  return messages
}

/**
 * An ID anchor inside a clause's text, not at its start: a second ID the clause cannot have (text pasted with
 * its anchor, `7.4 <a id="c1-1"></a>7.4 …`), which a link to that ID would jump to.
 */
function strayAnchors(clause: Clause): VFileMessage[] {
  const messages: VFileMessage[] = []
  const first = /^(?:#{1,6}[ \t]+)?<a id="[^"]*"><\/a>/.exec(clause.source)?.[0].length ?? 0
  for (const match of clause.source.slice(first).matchAll(/<a id="([^"]*)"><\/a>/g)) {
    const offset = first + (match.index ?? 0)
    const { line, column } = placeAt(clause.source, offset, clause.position.start)
    const reason = `Clause ID anchor \`${match[1] ?? ''}\` inside the text of ${clause.number || clause.id}; a clause has one ID, at the start of its first line: remove this anchor`
    messages.push(problem(reason, { line, column }, 'stray-anchor'))
  }
  return messages
}

function checkNumbers(protocol: Protocol): VFileMessage[] {
  const messages: VFileMessage[] = []
  for (const siblings of siblingGroups(protocol)) {
    const byKey = new Map<string, Clause>()
    const previousInSeries = new Map<string, Clause>()
    for (const clause of siblings) {
      if (clause.number === '') continue
      // "PART 3" and "3" are two series (parts, and the sections inside them), not one number twice.
      const series = unitPrefix(clause.number).trim().toLowerCase()
      const previous = previousInSeries.get(series)
      const key = `${clause.kind}:${series}:${numberKey(clause.number)}`
      const first = byKey.get(key)
      const place = numberPlace(clause)
      if (first) {
        const reason = `Duplicate number ${clause.number} at this level, first used at ${first.position.start.line}:${numberPlace(first).column}; renumber one of them`
        messages.push(problem(reason, place, 'duplicate-number'))
      } else {
        byKey.set(key, clause)
      }
      if (previous && previous.kind === clause.kind && !first && !isNextNumber(previous.number, clause.number)) {
        const reason = `Number ${clause.number} follows ${previous.number}; kept as written (a motion can renumber it)`
        messages.push(problem(reason, place, 'unexpected-number', 'warning'))
      } else if (!previous && opensSectionOddly(clause)) {
        const reason = `Number ${clause.number} opens section ${numberKey(clause.parent?.number ?? '')}; kept as written (a motion can renumber it)`
        messages.push(problem(reason, place, 'unexpected-number', 'warning'))
      }
      previousInSeries.set(series, clause)
    }
  }
  return messages
}

/** 9.2 as the first numbered clause under heading 9. (a section that should open with 9.1). */
function opensSectionOddly(clause: Clause): boolean {
  const section = clause.parent ? numberKey(clause.parent.number) : ''
  const own = numberKey(clause.number)
  return /^\d+(?:\.\d+)*$/.test(section) && own.startsWith(`${section}.`) && !isFirstNumber(clause.number)
}

function* siblingGroups(protocol: Protocol): Generator<Clause[]> {
  yield protocol.clauses
  for (const clause of protocol.all) if (clause.children.length > 0) yield clause.children
}

function checkCrossReferences(protocol: Protocol): VFileMessage[] {
  const messages: VFileMessage[] = []
  const byId = new Map(protocol.all.map((clause) => [clause.id, clause]))
  for (const clause of protocol.all) {
    for (const reference of findCrossReferences(clause)) {
      const target = byId.get(reference.id)
      if (!target) {
        const reason = `Cross-reference to unknown clause \`${reference.id}\`; link to an existing clause ID, such as \`[7.2](#c7-2)\``
        messages.push(problem(reason, reference.place, 'broken-reference'))
      } else if (reference.number !== '' && numberKey(reference.number) !== numberKey(target.number)) {
        const reason = `Cross-reference says ${reference.number} but clause \`${target.id}\` is numbered ${target.number || '(unnumbered)'}; change the link text to ${target.number}`
        messages.push(problem(reason, reference.place, 'stale-reference', 'warning'))
      }
    }
  }
  return messages
}

function anchorPlace(clause: Clause): { line: number; column: number } {
  const hashes = clause.kind === 'heading' ? (/^#{1,6}[ \t]*/.exec(clause.source)?.[0].length ?? 0) : 0
  return { line: clause.position.start.line, column: hashes + 1 }
}

function numberPlace(clause: Clause): { line: number; column: number } {
  const firstLine = clause.source.split('\n', 1)[0] ?? ''
  const column = firstLine.indexOf(clause.number)
  return { line: clause.position.start.line, column: column + 1 }
}
