import type { VFileMessage } from 'vfile-message'
import { noteParse } from '../parse-observer.js'
import { problem } from '../problem.js'
import { parseFrontMatter } from '../protocol/parse-front-matter.js'
import { isMotionId, isSlug } from '../slug.js'
import { countNewlines } from '../text-lines.js'
import { readInstruction } from './read-instruction.js'
import type { Instruction, Motion } from './types.js'

const ITEM = /^( {0,3})(\d+)[.)][ \t]+(.*)$/
const QUOTE = /^[ \t]*>[ \t]?(.*)$/
const KEYS = new Set(['title', 'mover', 'seconder', 'protocol', 'base', 'amends', 'tabled'])

/**
 * Read a motion file: YAML front matter (title, mover, seconder, protocol,
 * base, amends, tabled) and a numbered list of instructions, each perhaps
 * followed by a block quote of new text.
 *
 * @param text the file
 * @param id the motion's ID (its file name without `.md`)
 * @param folder the protocol its folder names (`amendments/<slug>/`), the default for `protocol`
 * @returns the motion; problems are in `messages`, instructions that could not be read are left out
 */
export function parseMotion(text: string, id: string, folder: string): Motion {
  noteParse('motion', text)
  const unreadable = unreadableText(text)
  if (unreadable) {
    return { id, title: '', mover: '', seconder: '', protocol: folder, base: '', amends: '', tabled: { body: '', meeting: '', date: '' }, instructions: [], messages: [unreadable] }
  }
  const { frontMatter, bodyStart, messages } = parseFrontMatter(text)
  const data = frontMatter.data
  const field = (key: string): string => (typeof data[key] === 'string' ? (data[key] as string).trim() : '')
  const tabled = (typeof data['tabled'] === 'object' && data['tabled'] !== null ? data['tabled'] : {}) as Record<string, unknown>
  const tabledField = (key: string): string => (typeof tabled[key] === 'string' ? (tabled[key] as string) : '')
  if (frontMatter.raw === '' && messages.length === 0) {
    messages.push(problem('Missing front matter: start the motion with `---`, `title: …`, `mover: …`, `---`', { line: 1, column: 1 }, 'front-matter'))
  } else if (messages.length === 0) {
    for (const key of ['title', 'mover']) {
      if (field(key) === '') messages.push(problem(`Motion has no \`${key}\`; add a line \`${key}: …\` to its front matter`, { line: 1, column: 1 }, 'front-matter'))
    }
    for (const key of Object.keys(data)) {
      if (!KEYS.has(key)) {
        const reason = `Unknown front matter key \`${key}\`; expected one of ${[...KEYS].map((name) => `\`${name}\``).join(', ')}`
        messages.push(problem(reason, { line: 1, column: 1 }, 'front-matter', 'warning'))
      }
    }
  }
  // Names that become file paths are names, never paths: a motion cannot send keeling outside the project.
  const keyPlace = (key: string): { line: number; column: number } => {
    const index = frontMatter.raw.split('\n').findIndex((line) => line.startsWith(`${key}:`))
    return { line: index >= 0 ? index + 1 : 1, column: index >= 0 ? key.length + 3 : 1 }
  }
  if (field('protocol') !== '' && !isSlug(field('protocol'))) {
    const reason = `\`protocol: ${field('protocol')}\` is not a protocol slug; expected the name of a file in protocols/ without .md (lowercase letters, digits, hyphens), e.g. protocol: uttlesford`
    messages.push(problem(reason, keyPlace('protocol'), 'front-matter'))
  }
  if (field('amends') !== '' && !isMotionId(field('amends'))) {
    const reason = `\`amends: ${field('amends')}\` is not a motion ID; expected the file name of the motion it amends, beside it, without .md, e.g. amends: cwg-2017-04-25`
    messages.push(problem(reason, keyPlace('amends'), 'front-matter'))
  }
  const firstLine = countNewlines(frontMatter.raw) + 1
  const instructions = readInstructions(text.slice(bodyStart), firstLine, messages)
  if (instructions.length === 0 && !messages.some((message) => message.fatal)) {
    const reason = 'Motion has no instructions; write them as a numbered list: `1. In paragraph 7.2, leave out "X" and insert "Y".`'
    messages.push(problem(reason, { line: firstLine, column: 1 }, 'no-instructions'))
  }
  return {
    id,
    title: field('title'),
    mover: field('mover'),
    seconder: field('seconder'),
    protocol: isSlug(field('protocol')) ? field('protocol') : folder,
    base: field('base'),
    amends: isMotionId(field('amends')) ? field('amends') : '',
    tabled: { body: tabledField('body'), meeting: tabledField('meeting'), date: tabledField('date') },
    instructions,
    messages
  }
}

interface Draft {
  text: string
  line: number
  column: number
  quote: string[] | null
  /** A paragraph of a motion without a numbered list. */
  unnumbered?: boolean
  /** Whether `quote` is new text printed without quotes or `>` after a dash ("and insert— (4) …"). */
  bare?: boolean
}

/** The number a new paragraph opens with: "(4)", "(4A)", "3.2", "6.", "b)". */
const CLAUSE_LABEL = /^\s*(?:\(\w{1,5}\)|\d+[A-Z]?(?:\.\d+[A-Z]?)*[.)]?|[a-z][.)])\s+\S/

/**
 * Whether a line is new text printed bare on the line after an instruction that ends "insert—", "and add—",
 * "substitute:", "to read:" — only when the line opens with a paragraph's number, as new paragraphs do.
 */
