import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../src/cli/main.js'

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Run keeling in-process in `cwd`, capturing its output. */
export async function runCli(argv: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
    cwd,
    env,
    isTTY: false
  })
  return { code, stdout, stderr }
}

const made: string[] = []

/** Remove the projects `tempProject` made; test/setup.ts calls it after every test. */
export function removeTempProjects(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** A new empty project directory, removed after the test. */
export function tempProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'keeling-test-'))
  made.push(dir)
  return dir
}

/** A temporary copy of this repository's protocols/ folder. */
export function copyOfExamples(): string {
  const dir = tempProject()
  cpSync(join(repoRoot, 'protocols'), join(dir, 'protocols'), { recursive: true })
  return dir
}

export const repoRoot = join(import.meta.dirname, '..', '..')
export const seedsDir = join(repoRoot, 'test', 'fixtures', 'seeds')

/** Uttlesford's text before the working group's changes: version council-2017-04-04, rebuilt from history/. */
export async function uttlesfordBeforeCwg(): Promise<string> {
  const { readVersionText } = await import('../../src/store/history-file.js')
  return readVersionText(repoRoot, 'uttlesford', 'council-2017-04-04')
}

/** A copy of the examples (protocols, amendments, history) with Uttlesford as it stood before the working group's changes. */
export async function copyBeforeCwg(): Promise<string> {
  const dir = copyOfExamples()
  cpSync(join(repoRoot, 'amendments'), join(dir, 'amendments'), { recursive: true })
  cpSync(join(repoRoot, 'history'), join(dir, 'history'), { recursive: true })
  writeFileSync(join(dir, 'protocols', 'uttlesford.md'), await uttlesfordBeforeCwg())
  return dir
}
