import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copyOfExamples, runCli, tempProject } from '../helpers/run-cli.js'

describe('keeling diff', () => {
  it('exit 0 and nothing printed for identical texts; exit 1 and the changed clauses for different ones', async () => {
    const dir = copyOfExamples()
    const same = await runCli(['diff', 'protocols/uttlesford.md', 'uttlesford'], dir)
    expect(same).toEqual({ code: 0, stdout: '', stderr: '' })
    const text = readFileSync(join(dir, 'protocols', 'uttlesford.md'), 'utf8')
    writeFileSync(join(dir, 'draft.md'), text.replace('for example, deciding', 'for instance, deciding'))
    const changed = await runCli(['diff', 'uttlesford', 'draft.md'], dir)
    expect(changed.code).toBe(1)
    // Where the change is (the new text's line, under its heading), then the clause marked.
    expect(changed.stdout).toMatch(/^draft\.md:40: 2\.1 Members\nMembers are responsible for setting .* for \[-example-\]\{\+instance\+\}, deciding/)
    expect(changed.stdout.split('\n\n')).toHaveLength(1)
  })

  it('colours a terminal, and not with NO_COLOR or in a pipe', async () => {
    const dir = tempProject()
    writeFileSync(join(dir, 'a.txt'), 'Members shall attend.\n')
    writeFileSync(join(dir, 'b.txt'), 'Members may attend.\n')
    const { main } = await import('../../src/cli/main.js')
    const run = async (env: Record<string, string>): Promise<string> => {
      let out = ''
      await main(['diff', 'a.txt', 'b.txt'], { stdout: (t) => (out += t), stderr: () => undefined, cwd: dir, env, isTTY: true })
      return out
    }
    expect(await run({})).toBe('\u001b[36mb.txt:1\u001b[0m\nMembers \u001b[9;31mshall\u001b[0m\u001b[4;32mmay\u001b[0m attend.\n')
    expect(await run({ NO_COLOR: '1' })).toBe('b.txt:1\nMembers [-shall-]{+may+} attend.\n')
  })

  it('--format md -o writes the appendix to a file', async () => {
    const dir = tempProject()
    writeFileSync(join(dir, 'a.md'), '3.7 Members should approach officers.\n')
    writeFileSync(join(dir, 'b.md'), '3.9 Members should approach officers.\n')
    const result = await runCli(['diff', 'a.md', 'b.md', '--format', 'md', '-o', 'out/appendix.md'], dir)
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'wrote out/appendix.md\n' })
    expect(readFileSync(join(dir, 'out', 'appendix.md'), 'utf8')).toBe('~~3.7~~<u>3.9</u> Members should approach officers.\n')
  })

  it('--format json prints the change set', async () => {
    const dir = tempProject()
    writeFileSync(join(dir, 'a.md'), 'One.\n\nTwo.\n')
    writeFileSync(join(dir, 'b.md'), 'One.\n\nThree.\n')
    const result = await runCli(['diff', 'a.md', 'b.md', '--format', 'json'], dir)
    const json = JSON.parse(result.stdout) as { schema: string; alignedBy: string; clauses: Array<{ type: string }> }
    expect(json.schema).toBe('keeling-change-set/1')
    expect(json.alignedBy).toBe('content')
    expect(json.clauses.map((clause) => clause.type)).toEqual(['unchanged', 'changed'])
  })

  it('a missing file, a directory or a binary file: exit 2, one line, no stack trace', async () => {
    const dir = tempProject()
    writeFileSync(join(dir, 'a.md'), 'One.\n')
    writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]))
    expect(await runCli(['diff', 'a.md', 'nowhere.md'], dir)).toEqual({ code: 2, stdout: '', stderr: 'keeling: cannot read nowhere.md: no such file\n' })
    // A bare name is a protocol's slug or a file: said to be neither, as motion from says it.
    expect(await runCli(['diff', 'a.md', 'rules'], dir)).toEqual({ code: 2, stdout: '', stderr: 'keeling: no protocol "rules" (protocols/rules.md) and no file of that name; give a protocol slug, SLUG@VERSION or a file\n' })
    expect((await runCli(['diff', '.', 'a.md'], dir)).stderr).toBe('keeling: . is a directory; give a file\n')
    const binary = await runCli(['diff', 'a.md', 'image.png'], dir)
    expect(binary.code).toBe(2)
    expect(binary.stderr).toMatch(/^keeling: image\.png is not text \(binary, or not UTF-8\)/)
  })

  it('reads CRLF and a BOM as the same text', async () => {
    const dir = tempProject()
    writeFileSync(join(dir, 'a.md'), 'One.\n\nTwo.\n')
    writeFileSync(join(dir, 'b.md'), '\uFEFFOne.\r\n\r\nTwo.\r\n')
    expect((await runCli(['diff', 'a.md', 'b.md'], dir)).code).toBe(0)
  })
})
