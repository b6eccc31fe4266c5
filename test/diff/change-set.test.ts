import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { acceptAll, buildChangeSet, type ChangeSet, rejectAll, summarizeChanges } from '../../src/core/diff/change-set.js'
import { readDiffDocument } from '../../src/core/diff/diff-document.js'
import { renderJsonDiff, type ClauseDiffJson } from '../../src/core/render/render-json-diff.js'
import { renderMarkdownDiff } from '../../src/core/render/render-markdown-diff.js'
import { PLAIN_MARKS, renderTextDiff } from '../../src/core/render/render-text-diff.js'
import { repoRoot, uttlesfordBeforeCwg } from '../helpers/run-cli.js'
import { applied, RULES } from '../motion/helpers.js'
import { plain, resolveMarks } from '../helpers/markdown-marks.js'

const uttlesford = await uttlesfordBeforeCwg()

function compare(before: string, after: string): ChangeSet {
  return buildChangeSet(readDiffDocument(before), readDiffDocument(after), { before: 'a', after: 'b' })
}

describe('keeling diff, the change set', () => {
  it('marks every change of Appendix B in the house style (golden file)', async () => {
    const after = applied(uttlesford, readFileSync(join(repoRoot, 'amendments', 'uttlesford', 'cwg-2017-04-25.md'), 'utf8'))
    const markdown = renderMarkdownDiff(compare(uttlesford, after))
    await expect(markdown).toMatchFileSnapshot('../fixtures/goldens/uttlesford-appendix-b.md')
  })

  it('the golden file has every mark the seed shows in Appendix B', () => {
    const golden = readFileSync(join(repoRoot, 'test', 'fixtures', 'goldens', 'uttlesford-appendix-b.md'), 'utf8')
    const seed = readFileSync(join(repoRoot, 'test', 'fixtures', 'seeds', '002_8856530ca64b141b.txt'), 'utf8')
    const appendix = seed.slice(seed.indexOf('Appendix B: Proposed Draft'))
    const struck = [...golden.matchAll(/~~([\s\S]*?)~~/g)].map((match) => match[1]).join(' ')
    const underlined = [...golden.matchAll(/<u>([\s\S]*?)<\/u>/g)].map((match) => match[1]).join(' ')
    // The seed strikes words (the paragraph moved from 3.5 broken across a page), and marks "if-by" for "if" → "by".
    for (const [, words = ''] of appendix.matchAll(/~~([\s\S]*?)~~/g)) {
      const [old = words, now] = /^(\w+)-(\w+)$/.test(words) ? words.split('-') : [words]
      for (const piece of old.split(/ (?=emergency, contact)/)) expect(struck).toContain(piece.replace(/ in an$/, ''))
      if (now) expect(underlined).toContain(now)
    }
    for (const [, words = ''] of appendix.matchAll(/<u>([\s\S]*?)<\/u>/g)) expect(underlined).toContain(words)
    expect(golden).toContain('~~3.7~~<u>3.9</u> Members should approach officers')
    expect(golden).toContain('including ~~calling or attending~~ <u>requesting</u> meetings<u> with officers</u>, or')
    expect(golden).toContain('<u>3.7 In their dealings with officers')
    expect(golden).not.toMatch(/<a id=|^---$|\\/m)
  })

  it('identical texts: nothing marked, nothing counted', () => {
    const changeSet = compare(uttlesford, uttlesford)
    expect(summarizeChanges(changeSet)).toEqual({ changed: 0, inserted: 0, deleted: 0, moved: 0, renumbered: 0 })
    expect(renderMarkdownDiff(changeSet)).not.toMatch(/~~|<u>/)
    expect(renderTextDiff(changeSet, PLAIN_MARKS)).toBe('')
  })

  it('keeps a change of spacing and of punctuation alone', () => {
    const before = 'Members should reply  promptly, and helpfully.\n'
    const after = 'Members should reply promptly and helpfully!\n'
    const changeSet = compare(before, after)
    expect(renderTextDiff(changeSet, PLAIN_MARKS)).toBe('b:1\nMembers should reply[-  -]{+ +}promptly[-,-] and helpfully[-.-]{+!+}\n')
    expect(acceptAll(changeSet)).toBe(after)
    expect(rejectAll(changeSet)).toBe(before)
    // A comma left out shows; two spaces made one does not (a reader cannot see it).
    expect(renderMarkdownDiff(changeSet)).toBe('Members should reply promptly~~,~~ and helpfully~~.~~<u>!</u>\n')
  })

  it('marks a space left out before a comma with the words around it', () => {
    const changeSet = compare('Officers , members.\n', 'Officers, members.\n')
    expect(renderMarkdownDiff(changeSet)).toBe('~~Officers ,~~ <u>Officers,</u> members.\n')
  })

  it('shows a moved clause where it stood (struck) and where it stands (underlined), and as a move in text', () => {
    const after = applied(RULES, '1. Move paragraph 2.1 to follow paragraph 2.3.')
    const changeSet = compare(RULES, after)
    expect(changeSet.clauses.filter((clause) => clause.type === 'moved').map((clause) => clause.id)).toEqual(['c2-1'])
    const markdown = renderMarkdownDiff(changeSet)
    expect(markdown.indexOf('~~2.1 Members and officers')).toBeLessThan(markdown.indexOf('~~2.2~~<u>2.1</u> Information'))
    expect(markdown).toContain('<u>2.3 Members and officers should treat each other with respect.</u>')
    expect(renderTextDiff(changeSet, PLAIN_MARKS)).toContain('[-2.1-]{+2.3+} Members and officers should treat each other with respect. (moved)')
    expect(acceptAll(changeSet)).toBe(acceptAll(compare(after, after)))
    expect(rejectAll(changeSet)).toBe(rejectAll(compare(RULES, RULES)))
  })

  it('finds a paragraph moved in a text without clause IDs', () => {
    const changeSet = compare('First.\n\nSecond one here.\n\nThird.\n', 'Second one here.\n\nFirst.\n\nThird.\n')
    expect(changeSet.clauses.map((clause) => clause.type)).toEqual(['moved', 'unchanged', 'moved-away', 'unchanged'])
  })

  it('renumbers at depth 3 as ~~21.2.1~~<u>21.2.2</u>', () => {
    const before = '## 21. Protocol\n\n21.2 Meetings\n\n21.2.1 Members may attend.\n\n21.2.2 Officers may attend.\n'
    const after = '## 21. Protocol\n\n21.2 Meetings\n\n21.2.1 The chair opens.\n\n21.2.2 Members may attend.\n\n21.2.3 Officers may attend.\n'
    const markdown = renderMarkdownDiff(compare(before, after))
    expect(markdown).toBe(
      '## 21. Protocol\n\n21.2 Meetings\n\n<u>21.2.1 The chair opens.</u>\n\n~~21.2.1~~<u>21.2.2</u> Members may attend.\n\n~~21.2.2~~<u>21.2.3</u> Officers may attend.\n'
    )
  })

  it('a clause split in two: the first part changed, the second inserted', () => {
    const after = applied(RULES, '1. In paragraph 2.3, leave out "Members will reply to officers promptly."\n2. After paragraph 2.3 insert the new paragraph:\n\n   > Members will reply to officers promptly.')
    const markdown = renderMarkdownDiff(compare(RULES, after))
    expect(markdown).toContain('2.3 Officers will reply to members promptly. ~~Members will reply to officers promptly.~~')
    expect(markdown).toContain('<u>2.4 Members will reply to officers promptly.</u>')
    expect(markdown).toContain('~~2.4~~<u>2.5</u> Disputes')
  })

  it('keeps marks inside list items and table cells, never across them', () => {
    const before = 'Rules:\n\n- first rule\n- second rule\n\n| To be | Not to be |\n| --- | --- |\n| Positive | Unhelpful |\n'
    const after = 'Rules:\n\n- first rule\n\n| To be | Not to be |\n| --- | --- |\n| Kind | Rude |\n'
    const markdown = renderMarkdownDiff(compare(before, after))
    expect(markdown).toContain('- first rule\n- ~~second rule~~')
    expect(markdown).toContain('| ~~Positive~~ <u>Kind</u> | ~~Unhelpful~~ <u>Rude</u> |')
  })

  it('JSON: stable fields, and its runs give each side back', () => {
    const after = applied(uttlesford, readFileSync(join(repoRoot, 'amendments', 'uttlesford', 'cwg-2017-04-25.md'), 'utf8'))
    const json = JSON.parse(renderJsonDiff(compare(uttlesford, after))) as { schema: string; alignedBy: string; summary: object; clauses: ClauseDiffJson[] }
    expect(json.schema).toBe('keeling-change-set/1')
    expect(json.alignedBy).toBe('id')
    expect(json.summary).toEqual({ changed: 8, inserted: 2, deleted: 0, moved: 0, renumbered: 1 })
    const renumbered = json.clauses.find((clause) => clause.id === 'c3-7')
    expect(renumbered).toMatchObject({ type: 'changed', renumbered: true, before: { number: '3.7' }, after: { number: '3.9' } })
    expect(renumbered?.words.slice(0, 2)).toEqual([
      { type: 'deleted', text: '3.7' },
      { type: 'inserted', text: '3.9' }
    ])
    const side = (keep: 'inserted' | 'deleted', skip: string[]): string =>
      json.clauses
        .filter((clause) => !skip.includes(clause.type))
        .map((clause) => clause.words.filter((part) => part.type === 'same' || part.type === keep).map((part) => part.text).join(''))
        .join('\n\n')
    expect(`${side('inserted', ['deleted', 'moved-away'])}\n`).toBe(renderMarkdownDiff(compare(after, after)))
    expect(`${side('deleted', ['inserted', 'moved'])}\n`).toBe(renderMarkdownDiff(compare(uttlesford, uttlesford)))
  })
})

