import { describe, expect, it } from 'vitest'
import { applied } from './helpers.js'

/** Standing orders numbered 1. to 3., as a parish council numbers them. */
const ORDERS = `---
title: Standing Orders
slug: orders
---

<a id="c1"></a>1. Meetings shall be held at the Village Hall.

<a id="c2"></a>2. The annual meeting is held in May.

<a id="c3"></a>3. Four councillors shall constitute a quorum.
`

/** The clauses' first lines as a reader has them: number and words, no anchors. */
const clauses = (text: string): string[] => text.split('\n').filter((line) => line.startsWith('<a id=')).map((line) => line.replace(/<a id="[^"]*"><\/a>/, ''))

/** The orders as they stand with the new order 2A, written as the motion quotes it, between 2 and 3. */
const withOrder2A = (quoted: string): string[] => [
  '1. Meetings shall be held at the Village Hall.',
  '2. The annual meeting is held in May.',
  `${quoted} The Clerk shall keep a register of interests.`,
  '3. Four councillors shall constitute a quorum.'
]

describe('a new standing order numbered 2A goes after 2, and the orders after it keep their numbers', () => {
  it('"Insert new Standing Order 2A:" with the order quoted as "2A. …"', () => {
    const text = applied(ORDERS, '1. Insert new Standing Order 2A:\n\n> 2A. The Clerk shall keep a register of interests.')
    expect(clauses(text)).toEqual(withOrder2A('2A.'))
  })

  it('"After Standing Order 2, insert the following new Standing Order 2A—" with the order quoted as "2A …"', () => {
    const text = applied(ORDERS, '1. After Standing Order 2, insert the following new Standing Order 2A—\n\n> 2A The Clerk shall keep a register of interests.')
    expect(clauses(text)).toEqual(withOrder2A('2A'))
  })
})
