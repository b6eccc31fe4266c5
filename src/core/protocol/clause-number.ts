import { romanValue } from './number-steps.js'

/**
 * The numbering schemes councils use, read from the start of a clause's text:
 * `1.`, `3.9`, `21.2.1`, `4.3.b`, `8.2.vi`, `2A.` or `61A`, `(1)`, `(2A)`, `a.`, `(a)`, `b)`, `(iv)`, `IV.`. A bare integer
 * without a dot ("21 Protocol") counts only in headings, where it is common;
 * in running text it would catch "2017 was …".
 */
const NUMBER = /^(?:(?:[A-Z]|[IVXLC]{2,5})\.\d+(?:\.\d+)*\.?|\d+[A-Z]\.?(?=[ \t]|$)|\d+(?:\.\d+)*\.[a-z]{1,4}(?:\.[a-z0-9]{1,4})*\.?|\d+(?:\.\d+)+[A-Z]?\.?|\d+\.|\(\d{1,3}[A-Z]{0,2}\)|\(?[a-z]{1,2}\)|\([ivxlc]+\)|[a-zA-Z]\.|[ivxlc]+\.|[IVXLC]+\.)(?=[ \t]|$)/
const HEADING_NUMBER = /^\d+(?=[ \t]|$)/
/**
 * A heading's number with its unit word: "Section 5.4", "ARTICLE IV", "Article 4:", "Standing Order 9",
 * "Rule 12.", "Part 2 —". The unit word is part of the number as written; the number is what follows it.
 */
const UNIT_NUMBER = /^(?:article|section|part|chapter|schedule|rule|standing order|clause|by-law|bylaw|byelaw|regulation|appendix|annex|division|title)[ \t]+(?:\d+(?:\.\d+)*[A-Z]?|[IVXLC]+|[A-Z](?![a-z]))(?:[.:)]|[ \t]+[—–-](?=[ \t]))?(?=[ \t]|$)/i
const UNIT_PREFIX = /^(?:article|section|part|chapter|schedule|rule|standing order|clause|by-law|bylaw|byelaw|regulation|appendix|annex|division|title)[ \t]+/i

/**
 * Split the leading clause number off a line of clause text.
 *
 * @param text the clause's first line, after any ID anchor
 * @param heading whether the line is a heading (allows a bare integer)
 * @returns the number as written ('' when none) and the rest, without the separating space
 */
export function splitClauseNumber(text: string, heading: boolean): { number: string; rest: string } {
  const match = (heading ? UNIT_NUMBER.exec(text) : null) ?? NUMBER.exec(text) ?? (heading ? HEADING_NUMBER.exec(text) : null)
  if (!match) return { number: '', rest: text }
  const number = match[0]
  return { number, rest: text.slice(number.length).replace(/^[ \t]+/, '') }
}

/**
 * The form of a number used to look a clause up: "3.9." and "3.9" are the
 * same paragraph, "(a)" and "a)" and "a." the same item.
 */
export function numberKey(number: string): string {
  return number.replace(UNIT_PREFIX, '').replace(/[ \t]+[—–-]$/, '').replace(/^\(/, '').replace(/[.):]$/, '')
}

/** The unit word a number is written with ("Section " of "Section 5.4"), or ''. */
export function unitPrefix(number: string): string {
  return UNIT_PREFIX.exec(number)?.[0] ?? ''
}

/**
 * Whether `next` is the number a reader expects after `previous` at the same
 * level: 1.1 → 1.2, 3. → 4., a. → b., (iii) → (iv). Unknown schemes pass.
 */
export function isNextNumber(previous: string, next: string): boolean {
  const a = numberKey(previous)
  const b = numberKey(next)
  if (/^\d+(?:\.\d+)*$/.test(a) && /^\d+(?:\.\d+)*$/.test(b)) {
    const pa = a.split('.').map(Number)
    const pb = b.split('.').map(Number)
    if (pa.length !== pb.length) return true
    const last = pa.length - 1
    return pa.slice(0, last).join('.') === pb.slice(0, last).join('.') && pb[last] === (pa[last] ?? 0) + 1
  }
  const ra = romanValue(a)
  const rb = romanValue(b)
  // "i" and "v" are letters as well as numerals: i → j and v → w are fine too.
  if (ra !== null && rb !== null && rb === ra + 1) return true
  if (/^[a-z]$/i.test(a) && /^[a-z]$/i.test(b)) return b.charCodeAt(0) === a.charCodeAt(0) + 1
  if (ra !== null && rb !== null) return false
  return true
}

/** The first number of a sequence at a level: 1, 1.1, 21.2.1 under 21.2, a, (i). */
export function isFirstNumber(number: string): boolean {
  const key = numberKey(number)
  return /(?:^|\.)1$/.test(key) || /^[aA]$/.test(key) || /^[iI]$/.test(key)
}
