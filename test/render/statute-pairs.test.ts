import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { buildChangeSet } from '../../src/core/diff/change-set.js'
import { readDiffDocument } from '../../src/core/diff/diff-document.js'
import { renderDocxDiff } from '../../src/core/render/render-docx-diff.js'
import { renderHtmlClauses } from '../../src/core/render/render-html-diff.js'
import { renderMarkdownDiff } from '../../src/core/render/render-markdown-diff.js'
import { diffArrays } from 'diff'
import { strFromU8, unzipSync } from 'fflate'
import { repoRoot } from '../helpers/run-cli.js'
import { plain, resolveMarks } from '../helpers/markdown-marks.js'
import { htmlText, markdownWords, readWords, wordDocumentText } from '../helpers/rendered-text.js'

/** The Markdown appendix between two texts, every change accepted and every change rejected. */
function resolved(before: string, after: string): { accepted: string; rejected: string; markdown: string } {
  const markdown = renderMarkdownDiff(buildChangeSet(readDiffDocument(before), readDiffDocument(after), { before: 'before', after: 'after' }))
  return { accepted: resolveMarks(markdown, 'accept'), rejected: resolveMarks(markdown, 'reject'), markdown }
}

// Issue 18, "Marks that do not give the texts back": the passages of the statute pairs (German federal law,
// ../shared/bench/pairs/) on which the Markdown appendix was not exact, as the texts have them.
/** A text unchanged gives `expected` (its words, read by hand) from the Markdown reader, the Word document and the HTML. */
async function expectWordsOf(text: string, expected: string[]): Promise<void> {
  const changeSet = buildChangeSet(readDiffDocument(text), readDiffDocument(text), { before: 'a', after: 'b' })
  const xml = strFromU8(unzipSync(await renderDocxDiff(changeSet, { date: '2025-01-01T00:00:00Z' }))['word/document.xml'] ?? new Uint8Array())
  expect(markdownWords(text)).toEqual(expected)
  expect(readWords(wordDocumentText(xml, 'accept'))).toEqual(expected)
  expect(readWords(htmlText(renderHtmlClauses(changeSet).clauses, 'accept'))).toEqual(expected)
}

/** Accept-all of the Word document and of the HTML gives `after`'s words, reject-all `before`'s. */
async function expectBothTexts(before: string, after: string): Promise<void> {
  const changeSet = buildChangeSet(readDiffDocument(before), readDiffDocument(after), { before: 'a', after: 'b' })
  const xml = strFromU8(unzipSync(await renderDocxDiff(changeSet, { date: '2025-01-01T00:00:00Z' }))['word/document.xml'] ?? new Uint8Array())
  const { clauses } = renderHtmlClauses(changeSet)
  for (const [side, text] of [['accept', after], ['reject', before]] as const) {
    expect(readWords(wordDocumentText(xml, side)), `Word ${side}`).toEqual(markdownWords(text))
    expect(readWords(htmlText(clauses, side)), `HTML ${side}`).toEqual(markdownWords(text))
  }
}

