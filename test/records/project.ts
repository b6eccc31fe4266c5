import { spawn } from 'node:child_process'
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect } from 'vitest'
import { repoRoot, runCli, tempProject } from '../helpers/run-cli.js'
import { RULES } from '../motion/helpers.js'

export const BIN = join(repoRoot, 'bin', 'keeling.js')
export const WRITER = join(repoRoot, 'test', 'helpers', 'writer.mjs')

/** Write a motion file `amendments/rules/ID.md` with the body given; return its path as a user types it. */
export function motion(dir: string, id: string, body: string): string {
  mkdirSync(join(dir, 'amendments', 'rules'), { recursive: true })
  writeFileSync(join(dir, 'amendments', 'rules', `${id}.md`), `---\ntitle: ${id}\nmover: Cllr ${id}\n---\n\n${body}\n`)
  return `amendments/rules/${id}.md`
}

/** A motion that adds one paragraph, with words found nowhere else, at the end of section 3. */
export function addingMotion(dir: string, id: string): string {
  return motion(dir, id, `1. At the end of section 3 insert the new paragraph:\n\n   > Paragraph of ${id} stands here.`)
}

/** A project with protocols/rules.md recorded as version v1, in `dir` (by default a new one removed after the test). */
export async function rulesProject(dir = tempProject()): Promise<string> {
  mkdirSync(join(dir, 'protocols'))
  writeFileSync(join(dir, 'protocols', 'rules.md'), RULES)
  const first = await runCli(['adopt', 'rules', '--version', 'v1', '--date', '2020-01-10', '--by', 'Council'], dir)
  expect(first.code, first.stderr).toBe(0)
  return dir
}

export const decideArgs = (path: string, more: string[] = []): string[] => ['decide', path, '--body', 'Council', '--date', '2020-02-01', '--outcome', 'carried', ...more]

/** Run a process to its end: its exit code, the signal that ended it, and what it printed. */
export function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}

/** Every file under `dir` whose name marks it a temporary file or a lock, relative to `dir`. */
export function leftovers(dir: string): string[] {
  const found: string[] = []
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (name.endsWith('.tmp') || name.endsWith('.lock') || name.includes('.lock.')) found.push(relative(dir, path))
    }
  }
  walk(dir)
  return found
}