function opensBareText(instruction: string, line: string): boolean {
  if (/^\s*["“‘']/.test(line)) return false
  const text = instruction.trim()
  // "… and insert—", "… insert paragraph:" then a numbered paragraph; "… add 2.1(4):", "… insert the following:" then any paragraph.
  if (/(?:insert|substitute|add|read|follows|following|paragraphs?|items?|orders?|clauses?|sections?)\s*(?:[—–:]|--)\s*$/i.test(text) && CLAUSE_LABEL.test(line)) return true
  // "… the following be added as Article 17.6 of the Bylaws:" then the numbered paragraph.
  if (/(?:added|inserted)\s+as\s+(?:a\s+)?(?:new\s+)?(?:[a-z]+\s+)?(?:[A-Z]\.)?\d[\w.()]*(?:\s+of\s+(?:the|these|this|our)\s+[\p{L}\s-]+)?\s*(?:[—–:]|--)\s*$/iu.test(text) && CLAUSE_LABEL.test(line)) return true
  return /(?:(?:insert|substitute|add)(?:\s+(?:a\s+)?(?:new\s+)?(?:clause|section|paragraph|item|rule|article|standing order|sub-?section|sub-?paragraph))?\s+(?:[A-Z]\.)?\d[\w.()]*|the following|as follows|to read)\s*(?:[—–:]|--)\s*$/i.test(text)
}

function readInstructions(body: string, firstLine: number, messages: VFileMessage[]): Instruction[] {
  const drafts: Draft[] = []
  let comment = false
  let blank = false
  body.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '')
    const lineNumber = firstLine + index
    // HTML comments (the examples `motion new` writes) are notes, not instructions.
    if (comment || line.trimStart().startsWith('<!--')) {
      comment = !line.includes('-->')
      return
    }
    const current = drafts.at(-1)
    const bare = line.trim() !== '' && current !== undefined && (current.bare ? CLAUSE_LABEL.test(line) || !blank : current.quote === null && opensBareText(current.text, line))
    // "4. …" under "After A.1(5) add:" is new text, unless it is the next instruction's number.
    const listed = ITEM.exec(line)
    const item = listed && (!bare || (!current?.unnumbered && Number(listed[2]) === drafts.length + 1)) ? listed : null
    if (item) {
      drafts.push({ text: item[3] ?? '', line: lineNumber, column: (item[1]?.length ?? 0) + (item[2]?.length ?? 0) + 3, quote: null })
    } else if (QUOTE.test(line) && current) {
      current.quote = [...(current.quote ?? []), QUOTE.exec(line)?.[1] ?? '']
    } else if (bare && current) {
      // New text printed without quotes after "… and insert—", as Hansard and legislation print it: "(4) On all sitting days …".
      // A line that opens with a number starts a new paragraph of it; another line goes on with the one before.
      const label = CLAUSE_LABEL.test(line)
      current.quote = current.bare && !label ? [...(current.quote ?? []).slice(0, -1), `${current.quote?.at(-1) ?? ''} ${line.trim()}`] : [...(current.quote ?? []), ...(current.bare ? [''] : []), line.trim()]
      current.bare = true
    } else if (line.trim() !== '' && current && current.quote === null && (!(current.unnumbered && blank) || introducesText(current.text, line))) {
      current.text += ` ${line.trim()}`
    } else if (line.trim() !== '' && (drafts.length === 0 || drafts.every((draft) => draft.unnumbered))) {
      // A motion written as it is read out, without a numbered list: each paragraph is an instruction.
      drafts.push({ text: line.trim(), line: lineNumber, column: raw.length - raw.trimStart().length + 1, quote: null, unnumbered: true })
    } else if (line.trim() !== '') {
      const reason = 'Text outside the numbered list of instructions is not read; number it (`2. …`) or make it part of a block quote (`> …`)'
      messages.push(problem(reason, { line: lineNumber, column: 1 }, 'text-outside-instructions', 'warning'))
    }
    blank = line.trim() === ''
  })
  const instructions: Instruction[] = []
  drafts.forEach((draft, index) => {
    const read = readInstruction(draft.text, draft.quote ? quotedParagraphs(draft.quote) : null)
    if ('reason' in read) {
      const reason = `Instruction ${index + 1} (“${draft.text}”): ${read.reason}`
      messages.push(problem(reason, { line: draft.line, column: draft.column + read.at }, 'unknown-instruction'))
      return
    }
    read.forEach((operation, part) => {
      instructions.push({ operation, text: draft.text, line: draft.line, column: draft.column, index: index + 1, part: part + 1 })
    })
  })
  return instructions
}

/** A block quote's lines as paragraphs (split at blank quote lines). */
function quotedParagraphs(lines: string[]): string[] {
  return lines
    .join('\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
}

/**
 * A motion file that is not UTF-8 text, as one problem rather than a warning a line: binary (a NUL byte), or
 * text saved in another encoding (a character that did not decode, such as a curly quote saved as Windows-1252).
 */
function unreadableText(text: string): VFileMessage | null {
  if (text.includes('\u0000')) return problem('This is not a text file (binary); write the motion as plain text or Markdown, saved as UTF-8', { line: 1, column: 1 }, 'not-text')
  const at = text.indexOf('\uFFFD')
  if (at < 0) return null
  const before = text.slice(0, at).split('\n')
  const place = { line: before.length, column: (before.at(-1) ?? '').length + 1 }
  return problem('This character could not be read: the file is not UTF-8 (often a curly quote or dash saved as Windows text); save the motion as UTF-8 and check it again', place, 'not-text')
}

/**
 * Whether a line is the new text of the instruction before it, set apart by
 * a blank line as legislation prints it: "after sub-paragraph (c) insert—",
 * then "“(ca) state the date of the notice;”".
 */
function introducesText(instruction: string, line: string): boolean {
  return /(?:[—–:-]|insert|substitute|add|read|follows)\s*$/i.test(instruction.trim()) && /^\s*["“‘']/.test(line)
}
