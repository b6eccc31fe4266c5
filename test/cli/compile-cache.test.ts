// The command line's compile cache (src/start.ts): kept per command, used when it is whole and of the bundle as it
// is, and never the reason a command fails or says something else. Each test runs a copy of bin/ and the two
// files of dist/ the command line is made of, so that a bundle can be edited without touching the build.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copyOfExamples, repoRoot, tempProject } from '../helpers/run-cli.js'

/** A copy of the built command line: bin/keeling.js, bin/package.json, dist/ (the bundle, and the ES modules for runs with no cache), and node_modules linked (PDF.js). */
function copyOfCli(): string {
  const root = tempProject()
  for (const file of ['bin/keeling.js', 'bin/package.json']) {
    mkdirSync(join(root, file, '..'), { recursive: true })
    copyFileSync(join(repoRoot, file), join(root, file))
  }
  cpSync(join(repoRoot, 'dist'), join(root, 'dist'), { recursive: true, filter: (source) => !source.includes(`${join('dist', 'types')}`) })
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'junction')
  return root
}

function keeling(cli: string, argv: string[], env: Record<string, string>, cwd = copyOfExamples(), nodeFlags: string[] = []): { status: number | null; stdout: string; stderr: string } {
  const { KEELING_COMPILE_CACHE: _, ...inherited } = process.env
  const { status, stdout, stderr } = spawnSync(process.execPath, [...nodeFlags, join(cli, 'bin', 'keeling.js'), ...argv], { cwd, encoding: 'utf8', env: { ...inherited, ...env } })
  return { status, stdout, stderr }
}

/** The cache files under a folder, by name (with their folder for V8's version), and what each holds. */
function cacheFiles(folder: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>()
  if (!existsSync(folder)) return found
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    const path = join(folder, name)
    if (statSync(path).isFile()) found.set(name.split('\\').join('/'), readFileSync(path))
  }
  return found
}

const only = (files: Map<string, Buffer>): [string, Buffer] => {
  expect(files.size).toBe(1)
  return [...files][0] as [string, Buffer]
}

