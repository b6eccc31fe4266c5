import { numberKey } from '../protocol/clause-number.js'

const REFERENCE = /\b(paragraphs?|paras?\.?|clauses?|sections?|sub-paragraphs?)(\s+)(\d+(?:\.\d+)*(?:(?:,\s*|\s+(?:and|or|to)\s+)\d+(?:\.\d+)*)*)/gi
const NUMBER = /\d+(?:\.\d+)*/g

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
export function linkCrossReferences(text: string, idsByNumber: ReadonlyMap<string, string>): { text: string; linked: string[] } {
  const linked: string[] = []
  const result = text.replace(REFERENCE, (_, word: string, space: string, numbers: string) => {
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
