import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/run-cli.js'
import { addingMotion, decideArgs, leftovers, motion, rulesProject } from './project.js'

/** Every file of a project with its text, to show that a refused command wrote nothing. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, name.name)
      if (name.isDirectory()) walk(path)
      else files[path.slice(dir.length + 1)] = readFileSync(path, 'latin1')
    }
  }
  walk(dir)
  return files
}

const oneLine = (stderr: string): void => {
  expect(stderr.trimEnd().split('\n')).toHaveLength(1)
  expect(stderr).not.toMatch(/\n\s+at /)
}

afterEach(() => {
  delete process.env['KEELING_TEST_FAULT']
})

describe('an environment error is one line, exit 2, and nothing is half-written', () => {
  for (const [code, words] of [
    ['ENOSPC', 'no space left on the device (ENOSPC); free some space'],
    ['EACCES', 'permission denied (EACCES)'],
    ['EROFS', 'the file system is read-only (EROFS)']
  ]) {
    it(`${code} while writing: decide, adopt, apply and diff -o`, async () => {
      const dir = await rulesProject()
      const path = addingMotion(dir, 'm1')
      expect((await runCli(decideArgs(addingMotion(dir, 'm0')), dir)).code).toBe(0)
      const before = snapshot(dir)
      process.env['KEELING_TEST_FAULT'] = code
      for (const argv of [decideArgs(path), ['adopt', 'rules', '--version', 'v2', '--date', '2020-03-01', '--by', 'Council', 'amendments/rules/m0.md'], ['apply', path], ['diff', 'rules', 'rules', '-o', 'out.md']]) {
        const result = await runCli(argv, dir)
        expect(result.code, argv.join(' ')).toBe(2)
        expect(result.stderr).toContain(words)
        expect(result.stderr).toMatch(/^keeling: cannot write [^:]+: /)
        oneLine(result.stderr)
      }
      delete process.env['KEELING_TEST_FAULT']
      expect(snapshot(dir)).toEqual(before)
      expect(leftovers(dir)).toEqual([])
    })
  }

  it('EISDIR, ENOTDIR and ENAMETOOLONG: a folder as -o, history/ a file, a name too long', async () => {
    const dir = await rulesProject()
    mkdirSync(join(dir, 'out'))
    const folder = await runCli(['diff', 'rules', 'rules', '-o', 'out'], dir)
    expect(folder).toMatchObject({ code: 2, stderr: expect.stringContaining('keeling: cannot write out: it is a folder, not a file (EISDIR)') })
    oneLine(folder.stderr)
    const long = await runCli(['diff', 'rules', 'rules', '-o', `${'a'.repeat(300)}.md`], dir)
    expect(long).toMatchObject({ code: 2, stderr: expect.stringContaining('the file name is too long (ENAMETOOLONG); give a shorter name') })
    oneLine(long.stderr)
    expect(long.stderr).not.toContain('.tmp')
    const other = await rulesProject()
    const path = addingMotion(other, 'm1')
    writeFileSync(join(other, 'history.yml'), '')
    const { renameSync, rmSync } = await import('node:fs')
    rmSync(join(other, 'history'), { recursive: true })
    renameSync(join(other, 'history.yml'), join(other, 'history'))
    const decided = await runCli(decideArgs(path), other)
    expect(decided).toMatchObject({ code: 2, stderr: expect.stringContaining('history/rules.yml: a part of the path is a file, not a folder (ENOTDIR)') })
    oneLine(decided.stderr)
  })

  it('an impossible -o path is refused at once (it used to spin for ever)', async () => {
    const dir = await rulesProject()
    const result = await runCli(['diff', 'rules', 'rules', '-o', '/proc/1/nope/x.md'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^keeling: cannot write \/proc\/1\/nope/)
    oneLine(result.stderr)
  })

  it('a YAML alias bomb in a history or in front matter is a problem named where it is, not a crash', async () => {
    const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n'
    const dir = await rulesProject()
    const history = join(dir, 'history', 'rules.yml')
    writeFileSync(history, `${readFileSync(history, 'utf8')}---\n${bomb}`)
    const verified = await runCli(['verify', 'rules'], dir)
    expect(verified.code).toBe(1)
    expect(verified.stderr).toMatch(/^history\/rules\.yml:\d+: not a record: .*(alias|Alias)/m)
    writeFileSync(join(dir, 'protocols', 'bomb.md'), `---\ntitle: Bomb\nslug: bomb\n${bomb}---\n\n<a id="c1"></a>1. Text.\n`)
    const checked = await runCli(['check', 'bomb'], dir)
    expect(checked.code).toBe(1)
    expect(checked.stdout).toMatch(/protocols\/bomb\.md:2:1: error: Front matter is not valid metadata: .*without YAML aliases/)
  })
})

describe('an output never overwrites a record', () => {
  it('-o onto a protocol, a history, a version text or a motion is refused, with --force too', async () => {
    const dir = await rulesProject()
    const path = addingMotion(dir, 'm1')
    expect((await runCli(decideArgs(path), dir)).code).toBe(0)
    const before = snapshot(dir)
    for (const target of ['protocols/rules.md', 'history/rules.yml', 'history/rules/v1.md', path, 'protocols/new.html', '.keeling/x']) {
      for (const force of [[], ['--force']]) {
        const result = await runCli(['diff', 'rules', 'rules', '--format', 'md', '-o', target, ...force], dir)
        expect(result.code, target).toBe(2)
        expect(result.stderr).toMatch(/^keeling: -o \S+ is in (protocols|history|amendments|\.keeling)\/, which holds .*: an output is never written among the records/)
        oneLine(result.stderr)
      }
    }
    const report = await runCli(['show', 'rules', '-o', 'protocols/rules.md', '--force'], dir)
    expect(report.code).toBe(2)
    const init = await runCli(['paper', 'rules', '--init', 'history/PAPER.yml'], dir)
    expect(init.code).toBe(2)
    expect(snapshot(dir)).toEqual(before)
  })

  it("-o onto the command's own input needs --force", async () => {
    const dir = await rulesProject()
    writeFileSync(join(dir, 'in.md'), readFileSync(join(dir, 'protocols', 'rules.md'), 'utf8'))
    const refused = await runCli(['diff', 'in.md', 'rules', '-o', 'in.md'], dir)
    expect(refused).toEqual({ code: 2, stdout: '', stderr: "keeling: -o in.md is this command's input; write the output to another file, or pass --force to replace the input\n" })
    const forced = await runCli(['diff', 'in.md', 'rules', '-o', './in.md', '--force'], dir)
    expect(forced.code).toBe(0)
  })

  it('show -o writes the file in every format', async () => {
    const dir = await rulesProject()
    for (const format of ['md', 'text', 'json', 'html']) {
      const result = await runCli(['show', 'rules', '--format', format, '-o', `out.${format}`], dir)
      expect(result, format).toEqual({ code: 0, stdout: '', stderr: `wrote out.${format}\n` })
      expect(readFileSync(join(dir, `out.${format}`), 'utf8').length).toBeGreaterThan(100)
    }
    expect(readFileSync(join(dir, 'out.text'), 'utf8')).toContain('3.2 Officers give facts.')
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))).toBeTruthy()
  })
})

describe('records are names: decide, adopt and apply take only motions of amendments/SLUG/', () => {
  it('refuses a motion whose file name is not a motion ID, one for no protocol, one outside amendments/', async () => {
    const dir = await rulesProject()
    motion(dir, 'Bad Name', '1. In paragraph 3.2, at the end insert " Always."')
    mkdirSync(join(dir, 'amendments', 'nosuch'))
    writeFileSync(join(dir, 'amendments', 'nosuch', 'x.md'), '---\ntitle: x\nmover: Cllr X\n---\n\n1. In paragraph 3.2, at the end insert " Always."\n')
    mkdirSync(join(dir, 'drafts'))
    writeFileSync(join(dir, 'drafts', 'm9.md'), '---\ntitle: m9\nmover: Cllr X\nprotocol: rules\n---\n\n1. In paragraph 3.2, at the end insert " Always."\n')
    motion(dir, 'm6', '1. In paragraph 3.2, at the end insert " Always."')
    const other = await rulesProject()
    motion(other, 'm5', '1. In paragraph 3.2, at the end insert " Always."')
    const before = snapshot(dir)
    const cases: Array<[string[], string]> = [
      [decideArgs('amendments/rules/Bad Name.md'), '"Bad Name" cannot name a motion in the records'],
      [decideArgs('amendments/nosuch/x.md'), 'there is no protocol protocols/nosuch.md'],
      [decideArgs('drafts/m9.md'), 'drafts/m9.md is not in amendments/<protocol>/'],
      [['adopt', 'rules', '--version', 'v2', '--date', '2020-03-01', '--by', 'Council', 'drafts/m9.md'], 'drafts/m9.md is not in amendments/<protocol>/'],
      [['apply', 'drafts/m9.md'], 'drafts/m9.md is not in amendments/<protocol>/'],
      // A motion's ID for its file, as a clerk types it: the file named.
      [['adopt', 'rules', '--version', 'v2', '--date', '2020-03-01', '--by', 'Council', 'bad-name'], 'bad-name is a motion\'s ID, not its file: give the file (a decision or version names'],
      [decideArgs('m6'), "m6 is a motion's ID, not its file: give the file, amendments/rules/m6.md"],
      // A motion of another project (keeling run from the wrong folder): where to run it from.
      [decideArgs(join(other, 'amendments', 'rules', 'm5.md')), `is in another project's amendments/ folder: keeling works on the project in the folder it is run in (${dir}); run it from ${other}`]
    ]
    for (const [argv, words] of cases) {
      const result = await runCli(argv, dir)
      expect(result.code, argv.join(' ')).toBe(2)
      expect(result.stderr).toContain(words)
      oneLine(result.stderr)
    }
    expect(snapshot(dir)).toEqual(before)
    expect(existsSync(join(dir, 'history', 'nosuch.yml'))).toBe(false)
    // A dry run reads a draft from anywhere: it writes nothing.
    expect((await runCli(['apply', '--dry-run', 'drafts/m9.md'], dir)).code).toBe(0)
  })

  it('import never replaces a protocol with a history; motion new never replaces a motion decided on', async () => {
    const dir = await rulesProject()
    writeFileSync(join(dir, 'rules.txt'), '1. Introduction\n\n1.1 Something else entirely.\n')
    const imported = await runCli(['import', 'rules.txt', '--as', 'rules', '--force'], dir)
    expect(imported.code).toBe(1)
    expect(imported.stderr).toContain('has a recorded history (history/rules.yml): its text is a record and import never replaces it')
    const path = addingMotion(dir, 'm1')
    expect((await runCli(decideArgs(path), dir)).code).toBe(0)
    const before = readFileSync(join(dir, path), 'utf8')
    const replaced = await runCli(['motion', 'new', 'rules', '--title', 'Other', '--mover', 'Cllr Y', '--id', 'm1', '--force'], dir)
    expect(replaced.code).toBe(1)
    expect(replaced.stderr).toContain('amendments/rules/m1.md is a record: Council decided on it (carried, 2020-02-01); a motion decided on is never replaced')
    expect(readFileSync(join(dir, path), 'utf8')).toBe(before)
  })
})

describe('the lock', () => {
  const lockOf = (dir: string): string => join(dir, '.keeling', 'locks', 'rules.lock')
  const startOf = (pid: number): string => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? ''
  }
  const writeLock = (dir: string, owner: Record<string, unknown>): void => {
    mkdirSync(join(dir, '.keeling', 'locks'), { recursive: true })
    writeFileSync(lockOf(dir), JSON.stringify({ token: '1-abc', host: hostname(), since: '2020-01-01T00:00:00.000Z', command: 'keeling adopt rules', ...owner }))
  }

  it("is taken over from a process that has ended, or whose pid now belongs to another process", async () => {
    const dir = await rulesProject()
    // pid 1 is alive, but not the process that took the lock: its start time differs.
    writeLock(dir, { pid: 1, processStart: '1' })
    expect((await runCli(decideArgs(addingMotion(dir, 'm1')), dir)).code).toBe(0)
    writeLock(dir, { pid: 2 ** 22 + 7, processStart: null })
    expect((await runCli(decideArgs(addingMotion(dir, 'm2')), dir)).code).toBe(0)
    writeFileSync(lockOf(dir), '12225\n')
    expect((await runCli(decideArgs(addingMotion(dir, 'm3')), dir)).code).toBe(0)
    expect(existsSync(lockOf(dir))).toBe(false)
  })

  it('held by a live keeling: waited for, then a message naming the holder and how to clear it; a dry run or a reader does not wait', async () => {
    const dir = await rulesProject()
    writeLock(dir, { pid: process.pid, processStart: startOf(process.pid) })
    const path = addingMotion(dir, 'm1')
    const result = await runCli(decideArgs(path), dir, { KEELING_LOCK_WAIT: '0.2' })
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `keeling: rules is being changed by another keeling: the lock .keeling/locks/rules.lock is held by pid ${process.pid} (keeling adopt rules) since 2020-01-01T00:00:00.000Z; try again when it has finished (if no keeling is running, the lock is left from a machine that was turned off: remove .keeling/locks/rules.lock)\n`
    )
    expect((await runCli(['apply', '--dry-run', path], dir, { KEELING_LOCK_WAIT: '0.2' })).code).toBe(0)
    expect((await runCli(['verify', 'rules'], dir, { KEELING_LOCK_WAIT: '0.2' })).code).toBe(0)
    expect(existsSync(lockOf(dir))).toBe(true)
  })

  it('a lock file in protocols/ (keeling 0.1 wrote them there) is not a lock any more, and a dry run leaves it alone', async () => {
    const dir = await rulesProject()
    writeFileSync(join(dir, 'protocols', 'rules.md.lock'), '1\n')
    const path = addingMotion(dir, 'm1')
    expect((await runCli(['apply', '--dry-run', path], dir)).code).toBe(0)
    expect(existsSync(join(dir, 'protocols', 'rules.md.lock'))).toBe(true)
    expect((await runCli(['apply', path], dir)).code).toBe(0)
  })

  it('is never committed: the state folder ignores itself', async () => {
    const dir = await rulesProject()
    expect(readFileSync(join(dir, '.keeling', '.gitignore'), 'utf8')).toMatch(/^\*$/m)
  })
})