// Random edits of a text: words replaced, put in, left out; paragraphs put in, left out, moved; spacing and punctuation changed.
const vocabulary = ['members', 'officers', 'Council', 'shall', 'not', '3.9', 'e.g.', 'eg.', 'don’t', '(a)', 'and', ',', '.', ';', '—', 'café']
const sentence = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 10 }).map((words) => `Members ${words.join(' ')}`)
const paragraph = fc.oneof(
  { weight: 4, arbitrary: sentence },
  { weight: 1, arbitrary: fc.tuple(fc.nat(9), sentence).map(([n, text]) => `${n + 1}.${n + 2} ${text}`) },
  { weight: 1, arbitrary: sentence.map((text) => `## ${text}`) },
  { weight: 1, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item}`).join('\n')) }
)
const documentArbitrary = fc.array(paragraph, { minLength: 1, maxLength: 8 })
const editArbitrary = fc.record({
  type: fc.constantFrom('word', 'insert-word', 'delete-word', 'insert-paragraph', 'delete-paragraph', 'move-paragraph', 'space', 'punctuation'),
  at: fc.nat(),
  other: fc.nat(),
  text: sentence
})

function edit(paragraphs: string[], change: { type: string; at: number; other: number; text: string }): string[] {
  const result = [...paragraphs]
  const index = change.at % result.length
  const target = result[index] ?? ''
  const words = target.split(' ')
  const w = change.other % words.length
  // Word edits stay inside a line: joining two list items is not a change Markdown can mark.
  if (/\n|^(?:-|##)$/.test(words[w] ?? '') && !change.type.includes('paragraph')) return result
  switch (change.type) {
    case 'word':
      words[w] = change.text.split(' ').at(-1) ?? 'members'
      break
    case 'insert-word':
      words.splice(w + 1, 0, change.text.split(' ').slice(1, 3).join(' ') || 'officers')
      break
    case 'delete-word':
      if (words.length > 2) words.splice(Math.max(w, 1), 1)
      break
    case 'insert-paragraph':
      result.splice(index, 0, change.text)
      return result
    case 'delete-paragraph':
      if (result.length > 1) result.splice(index, 1)
      return result
    case 'move-paragraph': {
      const [moved = ''] = result.splice(index, 1)
      result.splice(change.other % (result.length + 1), 0, moved)
      return result
    }
    case 'space':
      words[w] = `${words[w] ?? ''} `
      break
    case 'punctuation':
      words[w] = `${words[w] ?? ''},`
      break
  }
  result[index] = words.join(' ')
  return result
}

/** The text of a clause of RULES, from its anchor to the next. */
function clauseText(id: string): string {
  const at = RULES.indexOf(`<a id="${id}"></a>`)
  const next = RULES.indexOf('<a id=', at + 1)
  return RULES.slice(at, next === -1 ? undefined : next)
}

describe('accept every change, reject every change', () => {
  test.prop([documentArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 6 })], { numRuns: 300 })(
    'texts without clause IDs: the change set and its JSON give the new text and the old text exactly; the Markdown, as read',
    (paragraphs, edits) => {
      const before = `${paragraphs.join('\n\n')}\n`
      const after = `${edits.reduce(edit, paragraphs).join('\n\n')}\n`
      const changeSet = compare(before, after)
      expect(acceptAll(changeSet)).toBe(after)
      expect(rejectAll(changeSet)).toBe(before)
      const markdown = renderMarkdownDiff(changeSet)
      expect(resolveMarks(markdown, 'accept')).toBe(plain(after))
      expect(resolveMarks(markdown, 'reject')).toBe(plain(before))
      // The JSON change set: each clause's runs give its text on each side, and the clauses give the whole text.
      const json = JSON.parse(renderJsonDiff(changeSet)) as { clauses: ClauseDiffJson[] }
      const side = (keep: 'inserted' | 'deleted', present: 'after' | 'before'): string =>
        json.clauses
          .map((clause) => {
            const unit = clause[present]
            if (!unit || clause.type === (present === 'after' ? 'moved-away' : 'moved')) return ''
            return clause.words.filter((part) => part.type === 'same' || part.type === keep).map((part) => part.text).join('') + unit.trailing
          })
          .join('')
      expect(side('inserted', 'after')).toBe(after)
      expect(side('deleted', 'before')).toBe(before)
    }
  )

  test.prop([fc.array(fc.record({ clause: fc.nat(), words: sentence, type: fc.constantFrom('replace', 'after', 'leave-out', 'move', 'insert') }), { minLength: 1, maxLength: 4 })], {
    numRuns: 100
  })('protocols compared by clause ID: motions applied, then every change accepted or rejected', (edits) => {
    let after = RULES
    // Every motion must apply: each edit is put on a clause still there, as read from RULES and the edits before it
    // (never from keeling's output). A clause another still links to (2.4 cites 2.1 and 2.3) is not left out, and a
    // clause is not moved to follow itself or the clause it already follows.
    const order: string[] = [...RULES.matchAll(/<a id="(c[\d-]+)"><\/a>/g)].map((match) => match[1] ?? '')
    const present = new Set(order)
    for (const [index, change] of edits.entries()) {
      const live = order.filter((id) => present.has(id))
      const linksTo = (target: string): boolean => live.some((id) => id !== target && clauseText(id).includes(`](#${target})`))
      const pool = change.type === 'leave-out' ? live.filter((id) => !linksTo(id)) : live
      const id = pool[change.clause % pool.length] ?? ''
      const before = order[order.indexOf(id) - 1]
      const targets = live.filter((other) => other !== id && other !== before)
      fc.pre(change.type !== 'move' || targets.length > 0)
      const target = targets[change.clause % Math.max(targets.length, 1)] ?? ''
      const instruction =
        change.type === 'replace'
          ? `In paragraph ${id}, at the end insert " ${change.words}"`
          : change.type === 'after'
            ? `In paragraph ${id}, at the beginning insert "${change.words} "`
            : change.type === 'leave-out'
              ? `Leave out paragraph ${id}.`
              : change.type === 'move'
                ? `Move paragraph ${id} to follow paragraph ${target}.`
                : `After paragraph ${id} insert the new paragraph:\n\n   > ${change.words}`
      if (change.type === 'leave-out') present.delete(id)
      if (change.type === 'move') order.splice(order.indexOf(target) + 1, 0, ...order.splice(order.indexOf(id), 1))
      if (change.type === 'insert') order.splice(order.indexOf(id) + 1, 0, `new-${index}`)
      // A motion that fails to apply fails the property.
      after = applied(after, `---\ntitle: Edit\nmover: Cllr Test\n# id: e${index}\n---\n\n1. ${instruction}\n`)
    }
    const changeSet = compare(RULES, after)
    expect(changeSet.alignedBy).toBe('id')
    expect(acceptAll(changeSet)).toBe(acceptAll(compare(after, after)))
    expect(rejectAll(changeSet)).toBe(rejectAll(compare(RULES, RULES)))
    const markdown = renderMarkdownDiff(changeSet)
    expect(resolveMarks(markdown, 'accept')).toBe(plain(after))
    expect(resolveMarks(markdown, 'reject')).toBe(plain(RULES))
  })
})
