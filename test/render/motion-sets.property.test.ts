import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fc, test } from '@fast-check/vitest'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect } from 'vitest'
import { buildChangeSet, type ChangeSet } from '../../src/core/diff/change-set.js'
import { readDiffDocument } from '../../src/core/diff/diff-document.js'
import { type ChangeSentence, describeClauses } from '../../src/core/diff/describe-changes.js'
import { applyMotions, type ApplyResult, type MotionInput } from '../../src/core/motion/apply-motions.js'
import { parseMotion } from '../../src/core/motion/parse-motion.js'
import { parseProtocol } from '../../src/core/protocol/parse-protocol.js'
import type { Clause } from '../../src/core/protocol/types.js'
import { renderDocxDiff } from '../../src/core/render/render-docx-diff.js'
import { renderHtmlClauses } from '../../src/core/render/render-html-diff.js'
import { renderMarkdownDiff } from '../../src/core/render/render-markdown-diff.js'
import { repoRoot } from '../helpers/run-cli.js'
import { resolveMarks } from '../helpers/markdown-marks.js'

// Issue 18, the oracle: motion sets generated on the example protocols — every operation, moves both ways,
// replacements, lost and withdrawn motions, amendments to amendments — and for each set, accepting every change
// of the Markdown, the Word revisions (read back from document.xml) and the HTML gives the new text's words, and
// rejecting every change the old text's; and every sentence said about a motion names the clause it names. The
// oracle is the input texts (their words, read without keeling) and the motions as written.

