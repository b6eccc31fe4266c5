import { applyMotions, type ApplyResult } from '../../src/core/motion/apply-motions.js'
import { parseMotion } from '../../src/core/motion/parse-motion.js'

/** A small protocol with sections, numbered and unnumbered clauses, a list, sub-items and a cross-reference. */
export const RULES = `---
title: Rules
slug: rules
---

## <a id="s1"></a>1. Introduction

<a id="nothing"></a>Nothing in this protocol shall prevent a member from calling or attending meetings, or offering advice.

## <a id="s2"></a>2. Conduct

<a id="c2-1"></a>2.1 Members and officers should treat each other with respect.

<a id="c2-2"></a>2.2 Information will be provided unless:

- there is a legal reason (eg. the information is confidential or personal);
- the request is for private purposes.

<a id="c2-3"></a>2.3 Officers will reply to members promptly. Members will reply to officers promptly.

A member should not apply pressure on an officer.

<a id="c2-4"></a>2.4 Disputes go to the Chief Executive (see [2.1](#c2-1) and [2.3](#c2-3)).

## <a id="s3"></a>3. Media

<a id="c3-1"></a>3.1 Members speak for themselves.

<a id="c3-2"></a>3.2 Officers give facts.
`

/** Apply motions written inline (body only) to `protocol`. */
export function apply(protocol: string, ...bodies: string[]): ApplyResult {
  const inputs = bodies.map((body, index) => {
    // A motion's ID is its file name; here a YAML comment `# id: cwg` names it, else m1, m2, …
    const id = /^# id: (\S+)$/m.exec(body)?.[1] ?? `m${index + 1}`
    const text = body.startsWith('---') ? body : `---\ntitle: Test\nmover: Cllr Test\n---\n\n${body}\n`
    return { motion: parseMotion(text, id, 'rules'), text, name: `${id}.md` }
  })
  return applyMotions(protocol, inputs)
}

/** The text of the result, or a failure naming the problems. */
export function applied(protocol: string, ...bodies: string[]): string {
  const result = apply(protocol, ...bodies)
  if ('problems' in result) throw new Error(result.problems.map((found) => found.message.reason).join('\n'))
  return result.text
}

/** The problems of a refused motion, as `line:column code: reason`. */
export function refused(protocol: string, ...bodies: string[]): string[] {
  const result = apply(protocol, ...bodies)
  if (!('problems' in result)) throw new Error('the motion applied')
  return result.problems.map((found) => `${found.message.line}:${found.message.column} ${found.message.ruleId}: ${found.message.reason}`)
}

/** One clause's line (its source's first line, anchor removed), as a reader sees it. */
export function line(text: string, startsWith: string): string {
  const found = text.split('\n').map((row) => row.replace(/^(#+ )?<a id="[^"]*"><\/a>/, '$1')).find((row) => row.replace(/^#+ /, '').startsWith(startsWith))
  if (found === undefined) throw new Error(`no line starts "${startsWith}"`)
  return found
}
