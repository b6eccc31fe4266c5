import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot, seedsDir, tempProject } from './helpers/run-cli.js'

/** Run an ES module in a new Node process inside the repository, where `import … from 'keeling'` resolves through package.json's exports. */
function runModule(source: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', source], { cwd: repoRoot, encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe("keeling as a library: import { … } from 'keeling'", () => {
  it('imports a council document, applies a motion to it and diffs the two texts, with no file written', () => {
    const seed = join(seedsDir, '003_512089cfc3757461.txt')
    const result = runModule(`
      import { readFileSync } from 'node:fs'
      import { importDocument, applyMotionTexts, diffTexts, acceptAll, rejectAll, renderMarkdownDiff, parseProtocol } from 'keeling'
      const imported = await importDocument(new Uint8Array(readFileSync(${JSON.stringify(seed)})), { slug: 'town' })
      if ('failure' in imported) throw new Error(imported.failure.reason)
      const motion = '---\\ntitle: Advice\\nmover: Cllr Lee\\n---\\n\\n1. In paragraph 2.1, leave out "Guidance" and insert "Advice".\\n'
      const applied = applyMotionTexts(imported.markdown, [{ id: 'lee-1', text: motion }], { protocol: 'town' })
      if ('problems' in applied) throw new Error(applied.problems.map((problem) => problem.message.reason).join('; '))
      const changes = diffTexts(imported.markdown, applied.text)
      console.log(JSON.stringify({
        clauses: parseProtocol(imported.markdown).all.length,
        clause: applied.text.split('\\n').find((line) => line.includes('2.1 ')),
        before: imported.markdown,
        after: applied.text,
        accepted: acceptAll(changes),
        rejected: rejectAll(changes),
        marked: renderMarkdownDiff(changes).includes('~~Guidance~~')
      }))
    `)
    expect(result.stderr).toBe('')
    const out = JSON.parse(result.stdout) as { clauses: number; clause: string; before: string; after: string; accepted: string; rejected: string; marked: boolean }
    expect(out.clause).toMatch(/2\.1 Advice on personal relationships is contained within the Codes of Conduct\.$/)
    expect(out.marked).toBe(true)
    expect(out.clauses).toBeGreaterThan(30)
    // Accept-all and reject-all give the two texts back as a reader has them: no front matter, no ID anchors.
    const read = (text: string): string => text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/<a id="[^"]*"><\/a>/g, '').replace(/\[([^\]]*)\]\(#[^)]*\)/g, '$1').trim()
    expect(out.accepted.trim()).toBe(read(out.after))
    expect(out.rejected.trim()).toBe(read(out.before))
  })

  it('marshals motion texts and simulates an outcome, as keeling marshal does, with no file read by keeling', () => {
    const meeting = join(repoRoot, 'test', 'fixtures', 'meeting')
    const result = runModule(`
      import { readFileSync, readdirSync } from 'node:fs'
      import { marshalMotionTexts } from 'keeling'
      const folder = ${JSON.stringify(join(meeting, 'amendments', 'town-council'))}
      const motions = readdirSync(folder).map((name) => ({ id: name.replace(/\\.md$/, ''), text: readFileSync(folder + '/' + name, 'utf8') }))
      const protocol = readFileSync(${JSON.stringify(join(meeting, 'protocols', 'town-council.md'))}, 'utf8')
      const { marshal, simulate } = marshalMotionTexts(protocol, motions, { protocol: 'town-council' })
      const outcome = simulate({ carried: ['baker-atmosphere'], lost: [] })
      console.log(JSON.stringify({ first: marshal.motions[0].id, pairs: marshal.conflicts.length, fallen: outcome.fallen, changed: outcome.text.includes('a friendly atmosphere') }))
    `)
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual({
      first: 'baker-atmosphere',
      pairs: 45,
      fallen: [{ number: 2, id: 'chen-relaxed', reason: 'the words “informal” will have been left out' }],
      changed: true
    })
  })

  it('refuses what it cannot import, as the command does, and says why', () => {
    const result = runModule(`
      import { importDocument } from 'keeling'
      const refused = await importDocument(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), { slug: 'old' })
      console.log(JSON.stringify(refused))
    `)
    expect(JSON.parse(result.stdout)).toMatchObject({ failure: { code: 'unsupported-format' } })
  })

  it("verifies a history given its files: replays Uttlesford's versions from its records, and names a stored text changed since", () => {
    const result = runModule(`
      import { readFileSync } from 'node:fs'
      import { parseHistory, checkChain, replayHistory, lastHash, readHead, parseMotion } from 'keeling'
      const history = parseHistory(readFileSync('history/uttlesford.yml', 'utf8'))
      const stored = (label) => { try { return readFileSync('history/uttlesford/' + label + '.md', 'utf8') } catch { return undefined } }
      const motion = (id) => { const text = readFileSync('amendments/uttlesford/' + id + '.md', 'utf8'); return { motion: parseMotion(text, id, 'uttlesford'), text, name: id + '.md' } }
      const replay = replayHistory(history, stored, motion)
      const altered = replayHistory(history, (label) => label === 'council-2017-04-04' ? stored(label).replace('advocates', 'advocate') : stored(label), motion)
      console.log(JSON.stringify({
        problems: history.problems.length, chain: checkChain(history).length, failure: 'failure' in replay,
        labels: [...replay.texts.keys()], head: lastHash(history), anchored: readHead(readFileSync('protocols/uttlesford.md', 'utf8')),
        altered: altered.failure?.reason ?? ''
      }))
    `)
    expect(result.stderr).toBe('')
    const out = JSON.parse(result.stdout) as { problems: number; chain: number; failure: boolean; labels: string[]; head: string; anchored: string; altered: string }
    expect(out).toMatchObject({ problems: 0, chain: 0, failure: false, labels: ['submitted-2017-04-04', 'council-2017-04-04', 'cwg-2017-04-25'] })
    // The head the protocol's front matter records is the hash of the history's last record.
    expect(out.head).toBe(out.anchored)
    expect(out.altered).toBe('the stored text of version council-2017-04-04 was changed since it was adopted (its SHA-256 differs from the record)')
  })

  it('ships its types: package.json names declarations that declare the functions', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { exports: { '.': { types: string; import: string } } }
    const entry = join(repoRoot, manifest.exports['.'].types)
    const types = readFileSync(entry, 'utf8')
    for (const name of ['applyMotionTexts', 'diffTexts', 'marshalMotionTexts']) expect(types).toContain(`export declare function ${name}(`)
    // importDocument is the importer's own, re-exported: declared where it lives.
    const from = /export \{ importDocument \} from '(\.[^']+)\.js'/.exec(types)?.[1] ?? ''
    expect(readFileSync(join(entry, '..', `${from}.d.ts`), 'utf8')).toContain('export declare function importDocument(')
  })
})

