import { afterEach } from 'vitest'
import { observeParses, type ParseKind } from '../../src/core/parse-observer.js'
import { runCli, type CliResult } from './run-cli.js'

/** A command run in-process, and how often it parsed each text, by kind. */
export interface CountedRun {
  result: CliResult
  counts: Record<ParseKind, Map<string, number>>
}

let stop: (() => void) | null = null
afterEach(() => {
  stop?.()
  stop = null
})

/** Run keeling in-process in `cwd`, counting every protocol and motion parse by its text. */
export async function countParses(argv: string[], cwd: string): Promise<CountedRun> {
  const counts: CountedRun['counts'] = { protocol: new Map(), motion: new Map() }
  stop = observeParses((kind, text) => counts[kind].set(text, (counts[kind].get(text) ?? 0) + 1))
  try {
    return { result: await runCli(argv, cwd), counts }
  } finally {
    stop()
    stop = null
  }
}

/** The texts parsed more than once, each as its count and its first 60 characters. */
export function parsedAgain(counts: Map<string, number>): string[] {
  return [...counts].filter(([, count]) => count > 1).map(([text, count]) => `${count}× ${text.slice(0, 60).split('\n').join(' ')}`)
}

/** How many parses in all: the figure issue 15 quotes. */
export function parseTotal(counts: Map<string, number>): number {
  return [...counts.values()].reduce((sum, count) => sum + count, 0)
}
