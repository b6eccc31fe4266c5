import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from './helpers/run-cli.js'

/** Every TypeScript file under a folder of src/, with its text. */
function sources(folder: string): Array<{ file: string; text: string }> {
  const found: Array<{ file: string; text: string }> = []
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.ts')) found.push({ file: relative(repoRoot, path), text: readFileSync(path, 'utf8') })
    }
  }
  walk(join(repoRoot, 'src', folder))
  return found
}

/** The modules a file imports (static and dynamic). */
function imports(text: string): string[] {
  return [...text.matchAll(/(?:from\s+|import\s*\()\s*['"]([^'"]+)['"]/g)].map((match) => match[1] ?? '')
}

/** Code with its comments and strings blanked, so that a word in a doc comment is not taken for a call. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '').replace(/`(?:[^`\\]|\\.)*`|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''")
}

describe('the layers hold: cli → store → core, and only the store touches the disk', () => {
  it('src/core imports no file system, process or other layer, and reads no clock and writes no console', () => {
    const problems = sources('core').flatMap(({ file, text }) => [
      ...imports(text)
        .filter((module) => /^(?:node:)?(?:fs|fs\/promises|child_process|os|process|worker_threads|net|http)$/.test(module) || /\/(?:store|cli)\//.test(module))
        .map((module) => `${file} imports ${module}`),
      ...[...code(text).matchAll(/\bprocess\.|\bconsole\.|Date\.now\(\)|new Date\(\)/g)].map((match) => `${file} uses ${match[0]}`)
    ])
    expect(problems).toEqual([])
  })

  it('src/store imports no command code', () => {
    const problems = sources('store').flatMap(({ file, text }) => imports(text).filter((module) => /\/cli\//.test(module)).map((module) => `${file} imports ${module}`))
    expect(problems).toEqual([])
  })

  it('src/start.ts, which compiles the command line from its bundle, loads no other keeling code (a second copy)', () => {
    const text = readFileSync(join(repoRoot, 'src', 'start.ts'), 'utf8')
    const typesOnly = new Set([...text.matchAll(/typeof import\('([^']+)'\)/g)].map((match) => match[1]))
    expect(imports(text).filter((module) => !module.startsWith('node:') && !typesOnly.has(module))).toEqual([])
  })

  it('src/cli touches the disk only through the store', () => {
    const problems = sources('cli').flatMap(({ file, text }) =>
      imports(text)
        .filter((module) => /^(?:node:)?(?:fs|fs\/promises)$/.test(module))
        .map((module) => `${file} imports ${module}`)
    )
    expect(problems).toEqual([])
  })
})
