import { resolve } from 'node:path'
import { buildChangeSet, type ChangeSet, hasChanges } from '../../core/diff/change-set.js'
import { readDiffDocument } from '../../core/diff/diff-document.js'
import { displayPath } from '../../store/layout.js'
import { readComparedFile, UnreadableFile } from '../../store/read-compared-file.js'
import { writeFileAtomic } from '../../store/write-file-atomic.js'
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UserError, wantsColour, type Io } from '../io.js'

/** The forms `keeling diff` can write the change set in. */
export const DIFF_FORMATS = ['text', 'md', 'html', 'docx', 'json'] as const
export type DiffFormat = (typeof DIFF_FORMATS)[number]

export interface DiffOptions {
  format: DiffFormat
  output?: string
}

/**
 * `keeling diff A B`: compare two texts of a protocol (keeling protocols,
 * or any Markdown or text) clause by clause and word by word, and write the
 * change set. Exit 0 when they read the same, 1 when they differ.
 */
export async function runDiff(first: string, second: string, options: DiffOptions, io: Io): Promise<number> {
  const [a, b] = await Promise.all([first, second].map((argument) => readComparedFile(io.cwd, argument))).catch((error: unknown) => {
    if (error instanceof UnreadableFile) throw new UserError(error.message, EXIT_USAGE)
    throw error
  })
  if (!a || !b) return EXIT_USAGE
  if (options.format === 'docx' && options.output === undefined) {
    throw new UserError('a Word document is a file: give one with -o, e.g. --format docx -o appendix-b.docx', EXIT_USAGE)
  }
  const changeSet = buildChangeSet(readDiffDocument(a.text), readDiffDocument(b.text), { before: a.label, after: b.label })
  const output = await render(changeSet, options.format, options.output === undefined && wantsColour(io), io.env)
  if (options.output !== undefined) {
    const target = resolve(io.cwd, options.output)
    await writeFileAtomic(target, output)
    io.stderr(`wrote ${displayPath(io.cwd, target)}\n`)
  } else if (typeof output === 'string') io.stdout(output)
  return hasChanges(changeSet) ? EXIT_PROBLEMS : EXIT_OK
}

async function render(changeSet: ChangeSet, format: DiffFormat, toTerminal: boolean, env: Io['env']): Promise<string | Uint8Array> {
  switch (format) {
    case 'docx': {
      const { renderDocxDiff } = await import('../../core/render/render-docx-diff.js')
      return renderDocxDiff(changeSet, { date: revisionDate(env) })
    }
    case 'md': {
      const { renderMarkdownDiff } = await import('../../core/render/render-markdown-diff.js')
      return renderMarkdownDiff(changeSet)
    }
    case 'html': {
      const { renderHtmlDiff } = await import('../../core/render/render-html-diff.js')
      return renderHtmlDiff(changeSet)
    }
    case 'json': {
      const { renderJsonDiff } = await import('../../core/render/render-json-diff.js')
      return renderJsonDiff(changeSet)
    }
    case 'text': {
      const { COLOUR_MARKS, PLAIN_MARKS, renderTextDiff } = await import('../../core/render/render-text-diff.js')
      return renderTextDiff(changeSet, toTerminal ? COLOUR_MARKS : PLAIN_MARKS)
    }
  }
}

/** The date on Word revisions: now, or SOURCE_DATE_EPOCH (seconds) for a reproducible file. */
function revisionDate(env: Io['env']): string {
  const epoch = Number(env['SOURCE_DATE_EPOCH'])
  const date = env['SOURCE_DATE_EPOCH'] && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date()
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