/** A text's words as a reader has them, from its Markdown alone: no front matter, anchors, link targets or line marks. */
function wordsOf(markdown: string): string {
  return markdown
    .replace(/^\uFEFF?---\n[\s\S]*?\n---\n/, '')
    .replace(/<a id="[^"]*"><\/a>/g, '')
    .replace(/\[([^\]]*)\]\(#[^)]*\)/g, '$1')
    .replace(/^[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|>[ \t]?)/gm, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The words as a page shows them: the text's own strike-through (`~~`) and a table's pipes and rule are formatting there, not words. */
function shownWords(markdown: string): string {
  return wordsOf(markdown.replace(/^\|(?:\s*:?-+:?\s*\|)+\s*$/gm, '').replace(/^\|(.*)\|[ \t]*$/gm, (_, cells: string) => cells.replace(/\|/g, ' '))).replace(/~~/g, '')
}

/** A Word document's text after Accept All (or Reject All): the runs of the other side go. */
function wordText(xml: string, side: 'accept' | 'reject'): string {
  const gone = side === 'accept' ? 'del' : 'ins'
  const body = xml.replace(new RegExp(`<w:${gone} [^>]*[^/]>[\\s\\S]*?</w:${gone}>`, 'g'), '')
  const runs = body.match(/<(?:w:t|w:delText)(?: [^>]*)?>[^<]*<\/(?:w:t|w:delText)>|<\/w:p>|<w:tab\/>/g) ?? []
  return decode(runs.map((run) => (run === '</w:p>' || run === '<w:tab/>' ? ' ' : run.replace(/<[^>]+>/g, ''))).join('')).replace(/•/g, ' ').replace(/\s+/g, ' ').trim()
}

/** The HTML appendix's text after accepting (or rejecting) every change: notes of moves and references go. */
function htmlText(html: string, side: 'accept' | 'reject'): string {
  const gone = side === 'accept' ? 'del' : 'ins'
  return decode(
    html
      .replace(/<p class="note">[\s\S]*?<\/p>/g, '')
      .replace(/<sup class="ref">[\s\S]*?<\/sup>/g, '')
      .replace(new RegExp(`<${gone}>[\\s\\S]*?</${gone}>`, 'g'), '')
      .replace(/<\/(?:p|li|h\d|td|th)>/g, ' ')
      .replace(/<[^>]+>/g, '')
  )
    .replace(/\s+/g, ' ')
    .trim()
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&')
}

/** One generated instruction, with what a report must say about it. */
interface Generated {
  body: string
  /** What a sentence about it must contain, and the clause number it must name. */
  says: { number: string; text: string }
  /** The words it puts in, for an amendment to change. */
  inserts?: string
}

const NEW_WORDS = ['in writing', 'promptly', 'the Town Clerk', 'with care & <b>courtesy</b>', 'where ~~possible~~ practicable', 'Members and officers']

/** The numbered paragraphs of a protocol a motion can cite, with their visible words. */
function candidates(text: string): Array<{ clause: Clause; words: string[]; visible: string }> {
  return parseProtocol(text)
    .all.filter((clause) => clause.kind === 'paragraph' && clause.number !== '' && !clause.source.includes('\n\n') && !/[[<>|*_~`]/.test(clause.source.replace(/^<a id="[^"]*"><\/a>/, '')))
    .map((clause) => {
      const visible = clause.source.replace(/^<a id="[^"]*"><\/a>/, '').slice(clause.number.length).trim()
      return { clause, visible, words: visible.split(/\s+/).filter(Boolean) }
    })
    .filter((entry) => entry.words.length >= 8)
}

function occursOnce(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return (text.match(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu')) ?? []).length === 1
}

/** A phrase of `length` words from `start` that occurs once and has no quote or stop inside, or undefined. */
function phraseOf(entry: { words: string[]; visible: string }, start: number, length: number): string | undefined {
  const phrase = entry.words.slice(start, start + length).join(' ')
  if (!/^[\p{L}\p{N}]/u.test(phrase) || !/[\p{L}\p{N}]$/u.test(phrase) || /["“”'’.;:,]/.test(phrase)) return undefined
  return occursOnce(entry.visible, phrase) ? phrase : undefined
}

/** An instruction of one kind on the paragraph `at` (another paragraph `other` for moves), or undefined when it cannot be written. */
function instruction(text: string, kind: number, at: number, other: number, pick: number): Generated | undefined {
  const all = candidates(text)
  const entry = all[at % all.length]
  const target = all[other % all.length]
  if (!entry || !target) return undefined
  const number = entry.clause.number
  const words = NEW_WORDS[pick % NEW_WORDS.length] ?? 'promptly'
  const phrase = phraseOf(entry, 1 + (pick % Math.max(1, entry.words.length - 4)), 1 + (pick % 3))
  switch (kind % 8) {
    case 0:
      // Words put in that keep the words left out are an addition, and said so: not this case.
      if (phrase && words.toLowerCase().split(/\s+/).some((word) => phrase.toLowerCase().split(/\s+/).includes(word))) return undefined
      return phrase ? { body: `In paragraph ${number}, leave out "${phrase}" and insert "${words}".`, says: { number, text: words }, inserts: words } : undefined
    case 1:
      return phrase ? { body: `In paragraph ${number}, leave out "${phrase}".`, says: { number, text: phrase } } : undefined
    case 2:
      return phrase ? { body: `In paragraph ${number}, after "${phrase}" insert "${words}".`, says: { number, text: words }, inserts: words } : undefined
    case 3:
      return { body: `In paragraph ${number}, at the end insert "${words}".`, says: { number, text: words }, inserts: words }
    case 4:
      return { body: `Leave out paragraph ${number}.`, says: { number, text: `leaves out paragraph ${number}` } }
    case 5:
      return { body: `After paragraph ${number} insert the new paragraph:\n\n   > Members shall act ${words}.`, says: { number: '', text: 'inserts a new paragraph' } }
    case 6:
      return { body: `Leave out paragraph ${number} and insert:\n\n   > Members shall act ${words}.`, says: { number, text: `leaves out paragraph ${number} and inserts a new paragraph` } }
    default: {
      // A clause moved to follow itself, or the clause it already follows, is not a move.
      const order = parseProtocol(text).all
      if (target.clause.id === entry.clause.id || order[order.findIndex((clause) => clause.id === entry.clause.id) - 1]?.id === target.clause.id) return undefined
      return { body: `Move paragraph ${number} to follow paragraph ${target.clause.number}.`, says: { number, text: `moves paragraph ${number} to follow paragraph ${target.clause.number}` } }
    }
  }
}

function motionInput(id: string, body: string, amends = ''): MotionInput {
  const text = `---\ntitle: Motion ${id}\nmover: Cllr ${id}\n${amends ? `amends: ${amends}\n` : ''}---\n\n1. ${body}\n`
  return { motion: parseMotion(text, id, 'p'), text, name: `${id}.md` }
}

/** The change set of motions applied to `text`, told what the motions did, as report and paper build it. */
function changeSetOf(text: string, result: Extract<ApplyResult, { text: string }>): ChangeSet {
  return buildChangeSet(readDiffDocument(text), readDiffDocument(result.text), { before: 'before', after: 'after' }, result)
}

async function documentXml(changeSet: ChangeSet): Promise<string> {
  return strFromU8(unzipSync(await renderDocxDiff(changeSet, { date: '2025-03-12T00:00:00Z' }))['word/document.xml'] ?? new Uint8Array())
}

const PROTOCOLS = ['uttlesford', 'town-council', 'section-21', 'oadby-wigston']
const motion = fc.record({ kind: fc.nat(7), at: fc.nat(200), other: fc.nat(200), pick: fc.nat(50), outcome: fc.constantFrom('carried', 'carried', 'lost', 'withdrawn'), amended: fc.boolean() })

describe('issue 18: generated motion sets on the example protocols', () => {
  for (const slug of PROTOCOLS) {
    const text = readFileSync(join(repoRoot, 'protocols', `${slug}.md`), 'utf8')
    test.prop([fc.array(motion, { minLength: 1, maxLength: 4 })], { numRuns: 12 })(`${slug}: accept-all and reject-all of Markdown, Word and HTML give the two texts; sentences name the motion’s clause`, async (specs) => {
      const generated = specs.map((spec) => ({ spec, made: instruction(text, spec.kind, spec.at, spec.other, spec.pick) }))
      const inputs: MotionInput[] = []
      const carried: MotionInput[] = []
      generated.forEach(({ spec, made }, index) => {
        if (!made) return
        const input = motionInput(`m${index + 1}`, made.body)
        inputs.push(input)
        if (spec.outcome !== 'carried') return
        carried.push(input)
        // An amendment to the amendment: the words it puts in, put another way.
        if (spec.amended && made.inserts) carried.push(motionInput(`m${index + 1}-a`, `In motion m${index + 1}, leave out "${made.inserts}" and insert "with proper notice".`, `m${index + 1}`))
      })
      const result = applyMotions(text, carried)
      fc.pre(!('problems' in result) && carried.length > 0)
      if ('problems' in result) return
      const changeSet = changeSetOf(text, result)
      const [before, after] = [wordsOf(text), wordsOf(result.text)]
      const markdown = renderMarkdownDiff(changeSet)
      expect(wordsOf(resolveMarks(markdown, 'accept')), 'Markdown accept-all').toBe(after)
      expect(wordsOf(resolveMarks(markdown, 'reject')), 'Markdown reject-all').toBe(before)
      const title = String(parseProtocol(text).frontMatter.data['title'] ?? '')
      const xml = await documentXml(changeSet)
      const [shownBefore, shownAfter] = [shownWords(text), shownWords(result.text)]
      expect(wordText(xml, 'accept'), 'Word accept-all').toBe(`${title} ${shownAfter}`.trim())
      expect(wordText(xml, 'reject'), 'Word reject-all').toBe(`${title} ${shownBefore}`.trim())
      const { clauses } = renderHtmlClauses(changeSet)
      expect(htmlText(clauses, 'accept'), 'HTML accept-all').toBe(shownAfter)
      expect(htmlText(clauses, 'reject'), 'HTML reject-all').toBe(shownBefore)
      // Every motion, carried or not, said as the paper says it (alone, against the text it was moved on).
      for (const { made } of generated) {
        if (!made) continue
        const alone = applyMotions(text, [motionInput('alone', made.body)])
        if ('problems' in alone) continue
        const sentences = describeClauses(changeSetOf(text, alone).clauses)
        const said = (sentence: ChangeSentence): string => `${sentence.place} ${sentence.action}`
        expect(sentences.some((sentence) => said(sentence).includes(made.says.text) && (made.says.number === '' || said(sentence).includes(`paragraph ${made.says.number}`))), `${made.body} → ${sentences.map(said).join(' | ')}`).toBe(true)
      }
    })
  }
})
