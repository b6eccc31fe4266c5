import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copyOfExamples, repoRoot, runCli, tempProject } from '../helpers/run-cli.js'

describe('-o - is standard output, as it is to most command-line tools', () => {
  it('diff, show and paper print to stdout with -o -, and no file called "-" is written', async () => {
    const dir = tempProject()
    writeFileSync(join(dir, 'a.md'), 'Members shall treat officers with respect.\n')
    writeFileSync(join(dir, 'b.md'), 'Members shall treat officers with courtesy.\n')
    const diff = await runCli(['diff', 'a.md', 'b.md', '--format', 'md', '-o', '-'], dir)
    expect(diff.stdout).toBe('Members shall treat officers with ~~respect~~<u>courtesy</u>.\n')
    expect(diff.stderr).not.toContain('wrote')
    expect(existsSync(join(dir, '-'))).toBe(false)

    const examples = copyOfExamples()
    const shown = await runCli(['show', 'uttlesford', '3.9', '--format', 'text', '-o', '-'], examples)
    expect(shown.code, shown.stderr).toBe(0)
    expect(shown.stdout).toMatch(/^3\.9 /m)
    expect(existsSync(join(examples, '-'))).toBe(false)
  })

  it('paper --format html -o - prints the page', async () => {
    const paper = await runCli(['paper', 'uttlesford', '--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25', '--meta', 'papers/council-2017-05-16.yml', '--format', 'html', '-o', '-'], repoRoot)
    expect(paper.code, paper.stderr).toBe(0)
    expect(paper.stdout.startsWith('<!doctype html>')).toBe(true)
    expect(existsSync(join(repoRoot, '-'))).toBe(false)
  })

  it('a Word document is not written to stdout: -o - with --format docx is refused (exit 2), nothing written', async () => {
    const dir = tempProject()
    writeFileSync(join(dir, 'a.md'), 'One.\n')
    writeFileSync(join(dir, 'b.md'), 'Two.\n')
    const refused = await runCli(['diff', 'a.md', 'b.md', '--format', 'docx', '-o', '-'], dir)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toBe('keeling: a Word document is a file: give one with -o, e.g. --format docx -o appendix-b.docx\n')
    expect(existsSync(join(dir, '-'))).toBe(false)
  })
})
