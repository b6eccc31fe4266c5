import { fc } from '@fast-check/vitest'

/** A clause as the generator writes it. */
export interface GeneratedClause {
  id: string
  number: string
  kind: 'heading' | 'paragraph'
  source: string
}

// Words chosen to tempt a Markdown serializer into escaping: numbers with
// dots, <u>, ~~, brackets, emphasis marks, ampersands, curly quotes.
const word = fc.constantFrom(
  'members', 'officers', 'Council', '1.', '3.9', '<u>inserted</u>', '~~struck~~', '[Constitution', 'Group]',
  '*', '_', '&', '“quoted”', 'don’t', '(i)', 'a.', '#', '\\', '|', 'e.g.', 'eg.', '—', 'café'
)
// A sentence opens with a plain word: a line opening "1." or "(i)" is a
// numbered clause and one opening "#" a heading, by the format's definition.
const opening = fc.constantFrom('Members', 'Officers', 'The', 'Nothing', 'Café')
const sentence = fc
  .tuple(opening, fc.array(word, { maxLength: 12 }))
  .map(([first, words]) => [first, ...words].join(' '))
const extraBlock = fc.oneof(
  sentence,
  fc.array(sentence, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item}`).join('\n')),
  sentence.map((text) => `a. ${text}`),
  fc.constant('| To be | Not to be |\n| --- | --- |\n| Positive | Unhelpful |')
)
const number = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.nat(30), fc.nat(12)).map(([a, b]) => `${a + 1}.${b + 1}`),
  fc.nat(20).map((n) => `${n + 1}.`),
  fc.constantFrom('a.', '(iv)', 'b)', '21.2.1')
)

/** A protocol in keeling's format with distinct IDs, and the clauses it holds. */
export const protocolArbitrary = fc
  .array(
    fc.record({
      heading: fc.boolean(),
      level: fc.integer({ min: 1, max: 4 }),
      number,
      first: sentence,
      more: fc.array(extraBlock, { maxLength: 3 }),
      gap: fc.constantFrom('\n\n', '\n\n\n', '\n  \n')
    }),
    { minLength: 1, maxLength: 12 }
  )
  .map((drafts) => {
    const clauses: GeneratedClause[] = drafts.map((draft, index) => {
      const id = `c${index}-${draft.number.replace(/[^a-z0-9]+/g, '-').replace(/-$/, '')}`.replace(/-$/, '')
      // A bare number would read as an unnumbered clause's text; keep the generator to real forms.
      const numberText = draft.number === '' ? '' : `${draft.number} `
      if (draft.heading) {
        return { id, number: draft.number, kind: 'heading', source: `${'#'.repeat(draft.level)} <a id="${id}"></a>${numberText}${draft.first}` }
      }
      const body = [`<a id="${id}"></a>${numberText}${draft.first}`, ...draft.more].join('\n\n')
      return { id, number: draft.number, kind: 'paragraph', source: body }
    })
    const text =
      '---\ntitle: Generated\nslug: generated\n---\n\n' +
      clauses.map((clause, index) => clause.source + (drafts[index]?.gap ?? '\n\n')).join('')
    return { text, clauses }
  })
