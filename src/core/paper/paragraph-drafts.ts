import type { PaperBlock, PaperSection } from './build-paper.js'

/** The numbers a paragraph cites, handed to it when every paragraph has its number. */
export interface Citations {
  /** "paragraph 15", or "paragraphs 15 to 20": the paragraphs drafted with `key`, first to last. */
  paragraphs(key: string): string
}

/**
 * A block of the report before the paragraphs are numbered: a numbered paragraph says what it is called by
 * (`keys`, for paragraphs that cite it) and writes its text once it is given the numbers it cites.
 */
export type Draft = { type: 'paragraph'; keys: string[]; write: (cite: Citations) => string } | Exclude<PaperBlock, { type: 'paragraph' }>

/** A section of the report as drafted. */
export interface DraftSection {
  title: string
  blocks: Draft[]
}

/** A numbered paragraph: its text, or how to write it from the numbers it cites; and the keys it is cited by. */
export function paragraph(text: string | ((cite: Citations) => string), ...keys: string[]): Draft {
  return { type: 'paragraph', keys, write: typeof text === 'string' ? () => text : text }
}

/** The drafts, each paragraph also cited by `key` (a run of paragraphs cited together, first to last). */
export function citedAs(key: string, drafts: Draft[]): Draft[] {
  return drafts.map((draft) => (draft.type === 'paragraph' ? { ...draft, keys: [...draft.keys, key] } : draft))
}

/**
 * Number the paragraphs 1, 2, 3 … through the sections in order, then write each with the numbers it cites:
 * every number is known before any text is written, so no text is patched afterwards.
 *
 * @throws Error when a paragraph cites a key no paragraph has (a bug in the paper's sections, not the user's)
 */
export function numberParagraphs(sections: DraftSection[]): PaperSection[] {
  const numbers = new Map<string, number[]>()
  let next = 1
  const numbered = sections.map((section) => ({
    title: section.title,
    blocks: section.blocks.map((draft) => {
      if (draft.type !== 'paragraph') return { draft, number: 0 }
      const number = next++
      for (const key of draft.keys) numbers.set(key, [...(numbers.get(key) ?? []), number])
      return { draft, number }
    })
  }))
  const cite: Citations = {
    paragraphs(key) {
      const cited = numbers.get(key)
      const first = cited?.[0]
      const last = cited?.at(-1)
      if (first === undefined || last === undefined) throw new Error(`no paragraph of the paper is cited as ${key}`)
      return first === last ? `paragraph ${first}` : `paragraphs ${first} to ${last}`
    }
  }
  return numbered.map((section) => ({
    title: section.title,
    blocks: section.blocks.map(({ draft, number }): PaperBlock => (draft.type === 'paragraph' ? { type: 'paragraph', number, markdown: draft.write(cite) } : draft))
  }))
}