describe('the published package: the README example run against what npm pack makes', () => {
  it('installs from the tarball into a new folder and runs the README example word for word', () => {
    const dir = tempProject()
    // --ignore-scripts: the package is packed as dist/ stands (the test run built it), not rebuilt under other tests.
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: repoRoot, encoding: 'utf8' })) as Array<{ filename: string; files: Array<{ path: string }> }>
    const tarball = packed[0]
    expect(tarball).toBeDefined()
    const shipped = (tarball?.files ?? []).map((file) => file.path)
    expect(shipped).toEqual(expect.arrayContaining(['package.json', 'bin/keeling.js', 'bin/package.json', 'dist/index.js', 'dist/main.js', 'dist/start.cjs', 'dist/cli.cjs', 'dist/types/index.d.ts']))
    expect(shipped.filter((path) => path.startsWith('src/') || path.startsWith('test/'))).toEqual([])
    // Installed as npm installs it: the package in node_modules/keeling; its dependencies (only those package.json
    // declares) beside it, linked from this clone's node_modules, since no registry is asked in a test.
    const modules = join(dir, 'node_modules')
    mkdirSync(join(modules, 'keeling'), { recursive: true })
    execFileSync('tar', ['-xzf', join(dir, tarball?.filename ?? ''), '-C', join(modules, 'keeling'), '--strip-components=1'])
    const manifest = JSON.parse(readFileSync(join(modules, 'keeling', 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    for (const name of Object.keys(manifest.dependencies)) {
      mkdirSync(join(modules, name, '..'), { recursive: true })
      symlinkSync(join(repoRoot, 'node_modules', name), join(modules, name), 'dir')
    }
    expect(existsSync(join(modules, 'vitest'))).toBe(false)
    writeFileSync(join(dir, 'package.json'), '{ "name": "a-council-site", "private": true, "type": "module" }\n')
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('## keeling as a library'))
    const example = /```js\n([\s\S]*?)```/.exec(section)?.[1] ?? ''
    expect(example).toContain("from 'keeling'")
    writeFileSync(join(dir, 'example.mjs'), example)
    copyFileSync(join(seedsDir, '003_512089cfc3757461.txt'), join(dir, 'standing-orders.txt'))
    const run = spawnSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    // The seed's paragraph 2.1 read "Guidance on personal relationships …": the appendix strikes it and underlines the new word.
    expect(readFileSync(join(seedsDir, '003_512089cfc3757461.txt'), 'utf8')).toContain('Guidance on personal relationships')
    expect(run.stdout).toMatch(/2\.1 ~~Guidance~~ ?<u>Advice<\/u> on personal relationships/)
  }, 120_000)
})