describe('issue 18: marks hold the numbers, so the Markdown appendix gives both statute texts back', () => {
  test('sgb5-png § 11: a list item replaced in place (“1.  (weggefallen)” → “1.  bei Schwangerschaft …”) reads “1.” once on each side', () => {
    const before = '#### § 11 Leistungsarten\n\n(1) Versicherte haben Anspruch auf\nLeistungen\n\n1.  (weggefallen)\n\n\n2.  zur Früherkennung von Krankheiten (§§ 25 und 26),\n'
    const after = '#### § 11 Leistungsarten\n\n(1) Versicherte haben Anspruch auf\nLeistungen\n\n1.  bei Schwangerschaft und Mutterschaft (§§ 24c bis 24i),\n\n\n2.  zur Früherkennung von Krankheiten (§§ 25 und 26),\n'
    const { accepted, rejected, markdown } = resolved(before, after)
    expect(markdown).toContain('~~1.  (weggefallen)~~')
    expect(accepted).toBe('#### § 11 Leistungsarten\n\n(1) Versicherte haben Anspruch auf\nLeistungen\n\n1. bei Schwangerschaft und Mutterschaft (§§ 24c bis 24i),\n\n2. zur Früherkennung von Krankheiten (§§ 25 und 26),\n')
    expect(rejected).toBe('#### § 11 Leistungsarten\n\n(1) Versicherte haben Anspruch auf\nLeistungen\n\n1. (weggefallen)\n\n2. zur Früherkennung von Krankheiten (§§ 25 und 26),\n')
  })

  test('sgb5-png § 11(6): a wrapped line that happens to open with “38)” is words of the paragraph, marked with them', () => {
    const before = '(6) Die Krankenkasse kann zusätzliche Leistungen im Bereich der Haushaltshilfe (§\n38) vorsehen.\n'
    const after = '(6) Die Krankenkasse kann in ihrer Satzung zusätzliche Leistungen im Bereich der häuslichen Krankenpflege (§ 37) und der\nHaushaltshilfe (§\n38) sowie Leistungen von nicht zugelassenen Leistungserbringern vorsehen.\n'
    const { accepted, rejected } = resolved(before, after)
    expect(accepted).toBe(plain(after))
    expect(rejected).toBe(plain(before))
  })

  test('bgb: a heading whose level changed keeps each level on its own side; a lone “-” left out is struck', () => {
    const before = '##### (XXXX) §§ 611a und 611b (weggefallen)\n\n###### § 361 (weggefallen)\n\n-\n\n###### § 612 Vergütung\n\n(1) Eine Vergütung gilt als stillschweigend vereinbart.\n'
    const after = '###### § 611b (weggefallen)\n\n###### § 612 Vergütung\n\n(1) Eine Vergütung gilt als stillschweigend vereinbart.\n'
    const { accepted, rejected } = resolved(before, after)
    expect(accepted).toBe('###### § 611b (weggefallen)\n\n###### § 612 Vergütung\n\n(1) Eine Vergütung gilt als stillschweigend vereinbart.\n')
    expect(rejected).toBe('##### (XXXX) §§ 611a und 611b (weggefallen)\n\n###### § 361 (weggefallen)\n\n-\n\n###### § 612 Vergütung\n\n(1) Eine Vergütung gilt als stillschweigend vereinbart.\n')
  })

  test('Word: a line break inside words put in (a statute wraps its lines) is a space between them, not a paragraph mark', async () => {
    const before = 'Die Personensorge umfasst das Recht.\n\nAbsatz zwei.\n'
    const after = 'Die Personensorge umfasst auch das Recht, in eine medizinisch\nnicht erforderliche Beschneidung einzuwilligen.\n\nAbsatz zwei.\n'
    const changeSet = buildChangeSet(readDiffDocument(before), readDiffDocument(after), { before: 'a', after: 'b' })
    const xml = strFromU8(unzipSync(await renderDocxDiff(changeSet, { date: '2025-01-01T00:00:00Z' }))['word/document.xml'] ?? new Uint8Array())
    // No paragraph mark is put in or left out: the two paragraphs stay two, on either side.
    expect(xml).not.toMatch(/<w:rPr><w:(?:ins|del) /)
    expect(xml).not.toContain('<w:br/>')
    const side = (gone: 'ins' | 'del'): string[] =>
      (xml.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? []).map((paragraph) =>
        (paragraph.replace(new RegExp(`<w:${gone} [^>]*[^/]>[\\s\\S]*?</w:${gone}>`, 'g'), '').match(/<(?:w:t|w:delText)(?: [^>]*)?>[^<]*</g) ?? []).map((run) => run.replace(/<[^>]*>|<$/g, '')).join('')
      )
    expect(side('del')).toEqual(['Die Personensorge umfasst auch das Recht, in eine medizinisch nicht erforderliche Beschneidung einzuwilligen.', 'Absatz zwei.'])
    expect(side('ins')).toEqual(['Die Personensorge umfasst das Recht.', 'Absatz zwei.'])
    // sgb5-png § 11(6): lines rewrapped by an amendment, a break where a space was and a space where a break was.
    const old = '(6) Rehabilitation (§§ 23, 40), der künstlichen Befruchtung (§ 27a), der\nzahnärztlichen Behandlung ohne die Versorgung mit Zahnersatz.\n'
    const now = '(6) Rehabilitation (§§ 23, 40), der Leistungen von Hebammen bei\nSchwangerschaft (§ 24d), der künstlichen Befruchtung\n(§ 27a), der zahnärztlichen Behandlung ohne die Versorgung mit\nZahnersatz.\n'
    const rewrapped = strFromU8(unzipSync(await renderDocxDiff(buildChangeSet(readDiffDocument(old), readDiffDocument(now), { before: 'a', after: 'b' }), { date: '2025-01-01T00:00:00Z' }))['word/document.xml'] ?? new Uint8Array())
    const read = (gone: 'ins' | 'del'): string =>
      (rewrapped.replace(new RegExp(`<w:${gone} [^>]*[^/]>[\\s\\S]*?</w:${gone}>`, 'g'), '').match(/<(?:w:t|w:delText)(?: [^>]*)?>[^<]*</g) ?? []).map((run) => run.replace(/<[^>]*>|<$/g, '')).join('').replace(/\s+/g, ' ')
    expect(read('del')).toBe('(6) Rehabilitation (§§ 23, 40), der Leistungen von Hebammen bei Schwangerschaft (§ 24d), der künstlichen Befruchtung (§ 27a), der zahnärztlichen Behandlung ohne die Versorgung mit Zahnersatz.')
    expect(read('ins')).toBe('(6) Rehabilitation (§§ 23, 40), der künstlichen Befruchtung (§ 27a), der zahnärztlichen Behandlung ohne die Versorgung mit Zahnersatz.')
  })

  test('Word and HTML: a heading “I. - Die Grundrechte” keeps its dash; a note’s words are shown; “2\\.” reads “2.”; a rule is no words', async () => {
    const text = '## I. - Die Grundrechte\n\n[^n1]: **Amtlicher Hinweis:** Diese Vorschrift dient der Umsetzung.\n\n2\\. der Richtlinie\n\n---\n'
    await expectWordsOf(text, ['I.', '-', 'Die', 'Grundrechte', 'Amtlicher', 'Hinweis:', 'Diese', 'Vorschrift', 'dient', 'der', 'Umsetzung.', '2.', 'der', 'Richtlinie'])
  })

  test('Word and HTML: a line break opening words put in is put in with them (sgb5-png § 63(2)): rejected, “Krankenbehandlung, die”', async () => {
    const before = '(2) Modellvorhaben zur Verhütung sowie zur\nKrankenbehandlung, die nach den Vorschriften\n'
    const after = '(2) Modellvorhaben zur Verhütung, zur Krankenbehandlung\nsowie bei Schwangerschaft, die nach den Vorschriften\n'
    await expectBothTexts(before, after)
  })

  test('Word and HTML: a block indented under a note or list item after a blank line goes on with it, not code; under “*    *   1991” (content at 5) it is code', async () => {
    const text = '[^n1]: **Amtlicher Hinweis:** Diese Vorschrift dient der\n    Umsetzung 1. der Richtlinie,\n\n\n    2\\.      der Richtlinie 97/7/EG\n    und\n\n-   erstens\n\n    zweitens \\*\n\n*    *   1991\n\n    *   55 vom Hundert\n'
    await expectWordsOf(text, 'Amtlicher Hinweis: Diese Vorschrift dient der Umsetzung 1. der Richtlinie, 2. der Richtlinie 97/7/EG und erstens zweitens * 1991 * 55 vom Hundert'.split(' '))
  })

  test('Word and HTML: a line break ending words left out where words put in start goes with them (bgb § 1310): accepted, “vorliegen. Der”', async () => {
    const before = '(1) wenn die Voraussetzungen vorliegen; er\nmuss seine Mitwirkung verweigern, wenn\n'
    const after = '(1) wenn die Voraussetzungen vorliegen. Der\nStandesbeamte muss seine Mitwirkung verweigern, wenn\n'
    await expectBothTexts(before, after)
  })

  const pairs = join(repoRoot, '..', 'shared', 'bench', 'pairs')
  test.skipIf(!existsSync(pairs))('the four statute pairs in ../shared/bench/pairs/: accepting every change gives the new text, rejecting every change the old', () => {
    for (const name of ['gg-art93', 'bgb-1631d', 'sgb5-png', 'bgb-2012-2021']) {
      const before = readFileSync(join(pairs, `${name}.before.md`), 'utf8')
      const after = readFileSync(join(pairs, `${name}.after.md`), 'utf8')
      const { accepted, rejected } = resolved(before, after)
      expect(accepted === plain(after), `${name}: accept-all`).toBe(true)
      expect(rejected === plain(before), `${name}: reject-all`).toBe(true)
    }
  }, 60_000)

  // The oracle for Word and HTML: the words of the two input files, read without keeling (whitespace and Markdown's
  // syntax are not words), against Accept All / Reject All read back from word/document.xml and from the HTML.
  // Rendering a 1.5 MB statute to Word and HTML takes keeling seconds (a remark parse per clause, twice).
  for (const name of ['gg-art93', 'bgb-1631d', 'sgb5-png', 'bgb-2012-2021']) {
    test.skipIf(!existsSync(pairs))(`${name}: Accept All and Reject All of the Word revisions and of the HTML give the words of the new and the old text`, async () => {
      const before = readFileSync(join(pairs, `${name}.before.md`), 'utf8')
      const after = readFileSync(join(pairs, `${name}.after.md`), 'utf8')
      const changeSet = buildChangeSet(readDiffDocument(before), readDiffDocument(after), { before: 'before', after: 'after' })
      const xml = strFromU8(unzipSync(await renderDocxDiff(changeSet, { date: '2025-01-01T00:00:00Z' }))['word/document.xml'] ?? new Uint8Array())
      const { clauses } = renderHtmlClauses(changeSet)
      const [oldWords, newWords] = [markdownWords(before), markdownWords(after)]
      expect(newWords.length).toBeGreaterThan(10_000)
      const wrong = {
        'Word accept': wordsWrong(newWords, readWords(wordDocumentText(xml, 'accept'))),
        'Word reject': wordsWrong(oldWords, readWords(wordDocumentText(xml, 'reject'))),
        'HTML accept': wordsWrong(newWords, readWords(htmlText(clauses, 'accept'))),
        'HTML reject': wordsWrong(oldWords, readWords(htmlText(clauses, 'reject')))
      }
      expect(wrong).toEqual({ 'Word accept': [], 'Word reject': [], 'HTML accept': [], 'HTML reject': [] })
    }, 60_000)
  }
})

/** The words that differ between what the text has and what was read back (left out `-…`, added `+…`), each with the word before it. */
function wordsWrong(expected: string[], read: string[]): string[] {
  const wrong: string[] = []
  let at = 0
  for (const part of diffArrays(expected, read)) {
    if (part.added || part.removed) wrong.push(...part.value.map((word) => `${expected[at - 1] ?? ''} ${part.added ? '+' : '-'}${word}`))
    if (!part.added) at += part.value.length
  }
  return wrong
}
