import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { copyOfExamples, repoRoot } from '../helpers/run-cli.js'

const bin = join(repoRoot, 'bin', 'keeling.js')
const dist = join(repoRoot, 'dist')

/**
 * The modules the built CLI loaded to run one command, as esbuild names them in its bundle (the `// path`
 * comment it writes before each module's code): every file the CLI loaded is logged by a loader hook.
 */
function modulesLoaded(argv: string[], dir: string): string[] {
  const log = join(dir, 'loaded.txt')
  const hooks = join(dir, 'hooks.mjs')
  writeFileSync(hooks, `import { appendFileSync } from 'node:fs'\nexport async function load(url, context, next) {\n  appendFileSync(${JSON.stringify(log)}, url + '\\n')\n  return next(url, context)\n}\n`)
  const register = join(dir, 'register.mjs')
  writeFileSync(register, `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(hooks).href)})\n`)
  writeFileSync(log, '')
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, bin, ...argv], { cwd: dir, encoding: 'utf8' })
  expect(result.status, result.stderr).toBe(0)
  const files = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url))
    .filter((path) => path.startsWith(dist))
  expect(files.length).toBeGreaterThan(0)
  return [...new Set(files)].flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^\/\/ ((?:node_modules|src)\/\S+)$/gm)].map((match) => match[1] ?? ''))
}

describe('show --format docx loads Word, not HTML', () => {
  it('the Word consolidated text loads docx and no HTML writer; the HTML one loads hast and not docx', () => {
    const dir = copyOfExamples()
    const word = modulesLoaded(['show', 'uttlesford', '--format', 'docx', '-o', 'uttlesford.docx'], dir)
    expect(word).toEqual(expect.arrayContaining([expect.stringMatching(/^node_modules\/docx\//)]))
    expect(word.filter((module) => /^node_modules\/(?:hast-util-to-html|mdast-util-to-hast)\/|^src\/core\/render\/html-/.test(module))).toEqual([])
    const html = modulesLoaded(['show', 'uttlesford', '--format', 'html', '-o', 'uttlesford.html'], dir)
    expect(html).toEqual(expect.arrayContaining([expect.stringMatching(/^node_modules\/hast-util-to-html\//), 'src/core/render/html-write.ts']))
    expect(html.filter((module) => module.startsWith('node_modules/docx/'))).toEqual([])
  })
})
