import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { copyOfExamples, repoRoot } from '../helpers/run-cli.js'

const bundle = join(repoRoot, 'dist', 'cli.cjs')

/**
 * The modules the bundle evaluates only when something imports them: esbuild wraps each in `__esm({ "path"() {…} })`
 * (an ES module) or `__commonJS({ "path"(exports, module) {…} })` (a CommonJS one).
 */
function lazyModules(source: string): Set<string> {
  return new Set([...source.matchAll(/^ {2}"((?:node_modules|src)\/[^"]+)"\([\w, ]*\) \{$/gm)].map((match) => match[1] ?? ''))
}

/**
 * The lazily evaluated modules the built command line evaluated to run one command. A copy of the bundle is run
 * whose `__esm` and `__commonJS` (esbuild's helpers that evaluate a wrapped module the first time it is imported)
 * note each module's path; the copy is otherwise the bundle as built.
 */
function modulesEvaluated(argv: string[], dir: string): string[] {
  const source = readFileSync(bundle, 'utf8')
  const log = join(dir, 'evaluated.txt')
  const noting = (helper: string): string =>
    `var ${helper} = (wrapped, ...rest) => { const evaluate = ${helper}AsBuilt(wrapped, ...rest); const name = __getOwnPropNames(wrapped)[0]; return function () { __evaluated.add(name); return evaluate.apply(this, arguments) } };\nvar ${helper}AsBuilt = `
  let copied = `var __evaluated = new Set(); process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(log)}, [...__evaluated].join('\\n')));\n${source}`
  for (const helper of ['__esm', '__commonJS']) {
    expect(copied).toMatch(new RegExp(`^var ${helper} = `, 'm'))
    copied = copied.replace(new RegExp(`^var ${helper} = `, 'm'), noting(helper))
  }
  const copy = join(dir, 'cli-noting.cjs')
  writeFileSync(copy, copied)
  const runner = join(dir, 'run.cjs')
  writeFileSync(runner, `const { main, nodeIo } = require(${JSON.stringify(copy)})\nmain(process.argv.slice(2), nodeIo()).then((code) => { process.exitCode = code })\n`)
  const result = spawnSync(process.execPath, [runner, ...argv], { cwd: dir, encoding: 'utf8' })
  expect(result.status, result.stderr).toBe(0)
  return readFileSync(log, 'utf8').split('\n').filter(Boolean)
}

/**
 * The modules the ES module build of the command line (what runs where no compile cache can be kept) loaded to run
 * one command, as esbuild names them in its chunks (the `// path` comment before each module's code): every file
 * loaded is logged by a loader hook.
 */
function modulesLoaded(argv: string[], dir: string): string[] {
  const log = join(dir, 'loaded.txt')
  const hooks = join(dir, 'hooks.mjs')
  writeFileSync(hooks, `import { appendFileSync } from 'node:fs'\nexport async function load(url, context, next) {\n  appendFileSync(${JSON.stringify(log)}, url + '\\n')\n  return next(url, context)\n}\n`)
  const register = join(dir, 'register.mjs')
  writeFileSync(register, `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(hooks).href)})\n`)
  writeFileSync(log, '')
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, join(repoRoot, 'bin', 'keeling.js'), ...argv], { cwd: dir, encoding: 'utf8', env: { ...process.env, KEELING_COMPILE_CACHE: 'off' } })
  expect(result.status, result.stderr).toBe(0)
  const dist = join(repoRoot, 'dist')
  const files = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url))
    .filter((path) => path.startsWith(dist))
  expect(files).toContain(join(dist, 'main.js'))
  return [...new Set(files)].flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^\/\/ ((?:node_modules|src)\/\S+)$/gm)].map((match) => match[1] ?? ''))
}

describe('the command line evaluates what a command needs', () => {
  const lazy = lazyModules(readFileSync(bundle, 'utf8'))
  const html = (module: string): boolean => /^node_modules\/(?:hast-util-to-html|mdast-util-to-hast)\/|^src\/core\/render\/html-/.test(module)
  const word = (module: string): boolean => module.startsWith('node_modules/docx/')

  it('keeps Word, HTML, YAML and the Markdown parser out of what every command evaluates at start', () => {
    for (const path of ['node_modules/docx/dist/index.mjs', 'node_modules/hast-util-to-html/lib/index.js', 'src/core/render/html-write.ts', 'node_modules/yaml/dist/index.js', 'node_modules/remark/index.js']) {
      expect(lazy, path).toContain(path)
    }
  })

  // The bundle (what runs with a compile cache) by what it evaluates; the ES module build (what runs with none) by what it loads.
  it.each([
    ['the bundle', modulesEvaluated],
    ['the ES module build', modulesLoaded]
  ] as const)('%s: the Word consolidated text takes docx and no HTML writer; the HTML one hast and not docx', (_, modules) => {
    const dir = copyOfExamples()
    const forWord = modules(['show', 'uttlesford', '--format', 'docx', '-o', 'uttlesford.docx'], dir)
    expect(forWord.filter(word)).not.toEqual([])
    expect(forWord.filter(html)).toEqual([])
    const forHtml = modules(['show', 'uttlesford', '--format', 'html', '-o', 'uttlesford.html'], dir)
    expect(forHtml).toEqual(expect.arrayContaining([expect.stringMatching(/^node_modules\/hast-util-to-html\//), 'src/core/render/html-write.ts']))
    expect(forHtml.filter(word)).toEqual([])
  })

  it('keeling --version evaluates neither Word nor HTML nor YAML nor the Markdown parser; check evaluates YAML and no writer', () => {
    const heavy = (module: string): boolean => word(module) || html(module) || /^node_modules\/(?:yaml|remark|micromark)/.test(module)
    expect(modulesEvaluated(['--version'], copyOfExamples()).filter(heavy)).toEqual([])
    const checked = modulesEvaluated(['check', 'uttlesford'], copyOfExamples())
    expect(checked.filter((module) => module.startsWith('node_modules/yaml/'))).not.toEqual([])
    expect(checked.filter((module) => word(module) || html(module))).toEqual([])
  })
})
