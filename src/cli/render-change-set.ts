import type { ChangeSet } from '../core/diff/change-set.js'
import { displayPath } from '../store/layout.js'
import { checkOutputTarget } from '../store/output-target.js'
import { writeFileAtomic } from '../store/write-file-atomic.js'
import { EXIT_USAGE, UserError, type Io } from './io.js'

/** The forms a change set can be written in. */
export const DIFF_FORMATS = ['text', 'md', 'html', 'docx', 'json', 'critic'] as const
export type DiffFormat = (typeof DIFF_FORMATS)[number]

/** Render a change set; each renderer is loaded only when used. */
export async function renderChangeSet(changeSet: ChangeSet, format: DiffFormat, toTerminal: boolean, env: Io['env']): Promise<string | Uint8Array> {
  switch (format) {
    case 'docx': {
      const { renderDocxDiff } = await import('../core/render/render-docx-diff.js')
      return renderDocxDiff(changeSet, { date: revisionDate(env) })
    }
    case 'md': {
      const { renderMarkdownDiff } = await import('../core/render/render-markdown-diff.js')
      return renderMarkdownDiff(changeSet)
    }
    case 'html': {
      const { renderHtmlDiff } = await import('../core/render/render-html-diff.js')
      return renderHtmlDiff(changeSet)
    }
    case 'critic': {
      const { renderCriticDiff } = await import('../core/render/render-critic-diff.js')
      return renderCriticDiff(changeSet)
    }
    case 'json': {
      const { renderJsonDiff } = await import('../core/render/render-json-diff.js')
      return renderJsonDiff(changeSet)
    }
    case 'text': {
      const { COLOUR_MARKS, PLAIN_MARKS, renderTextDiff } = await import('../core/render/render-text-diff.js')
      return renderTextDiff(changeSet, toTerminal ? COLOUR_MARKS : PLAIN_MARKS)
    }
  }
}

/** The date on Word revisions: now, or SOURCE_DATE_EPOCH (seconds) for a reproducible file. */
export function revisionDate(env: Io['env']): string {
  const epoch = Number(env['SOURCE_DATE_EPOCH'])
  const date = env['SOURCE_DATE_EPOCH'] && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date()
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** What an output may not be written over: the command's inputs, unless `force` (records never). */
export interface OutputGuard {
  inputs: string[]
  force?: boolean
}

/** `-o -` is standard output, as it is to most command-line tools; no file is called `-`. */
export function toStdout(file: string | undefined): file is undefined | '-' {
  return file === undefined || file === '-'
}

/** Refuse a `-o FILE` over a record or the command's input before any work is done (writeOutput checks again). */
export async function guardOutput(file: string | undefined, io: Io, guard: OutputGuard): Promise<void> {
  if (!toStdout(file)) await checkOutputTarget(io.cwd, file, guard.inputs, guard.force === true)
}

/**
 * Write to `-o FILE` (whole or not at all) or to stdout (no `-o`, or `-o -`).
 * An output is never written over or among the records, nor over the
 * command's own input without `--force`.
 */
export async function writeOutput(output: string | Uint8Array, file: string | undefined, io: Io, guard: OutputGuard = { inputs: [] }): Promise<void> {
  if (toStdout(file)) {
    if (typeof output === 'string') io.stdout(output)
    return
  }
  const target = await checkOutputTarget(io.cwd, file, guard.inputs, guard.force === true)
  await writeFileAtomic(target, output)
  io.stderr(`wrote ${displayPath(io.cwd, target)}\n`)
}

/** A Word document goes to a file: refuse `--format docx` without `-o` before any work is done. */
export function requireFileForDocx(format: string, file: string | undefined, example = 'appendix-b.docx'): void {
  if (format === 'docx' && toStdout(file)) throw new UserError(`a Word document is a file: give one with -o, e.g. --format docx -o ${example}`, EXIT_USAGE)
}
