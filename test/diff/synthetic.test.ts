import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { acceptAll, buildChangeSet, rejectAll } from '../../src/core/diff/change-set.js'
import { readDiffDocument } from '../../src/core/diff/diff-document.js'
import { renderMarkdownDiff } from '../../src/core/render/render-markdown-diff.js'
import { generator, syntheticPair } from '../../bench/synthetic.js'
import { plain, resolveMarks } from '../helpers/markdown-marks.js'

// The benchmark's 1 MB constitution with 500 scattered edits (../shared/bench/gen-constitution.py):
// exactness at size, with nothing timed.
const available = existsSync(generator)
if (!available) console.log(`skipped: the synthetic pair needs python3 and ${generator}`)

describe.skipIf(!available)('the synthetic 1 MB constitution, 500 edits', () => {
  const pair = available ? syntheticPair('synth-1m', 1e6, 500) : null

  it('aligned by clause ID: accepting every change gives the new text, rejecting every change the old; the Markdown too', () => {
    if (!pair) throw new Error('the generator did not run')
    const before = readFileSync(pair.before, 'utf8')
    const after = readFileSync(pair.after, 'utf8')
    const changeSet = buildChangeSet(readDiffDocument(before), readDiffDocument(after), { before: 'a', after: 'b' })
    expect(changeSet.alignedBy).toBe('id')
    expect(changeSet.clauses.filter((clause) => clause.type === 'moved').length).toBeGreaterThan(0)
    expect(acceptAll(changeSet)).toBe(acceptAll(buildChangeSet(readDiffDocument(after), readDiffDocument(after), { before: 'b', after: 'b' })))
    expect(rejectAll(changeSet)).toBe(rejectAll(buildChangeSet(readDiffDocument(before), readDiffDocument(before), { before: 'a', after: 'a' })))
    const markdown = renderMarkdownDiff(changeSet)
    expect(resolveMarks(markdown, 'accept')).toBe(plain(after))
    expect(resolveMarks(markdown, 'reject')).toBe(plain(before))
  })

  it('as plain Markdown without IDs: the change set gives both files back byte for byte', () => {
    if (!pair) throw new Error('the generator did not run')
    const before = readFileSync(pair.rawBefore, 'utf8')
    const after = readFileSync(pair.rawAfter, 'utf8')
    const changeSet = buildChangeSet(readDiffDocument(before), readDiffDocument(after), { before: 'a', after: 'b' })
    expect(changeSet.alignedBy).toBe('content')
    expect(acceptAll(changeSet)).toBe(after)
    expect(rejectAll(changeSet)).toBe(before)
  })
})