describe('the compile cache', () => {
  it('is written after a command runs, under the V8 version, the build and the command, and then read, not rewritten', () => {
    const cli = copyOfCli()
    const folder = join(tempProject(), 'cache')
    const first = keeling(cli, ['show', 'uttlesford', '3.9', '--format', 'text'], { KEELING_COMPILE_CACHE: folder })
    expect(first.status, first.stderr).toBe(0)
    const [name, bytes] = only(cacheFiles(folder))
    const build = /^\/\/ keeling build ([0-9a-f]{16})\n/.exec(readFileSync(join(cli, 'dist', 'cli.cjs'), 'utf8'))?.[1]
    expect(name).toMatch(new RegExp(`^v8-${process.versions.v8.replace(/\./g, '\\.')}-${process.arch}/${build}-[0-9a-f]{8}-show\\.bin$`))
    expect(bytes.subarray(0, 4).toString()).toBe('KCC1')
    const written = statSync(join(folder, name))
    const second = keeling(cli, ['show', 'uttlesford', '3.9', '--format', 'text'], { KEELING_COMPILE_CACHE: folder })
    expect(second).toEqual(first)
    expect(first.stdout).toMatch(/^3\.9 /)
    const after = statSync(join(folder, name))
    expect([after.ino, after.mtimeMs]).toEqual([written.ino, written.mtimeMs])
  })

  it('an altered or cut-short cache file is not handed to V8 (which would crash): the command runs as before and writes it again', () => {
    const cli = copyOfCli()
    const folder = join(tempProject(), 'cache')
    const expected = keeling(cli, ['--version'], { KEELING_COMPILE_CACHE: folder })
    expect(expected.status).toBe(0)
    const [name, bytes] = only(cacheFiles(folder))
    const altered = Buffer.from(bytes)
    for (let at = 2000; at < altered.length; at += 997) altered[at] = (altered[at] ?? 0) ^ 0x5a
    for (const spoilt of [altered, bytes.subarray(0, bytes.length >> 1)]) {
      writeFileSync(join(folder, name), spoilt)
      const run = keeling(cli, ['--version'], { KEELING_COMPILE_CACHE: folder })
      expect(run).toEqual(expected)
      const rewritten = readFileSync(join(folder, name))
      expect(rewritten.subarray(0, 4).toString()).toBe('KCC1')
      expect(createHash('sha256').update(rewritten.subarray(36)).digest().equals(rewritten.subarray(4, 36))).toBe(true)
      expect(rewritten.length).toBeGreaterThan(bytes.length / 2)
    }
  })

  it('a bundle changed since the cache was written is compiled from what it now says, even at the same length', () => {
    const cli = copyOfCli()
    const folder = join(tempProject(), 'cache')
    expect(keeling(cli, ['--version'], { KEELING_COMPILE_CACHE: folder }).stdout).toBe('0.1.0\n')
    const bundle = join(cli, 'dist', 'cli.cjs')
    const source = readFileSync(bundle, 'utf8')
    expect(source.match(/"0\.1\.0"/g)).toHaveLength(1)
    writeFileSync(bundle, source.replace('"0.1.0"', '"9.1.0"'))
    const later = new Date(statSync(bundle).mtimeMs + 10_000)
    utimesSync(bundle, later, later)
    expect(keeling(cli, ['--version'], { KEELING_COMPILE_CACHE: folder }).stdout).toBe('9.1.0\n')
  })

  it('keeps forty files: writing one takes away the oldest of other builds, and a temporary file left a minute ago', () => {
    const cli = copyOfCli()
    const folder = join(tempProject(), 'cache')
    const versionFolder = join(folder, `v8-${process.versions.v8}-${process.arch}`)
    mkdirSync(versionFolder, { recursive: true })
    const hour = Date.now() / 1000 - 3600
    const others = Array.from({ length: 45 }, (_, index) => `0123456789abcdef-00000000-command${index}.bin`)
    others.forEach((name, index) => {
      writeFileSync(join(versionFolder, name), 'another build')
      utimesSync(join(versionFolder, name), hour - index, hour - index)
    })
    const failed = keeling(cli, ['show', 'nope'], { KEELING_COMPILE_CACHE: folder })
    expect(failed.status).toBe(2)
    expect(cacheFiles(versionFolder).size).toBe(45)
    expect(keeling(cli, ['show', 'uttlesford', '3.9'], { KEELING_COMPILE_CACHE: folder }).status).toBe(0)
    const kept = [...cacheFiles(versionFolder).keys()]
    expect(kept).toHaveLength(40)
    expect(kept.filter((name) => name.endsWith('-show.bin') && !name.startsWith('0123456789abcdef'))).toHaveLength(1)
    expect(kept.filter((name) => name.startsWith('0123456789abcdef')).sort()).toEqual(others.slice(0, 39).sort())

    // Temporary files: of this copy (named as it names them) and of another, one left by a run that stopped an hour
    // ago and one being written now.
    const fewer = join(tempProject(), 'cache')
    const fewerFolder = join(fewer, `v8-${process.versions.v8}-${process.arch}`)
    const ours = kept.find((name) => name.endsWith('-show.bin') && !name.startsWith('0123456789abcdef'))?.split('/').at(-1) ?? ''
    mkdirSync(fewerFolder, { recursive: true })
    for (const name of [`${ours}.123.tmp`, '0123456789abcdef-00000000-show.bin.124.tmp']) {
      writeFileSync(join(fewerFolder, name), 'a run that stopped')
      utimesSync(join(fewerFolder, name), hour, hour)
    }
    writeFileSync(join(fewerFolder, `${ours}.456.tmp`), 'a run writing now')
    expect(keeling(cli, ['show', 'uttlesford', '3.9'], { KEELING_COMPILE_CACHE: fewer }).status).toBe(0)
    expect([...cacheFiles(fewerFolder).keys()].sort()).toEqual([ours, `${ours}.456.tmp`])
  })

  it('two copies of one build (two clones, built at different times) each keep their own files, and neither rewrites', () => {
    const [first, second] = [copyOfCli(), copyOfCli()]
    const later = new Date(statSync(join(second ?? '', 'dist', 'cli.cjs')).mtimeMs + 60_000)
    utimesSync(join(second ?? '', 'dist', 'cli.cjs'), later, later)
    const folder = join(tempProject(), 'cache')
    for (const cli of [first, second]) expect(keeling(cli ?? '', ['--version'], { KEELING_COMPILE_CACHE: folder }).status).toBe(0)
    const written = cacheFiles(folder)
    expect(written.size).toBe(2)
    const times = [...written.keys()].map((name) => statSync(join(folder, name)).mtimeMs)
    for (const cli of [first, second]) expect(keeling(cli ?? '', ['--version'], { KEELING_COMPILE_CACHE: folder }).stdout).toBe('0.1.0\n')
    expect([...written.keys()].map((name) => statSync(join(folder, name)).mtimeMs)).toEqual(times)
  })

  it('a run with other V8 flags keeps its own file (V8 refuses code compiled under other flags), and neither rewrites', () => {
    const cli = copyOfCli()
    const folder = join(tempProject(), 'cache')
    const runs = (): string[] => [[], ['--no-opt']].map((flags) => keeling(cli, ['--version'], { KEELING_COMPILE_CACHE: folder }, copyOfExamples(), flags).stdout)
    expect(runs()).toEqual(['0.1.0\n', '0.1.0\n'])
    const written = [...cacheFiles(folder).keys()]
    expect(written).toHaveLength(2)
    const times = written.map((name) => statSync(join(folder, name)).mtimeMs)
    expect(runs()).toEqual(['0.1.0\n', '0.1.0\n'])
    expect(written.map((name) => statSync(join(folder, name)).mtimeMs)).toEqual(times)
  })

  it('imports a PDF from code out of the cache as from code compiled anew (PDF.js is an ES module outside the bundle)', () => {
    const cli = copyOfCli()
    const folder = join(tempProject(), 'cache')
    const pdf = join(repoRoot, 'test', 'fixtures', 'import-formats', 'from-text', 'river-pc-standing-orders.pdf')
    const runs = [1, 2].map(() => {
      const project = tempProject()
      const run = keeling(cli, ['import', pdf, '--as', 'river'], { KEELING_COMPILE_CACHE: folder }, project)
      return { ...run, protocol: run.status === 0 ? readFileSync(join(project, 'protocols', 'river.md'), 'utf8') : '' }
    })
    expect(runs[0]?.status, runs[0]?.stderr).toBe(0)
    expect(runs[0]?.protocol).toContain('the proper officer of the Council')
    expect([...cacheFiles(folder).keys()]).toEqual([expect.stringMatching(/-import\.bin$/)])
    expect(runs[1]).toEqual(runs[0])
  })

  it('is kept in the user cache folder by default, nowhere with KEELING_COMPILE_CACHE=off, and a folder it cannot write is no error', () => {
    if (process.platform !== 'linux') return
    const cli = copyOfCli()
    const home = tempProject()
    const byDefault = keeling(cli, ['--version'], { HOME: home, XDG_CACHE_HOME: join(home, 'cached') })
    expect(byDefault.status).toBe(0)
    expect([...cacheFiles(join(home, 'cached')).keys()]).toEqual([expect.stringMatching(/^keeling\/compile-cache\/v8-[^/]+\/[0-9a-f]{16}-[0-9a-f]{8}--\.bin$/)])
    // A relative XDG_CACHE_HOME is passed over, as the XDG specification says: the cache goes to ~/.cache.
    const project = copyOfExamples()
    expect(keeling(cli, ['--version'], { HOME: home, XDG_CACHE_HOME: 'cached' }, project).status).toBe(0)
    expect(existsSync(join(project, 'cached'))).toBe(false)
    expect([...cacheFiles(join(home, '.cache')).keys()]).toEqual([expect.stringMatching(/^keeling\/compile-cache\//)])
    const bare = tempProject()
    const off = keeling(cli, ['--version'], { HOME: bare, XDG_CACHE_HOME: join(bare, 'cached'), KEELING_COMPILE_CACHE: 'off' })
    expect(off).toEqual(byDefault)
    expect(readdirSync(bare)).toEqual([])
    const notAFolder = join(tempProject(), 'file')
    writeFileSync(notAFolder, 'a file, not a folder')
    const blocked = keeling(cli, ['--version'], { KEELING_COMPILE_CACHE: notAFolder })
    expect(blocked).toEqual(byDefault)
    expect(readFileSync(notAFolder, 'utf8')).toBe('a file, not a folder')
  })
})
