import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copyOfExamples, repoRoot, runCli, tempProject } from '../helpers/run-cli.js'

const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }

describe('keeling (the program)', () => {
  it('prints the version of package.json', async () => {
    expect(await runCli(['--version'], tempProject())).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' })
  })

  it('lists its commands with an example in --help, and each command has its own', async () => {
    const help = await runCli(['--help'], tempProject())
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/import \[options\] <file>/)
    expect(help.stdout).toMatch(/check \[options\] \[files\.\.\.\]/)
    expect(help.stdout).toMatch(/Examples:\n {2}\$ keeling show uttlesford/)
    expect(help.stdout).toContain('$ keeling paper uttlesford --from council-2017-04-04 --to cwg-2017-04-25 --meta papers/council-2017-05-16.yml')
    for (const command of ['import', 'check', 'show', 'paper', 'verify']) {
      const own = await runCli(['help', command], tempProject())
      expect(own.code).toBe(0)
      expect(own.stdout).toMatch(new RegExp(`Usage: keeling ${command}[\\s\\S]*Examples?:\\n {2}\\$ keeling ${command} `))
    }
  })

  it('exits 2 on an unknown command or option', async () => {
    const unknown = await runCli(['frobnicate'], tempProject())
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/)
    const badFormat = await runCli(['show', 'x', '--format', 'pdf'], tempProject())
    expect(badFormat.code).toBe(2)
    expect(badFormat.stderr).toMatch(/Allowed choices are md, text, json/)
  })
})

describe('keeling check', () => {
  it('passes the repository protocols: exit 0, warnings only', async () => {
    const result = await runCli(['check'], copyOfExamples())
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/4 protocols checked: 0 errors, \d+ warnings\n$/)
  })

  it('reports every problem in every file at once, file:line:col first, and exits 1', async () => {
    const dir = copyOfExamples()
    const path = join(dir, 'protocols', 'uttlesford.md')
    const text = readFileSync(path, 'utf8')
      .replace('<a id="c3-6"></a>', '<a id="c3-5"></a>')
      .replace('4.2 Such familiarity', '4.1 Such familiarity')
    writeFileSync(path, text)
    const result = await runCli(['check', 'uttlesford', 'protocols/town-council.md'], dir)
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /^protocols\/uttlesford\.md:\d+:1: error: Duplicate clause ID `c3-5`, first defined at \d+:1; give this clause an ID not used before \[duplicate-clause-id\]$/m
    )
    expect(result.stdout).toMatch(/^protocols\/uttlesford\.md:\d+:\d+: error: Duplicate number 4\.1 at this level, first used at \d+:\d+; renumber one of them \[duplicate-number\]$/m)
    expect(result.stdout).toMatch(/^protocols\/town-council\.md:\d+:\d+: warning: Number 9\.2 opens section 9/m)
    expect(result.stdout).toMatch(/2 protocols checked: 2 errors, 2 warnings\n$/)
  })

  it('prints problems as JSON with --json', async () => {
    const result = await runCli(['check', 'oadby-wigston', '--json'], copyOfExamples())
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({ file: 'protocols/oadby-wigston.md', line: 10, severity: 'warning', code: 'unexpected-number' }),
      expect.objectContaining({ file: 'protocols/oadby-wigston.md', line: 12, severity: 'warning', code: 'unexpected-number' })
    ])
  })

  it('exits 2 when there is nothing to check or the protocol does not exist', async () => {
    expect((await runCli(['check'], tempProject())).code).toBe(2)
    const missing = await runCli(['check', 'nope'], copyOfExamples())
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/no protocol "nope"; protocols here: oadby-wigston/)
  })
})

describe('bin/keeling.js (built)', () => {
  it('runs import and show end to end in a fresh project', () => {
    const dir = tempProject()
    const bin = join(repoRoot, 'bin', 'keeling.js')
    const seed = join(repoRoot, 'test', 'fixtures', 'seeds', '001_193aa8302432bc19.txt')
    const imported = spawnSync(process.execPath, [bin, 'import', seed, '--as', 's001'], { cwd: dir, encoding: 'utf8' })
    expect(imported.status).toBe(0)
    expect(imported.stderr).toMatch(/wrote protocols\/s001\.md: 29 clauses/)
    const shown = execFileSync(process.execPath, [bin, 'show', 's001', '21.2.1', '--format', 'text'], { cwd: dir, encoding: 'utf8' })
    expect(shown).toMatch(/^21\.2\.1 Mutual Respect\n\nMutual respect between employees and Members/)
    const missing = spawnSync(process.execPath, [bin, 'show', 's001', '99.9'], { cwd: dir, encoding: 'utf8' })
    expect(missing.status).toBe(2)
    expect(missing.stderr).toBe('keeling: no clause "99.9" in s001\n')
  })

  it('stops quietly when its reader stops reading (keeling diff A B | head), as git does', () => {
    const dir = tempProject()
    // Two texts whose diff is far longer than a pipe holds (64 KiB): a paragraph of 40,000 words put in, about
    // 390 KB of output that takes a tenth of a second to find (a word changed in every other place took ten).
    const words = Array.from({ length: 40000 }, (_, index) => `word${index}`)
    writeFileSync(join(dir, 'a.txt'), 'The first paragraph stays.\n')
    writeFileSync(join(dir, 'b.txt'), `The first paragraph stays.\n\n${words.join(' ')}\n`)
    const bin = join(repoRoot, 'bin', 'keeling.js')
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" diff a.txt b.txt | head -c 100 > /dev/null; echo "\${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.stdout.trim()).toBe('141')
  })
})
