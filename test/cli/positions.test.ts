import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, tempProject } from '../helpers/run-cli.js'

// Each expected line:column is counted by hand from the text written here.
describe('problems point at the line and column a user sees', () => {
  it('check: an anchor inside a clause, on its first line or a later one, and a character that was not UTF-8', async () => {
    const dir = tempProject()
    mkdirSync(join(dir, 'protocols'))
    const lines = [
      '---', //                                                  1
      'title: X', //                                             2
      'slug: x', //                                              3
      '---', //                                                  4
      '', //                                                     5
      '## <a id="s1"></a>1. Intro', //                           6
      '', //                                                     7
      '<a id="c1-1"></a>1.1 Some text', //                       8
      'more text <a id="stray"></a>here.', //                    9: the anchor at column 11
      '', //                                                    10
      '<a id="c1-2"></a>1.2 First <a id="s2x"></a>words.', //   11: the anchor at column 28
      '', //                                                    12
      '<a id="c1-3"></a>1.3 Bad', //                            13
      'char \uFFFD here.' //                                    14: the character at column 6
    ]
    writeFileSync(join(dir, 'protocols', 'x.md'), `${lines.join('\n')}\n`)
    const result = await runCli(['check', 'x'], dir)
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^protocols\/x\.md:9:11: error: Clause ID anchor `stray` inside the text of 1\.1;.*\[stray-anchor\]$/m)
    expect(result.stdout).toMatch(/^protocols\/x\.md:11:28: error: Clause ID anchor `s2x` inside the text of 1\.2;.*\[stray-anchor\]$/m)
    expect(result.stdout).toMatch(/^protocols\/x\.md:14:6: error: This character could not be read: the file is not UTF-8.*\[not-utf8\]$/m)
  })

  it('import --tracked: a CriticMarkup mark left open, where it opens and where the next mark begins', async () => {
    const dir = tempProject()
    writeFileSync(join(dir, 'open.md'), 'Title line\n\n1. First {++ new words\n2. Second {-- old --} para.\n')
    const open = await runCli(['import', 'open.md', '--as', 'open', '--tracked', 'after'], dir)
    expect(open.code).toBe(1)
    expect(open.stderr).toBe('keeling import: open.md:3: column 10: {++ opened here is never closed with ++}; close the mark where its words end [unclosed-mark]\n')
    writeFileSync(join(dir, 'nested.md'), 'Title line\n\n1. First {++ new\nwords {-- old --} x ++}.\n')
    const nested = await runCli(['import', 'nested.md', '--as', 'nested', '--tracked', 'after'], dir)
    expect(nested.stderr).toContain('nested.md:3: column 10: {++ opened here is not closed with ++} before the next mark (line 4, column 7)')
  })
})
