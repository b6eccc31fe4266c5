import { numberKey } from '../protocol/clause-number.js'

const REFERENCE = /\b(paragraphs?|paras?\.?|clauses?|sections?|sub-paragraphs?)(\s+)(\d+(?:\.\d+)*(?:(?:,\s*|\s+(?:and|or|to)\s+)\d+(?:\.\d+)*)*)/gi
const NUMBER = /\d+(?:\.\d+)*/g

/** The words that name a document after a reference: "of the Local Government Act 1972", "of the Standing Orders". */
const OF_DOCUMENT = /^(?:\s*\([^)]*\))?\s+of\s+(the|a|an|this|these|our)?\s*([\p{L}\p{N}][\p{L}\p{N}’'-]*(?:\s+(?:[\p{L}\p{N}(][\p{L}\p{N}’'()-]*)){0,9})/u

/** Words that name this text itself, whatever its title: "of these Standing Orders", "of this Constitution". */
const OWN_TEXT = /^(?:standing orders?|constitution|rules?|by-?laws?|bye-?laws?|protocol|code|articles?|regulations|terms of reference|scheme|orders?|policy|procedure|schedule|appendix|annex|part|chapter|section|clause|paragraph)\b/i

/**
 * Whether a reference is to a place in another document: followed by "of the …" (or "in the …") naming a
 * document that is not this one (its title's words, or "these Standing Orders", "this Constitution").
 */
function inAnotherDocument(after: string, title: string): boolean {
  const named = OF_DOCUMENT.exec(after)
  if (!named) return false
  const [, article = '', name = ''] = named
  if (/^(?:this|these|our)$/i.test(article)) return false
  if (OWN_TEXT.test(name)) return false
  const words = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 3)
  const own = new Set(words(title))
  return !words(name).slice(0, 3).some((word) => own.has(word))
}

/**
 * Turn the cross-references a text makes in words ("see paragraph 7.2",
 * "paragraphs 3.5 and 3.6") into links to clause IDs (`paragraph
 * [7.2](#c7-2)`), so that renumbering can keep them right. A number that no
 * clause, or more than one, carries is left as it is.
 *
 * @param text one block of clause text
 * @param idsByNumber clause IDs by number key, for numbers carried by exactly one clause
 * @returns the text with links, and the numbers linked
 */
export function linkCrossReferences(text: string, idsByNumber: ReadonlyMap<string, string>, title = ''): { text: string; linked: string[] } {
  const linked: string[] = []
  const result = text.replace(REFERENCE, (whole: string, word: string, space: string, numbers: string, at: number) => {
    // "section 101 of the Local Government Act 1972", "Section 1 of the annual governance and accountability return":
    // a place in another document, not in this one.
    if (inAnotherDocument(text.slice(at + whole.length), title)) return whole
    const withLinks = numbers.replace(NUMBER, (number) => {
      const id = idsByNumber.get(numberKey(number))
      if (!id) return number
      linked.push(number)
      return `[${number}](#${id})`
    })
    return `${word}${space}${withLinks}`
  })
  return { text: result, linked }
}
