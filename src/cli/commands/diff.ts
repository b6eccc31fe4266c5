import { buildChangeSet, hasChanges } from '../../core/diff/change-set.js'
import { readDiffDocument } from '../../core/diff/diff-document.js'
import { createParseCache } from '../../core/parse-cache.js'
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, wantsColour, type Io } from '../io.js'
import { type DiffFormat, guardOutput, renderChangeSet, requireFileForDocx, writeOutput } from '../render-change-set.js'
import { readComparedInput } from '../read-inputs.js'

export interface DiffOptions {
  format: DiffFormat
  output?: string
  /** Write over an input file given as `-o`. */
  force?: boolean
}

/**
 * `keeling diff A B`: compare two texts of a protocol (keeling protocols,
 * or any Markdown or text) clause by clause and word by word, and write the
 * change set. Exit 0 when they read the same, 1 when they differ.
 */
export async function runDiff(first: string, second: string, options: DiffOptions, io: Io): Promise<number> {
  const guard = { inputs: [first, second], force: options.force === true }
  await guardOutput(options.output, io, guard)
  // Each text read once: two versions replayed share the versions and motions before them.
  const parse = createParseCache()
  const [a, b] = await Promise.all([first, second].map((argument) => readComparedInput(io, argument, parse)))
  if (!a || !b) return EXIT_USAGE
  requireFileForDocx(options.format, options.output)
  const changeSet = buildChangeSet(readDiffDocument(a.text, parse), readDiffDocument(b.text, parse), { before: a.label, after: b.label })
  const output = await renderChangeSet(changeSet, options.format, options.output === undefined && wantsColour(io), io.env)
  await writeOutput(output, options.output, io, guard)
  return hasChanges(changeSet) ? EXIT_PROBLEMS : EXIT_OK
}
