import { hasCritic, readCritic } from '../../import/read-critic.js'
import { fileKind, readDocument } from '../../import/read-document.js'
import { resolveTracked } from '../../import/resolve-tracked.js'
import { slugify } from '../../protocol/clause-id.js'
import { draftMotion, type DraftMeta, type DraftProblem, type MotionStyle } from './draft-motion.js'
import { partsFrom, sameWords, transplant } from './transplant.js'

/** A motion drafted from a marked document: its ID, mover and file text. */
export interface DraftedFromDocument {
  id: string
  mover: string
  text: string
  instructions: number
}

type Drafted = { motions: DraftedFromDocument[] } | { problems: DraftProblem[] }

/**
 * The motion a marked-up text makes — CriticMarkup (`{--old--}{++new++}`,
 * `{~~old~>new~~}`, comments `{>>…<<}`) or a Keeling schedule's ~~struck~~
 * and <u>underlined</u> words — drafted against the protocol. The text with
 * every change rejected must read as the protocol, word for word, or nothing
 * is drafted and the first place they part is named.
 *
 * @param protocolText the protocol (the version the marked text was made from)
 * @param marked the marked-up text
 */
export function draftFromTracked(protocolText: string, marked: string, meta: DraftMeta, style: MotionStyle): Drafted {
  let before: string
  let after: string
  let notes: string[] = []
  // A mark opened and never closed is CriticMarkup too, read to say where.
  if (hasCritic(marked) || /\{(?:\+\+|--|~~)/.test(marked)) {
    const read = readCritic(marked)
    if ('failure' in read) return { problems: [{ reason: read.failure.reason, line: read.failure.line ?? 1, column: read.failure.column }] }
    before = read.before
    after = read.after
    notes = read.comments.map((comment) => `Comment (line ${comment.line}): ${comment.text}`)
  } else if (/~~[^~\n]+~~|<u>[^<\n]*<\/u>/.test(marked)) {
    const lines = marked.split('\n').map((text, index) => ({ line: index + 1, text }))
    const side = (which: 'before' | 'after'): string | DraftProblem => {
      const resolved = resolveTracked(lines, which, [])
      return 'failure' in resolved ? { reason: resolved.failure.reason } : resolved.lines.map((line) => line.text).join('\n')
    }
    const old = side('before')
    const now = side('after')
    if (typeof old !== 'string') return { problems: [old] }
    if (typeof now !== 'string') return { problems: [now] }
    before = old
    after = now
  } else {
    return { problems: [{ reason: 'the text marks no changes: no CriticMarkup ({++…++}, {--…--}, {~~…~>…~~}) and no ~~struck~~ or <u>underlined</u> words' }] }
  }
  const parted = partsFrom(protocolText, before)
  if (parted) return { problems: [{ reason: `the text with its changes rejected is not the protocol's text: ${parted}` }] }
  const carried = carryOver(protocolText, before, after)
  if (typeof carried !== 'string') return { problems: [carried] }
  const drafted = draftMotion(protocolText, carried, { ...meta, ...(notes.length > 0 ? { notes } : {}) }, style)
  return 'problems' in drafted ? drafted : { motions: [{ id: meta.id, mover: meta.mover, text: drafted.text, instructions: drafted.instructions }] }
}

/**
 * The motions a Word redline makes — a document with tracked changes made in
 * Word or LibreOffice from a text of the protocol: one motion per author (the
 * author its mover, the date of their revisions its `tabled: date`, their
 * comments kept as notes), or one in all. The document read with every
 * change rejected must read as the protocol, word for word, or nothing is
 * drafted and the first place they part is named.
 *
 * @param meta.mover the mover of the one motion (`one`); per author, the author
 */
export async function draftFromRedline(protocolText: string, bytes: Uint8Array, meta: DraftMeta, style: MotionStyle, one: boolean): Promise<Drafted> {
  if (fileKind(bytes) !== 'zip') {
    return { problems: [{ reason: 'this is not a Word document (.docx): a redline is a .docx with tracked changes; for a marked-up text use `keeling motion from-tracked`, for an edited copy `keeling motion from`' }] }
  }
  const { readDocxRevisions } = await import('../../import/docx/read-docx.js')
  const revisions = readDocxRevisions(bytes)
  if ('failure' in revisions) return { problems: [{ reason: revisions.failure.reason }] }
  if (revisions.authors.length === 0) return { problems: [{ reason: 'the Word document has no tracked changes; make the changes with Track Changes on, or import the text and use `keeling motion from`' }] }
  const view = async (accept: (revision: { author: string }) => boolean): Promise<string | DraftProblem> => {
    const read = await readDocument(bytes, { acceptChanges: false, accept })
    return 'failure' in read ? { reason: read.failure.reason } : read.text
  }
  const before = await view(() => false)
  if (typeof before !== 'string') return { problems: [before] }
  const parted = partsFrom(protocolText, before)
  if (parted) return { problems: [{ reason: `the document with its changes rejected is not the protocol's text: ${parted}; a redline must be made from the version it amends` }] }
  const groups = one ? [{ names: revisions.authors.map((author) => author.name), mover: meta.mover, id: meta.id }] : revisions.authors.map((author) => ({ names: [author.name], mover: author.name || meta.mover, id: `${meta.id}-${slugify(author.name) || 'unknown'}` }))
  const motions: DraftedFromDocument[] = []
  const problems: DraftProblem[] = []
  for (const group of groups) {
    const after = await view((revision) => group.names.includes(revision.author))
    if (typeof after !== 'string') return { problems: [after] }
    const dates = revisions.authors.filter((author) => group.names.includes(author.name)).flatMap((author) => author.dates).sort()
    const notes = revisions.comments.filter((comment) => one || group.names.includes(comment.author)).map((comment) => `Comment by ${comment.author || 'an unnamed reviewer'}${comment.date ? ` (${comment.date})` : ''}: ${comment.text}`)
    const tabled = dates[0] ? { ...meta.tabled, date: dates[0] } : meta.tabled
    const carried = carryOver(protocolText, before, after)
    if (typeof carried !== 'string') {
      problems.push({ reason: `${group.names.join(', ') || 'the changes'}: ${carried.reason}` })
      continue
    }
    const drafted = draftMotion(protocolText, carried, { ...meta, id: group.id, mover: group.mover, ...(tabled ? { tabled } : {}), ...(notes.length > 0 ? { notes } : {}) }, style)
    if ('problems' in drafted) problems.push(...drafted.problems.map((problem) => ({ ...problem, reason: `${group.names.join(', ') || 'the changes'}: ${problem.reason}` })))
    else motions.push({ id: group.id, mover: group.mover, text: drafted.text, instructions: drafted.instructions })
  }
  return problems.length > 0 ? { problems } : { motions }
}

/**
 * The protocol's text with a document's changes made, checked word for word against the document's new text:
 * a change that did not carry over (a paragraph lost at a join, say) stops the draft rather than going missing.
 */
function carryOver(protocolText: string, before: string, after: string): string | DraftProblem {
  const carried = transplant(protocolText, before, after)
  const parted = sameWords(carried, after)
  return parted ? { reason: `the document's changes could not be carried over to the protocol's text exactly: ${parted}` } : carried
}
