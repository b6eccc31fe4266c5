import { exists as isThere, readText } from '../../store/files.js'
import { resolve } from 'node:path'
import { buildPaper } from '../../core/paper/build-paper.js'
import { readPaperMeta } from '../../core/paper/paper-meta.js'
import { paperTemplate } from '../../core/paper/paper-template.js'
import { parseProtocol } from '../../core/protocol/parse-protocol.js'
import type { MotionInput } from '../../core/motion/apply-motions.js'
import { versionsOf } from '../../core/history/history.js'
import { HISTORY_DIR, readHistory, readStoredTexts } from '../../store/history-file.js'
import { replayHistory } from '../../core/history/replay.js'
import { createParseCache } from '../../core/parse-cache.js'
import { parseFrontMatter } from '../../core/protocol/parse-front-matter.js'
import { AMENDMENTS_DIR, displayPath, isSlug } from '../../store/layout.js'
import { listMotionFiles, readMotionFile } from '../../store/read-motion-file.js'
import { listProtocolSlugs, readProtocolFile } from '../../store/read-protocol-file.js'
import { writeFileAtomic } from '../../store/write-file-atomic.js'
import { formatMessage } from '../format-message.js'
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UserError, type Io } from '../io.js'
import { warnUnreadable } from '../unreadable-history.js'
import { readMotionInput, readProtocolInput } from '../read-inputs.js'
import { checkOutputTarget } from '../../store/output-target.js'
import { guardOutput, requireFileForDocx, revisionDate, writeOutput } from '../render-change-set.js'
import { versionRange } from '../version-range.js'

export interface PaperOptions {
  from?: string
  to?: string
  meta?: string
  format: 'md' | 'html' | 'docx'
  output?: string
  /** Write over an input file given as `-o`. */
  force?: boolean
  init?: string | boolean
  /** Motion files put to the meeting, not yet decided: applied to --to (or --from). */
  propose?: string[]
}

/**
 * `keeling paper SLUG --from A --to B --meta PAPER.yml`: the committee
 * report around the appendix. `keeling paper [SLUG] --init [FILE]` writes a
 * commented PAPER.yml to fill in.
 */
export async function runPaper(slug: string | undefined, options: PaperOptions, io: Io): Promise<number> {
  if (options.init !== undefined && options.init !== false) return initPaper(slug, options.init === true ? 'PAPER.yml' : options.init, io)
  if (slug === undefined) throw new UserError('give the protocol: keeling paper SLUG --from VERSION --to VERSION --meta PAPER.yml (or keeling paper --init to start a PAPER.yml)', EXIT_USAGE)
  const proposing = (options.propose ?? []).length > 0
  const missing = (proposing ? (['from', 'meta'] as const) : (['from', 'to', 'meta'] as const)).filter((name) => options[name] === undefined)
  if (missing.length > 0)
    throw new UserError(
      `keeling paper needs ${missing.map((name) => `--${name}`).join(', ')}, e.g. keeling paper ${slug} --from VERSION --to VERSION --meta papers/PAPER.yml (or --from VERSION --propose MOTION.md for motions not yet decided)`,
      EXIT_USAGE
    )
  const from = options.from as string
  const to = options.to ?? from
  const metaPath = options.meta as string
  const guard = { inputs: [metaPath, ...(options.propose ?? [])], force: options.force === true }
  await guardOutput(options.output, io, guard)
  requireFileForDocx(options.format, options.output, 'paper.docx')

  const metaText = await readText(resolve(io.cwd, metaPath)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new UserError(`cannot read ${metaPath}: no such file; start one with keeling paper ${slug} --init ${metaPath}`, EXIT_USAGE)
    throw new UserError(`cannot read ${metaPath}: ${error.code === 'EISDIR' ? 'it is a directory; give the PAPER.yml file in it' : error.message}`, EXIT_USAGE)
  })
  const read = readPaperMeta(metaText)
  if ('problems' in read) {
    const name = displayPath(io.cwd, resolve(io.cwd, metaPath))
    for (const message of read.problems) io.stderr(`${formatMessage(name, message)}\n`)
    io.stderr(`keeling paper: ${name} has ${read.problems.length} problem${read.problems.length === 1 ? '' : 's'}; nothing written\n`)
    return EXIT_PROBLEMS
  }

  const { history } = await readHistory(io.cwd, slug)
  warnUnreadable(io, slug, history)
  versionRange(history, slug, from, to, { allowSame: proposing, protocols: await listProtocolSlugs(io.cwd) })
  // Every motion file read (and parsed) once: the replay, the paper and --propose share them.
  const parsed = createParseCache()
  const files = await Promise.all((await listMotionFiles(io.cwd, slug)).map((path) => readMotionFile(io.cwd, path, parsed)))
  const byId = new Map(files.map((input) => [input.motion.id, input]))
  const stored = await readStoredTexts(io.cwd, slug, history)
  const replay = replayHistory(history, (label) => stored.get(label), (id) => byId.get(id), {
    text: (label) => `${HISTORY_DIR}/${slug}/${label}.md`,
    motion: (id) => `${AMENDMENTS_DIR}/${slug}/${id}.md`
  }, parsed, { drift: false })
  if ('failure' in replay) {
    io.stderr(`keeling paper: cannot rebuild the versions of ${slug}: ${replay.failure.reason}; run keeling verify ${slug}\n`)
    return EXIT_PROBLEMS
  }
  const recorded = new Set(history.records.flatMap((record) => (record.record === 'version' ? record.motions.map((motion) => motion.id) : [])))
  const proposedPaths = new Set((options.propose ?? []).map((given) => resolve(io.cwd, given)))
  const motions = new Map<string, MotionInput>()
  for (const input of files) {
    const errors = input.motion.messages.filter((message) => message.fatal)
    // A draft that cannot be read is the clerk's to fix, not the committee's to read about: say so here, leave it out.
    if (errors.length > 0 && !recorded.has(input.motion.id) && !proposedPaths.has(input.path)) {
      for (const message of errors) io.stderr(`${formatMessage(input.name, message)}\n`)
      io.stderr(`keeling paper: ${input.name} left out of the paper until it reads; keeling check ${slug} lists its problems\n`)
      continue
    }
    motions.set(input.motion.id, input)
  }
  const proposed: MotionInput[] = []
  const refusals: string[] = []
  for (const path of options.propose ?? []) {
    const input = files.find((file) => file.path === resolve(io.cwd, path)) ?? (await readMotionInput(io, path))
    if (input.motion.protocol !== slug) refusals.push(`${input.name} changes "${input.motion.protocol}", not ${slug}`)
    else if (recorded.has(input.motion.id)) refusals.push(`${input.name} is already adopted in a version of ${slug}; a paper proposes only motions not yet adopted`)
    else proposed.push(motions.get(input.motion.id) ?? input)
  }
  if (refusals.length > 0) {
    for (const refusal of refusals) io.stderr(`keeling: ${refusal}\n`)
    return EXIT_USAGE
  }
  const body = await readProtocolFile(io.cwd, slug).then((file) => parseFrontMatter(file.text).frontMatter.data['body'], () => undefined)
  const built = buildPaper({ slug, history, steps: replay.steps, motions, ...(typeof body === 'string' && body.trim() ? { council: body.trim() } : {}) }, { from, to, proposed }, read.meta, parsed)
  if ('problems' in built) {
    const metaName = displayPath(io.cwd, resolve(io.cwd, metaPath))
    for (const { name, message } of built.problems) io.stderr(`${formatMessage(name ?? metaName, message)}\n`)
    io.stderr(`keeling paper: ${built.problems.length} problem${built.problems.length === 1 ? '' : 's'}; nothing written\n`)
    return EXIT_PROBLEMS
  }
  const { paper } = built
  // Each renderer loads only what it needs: docx for Word alone.
  const output =
    options.format === 'docx'
      ? await (await import('../../core/render/render-paper-docx.js')).renderPaperDocx(paper, revisionDate(io.env))
      : options.format === 'html'
        ? (await import('../../core/render/html-paper.js')).renderPaperHtml(paper)
        : (await import('../../core/render/render-paper.js')).renderPaperMarkdown(paper)
  await writeOutput(output, options.output, io, guard)
  return EXIT_OK
}

/** Write the commented PAPER.yml; never over a file that is there. */
async function initPaper(slug: string | undefined, file: string, io: Io): Promise<number> {
  let title: string | undefined
  // The likeliest paper: the change the last meeting made (the last two versions), or motions put to the next.
  let range = '--from VERSION --to VERSION'
  let note = ''
  if (slug !== undefined) {
    if (!isSlug(slug)) throw new UserError(`"${slug}" is not a protocol slug (lowercase letters, digits, hyphens)`, EXIT_USAGE)
    const protocol = await readProtocolInput(io, slug)
    const value = parseProtocol(protocol.text).frontMatter.data['title']
    if (typeof value === 'string') title = value
    const labels = versionsOf((await readHistory(io.cwd, slug)).history).map((version) => version.label)
    if (labels.length >= 2) range = `--from ${labels.at(-2)} --to ${labels.at(-1)}`
    else if (labels.length === 1) range = `--from ${labels[0]} --propose amendments/${slug}/MOTION.md`
    else note = `; ${slug} has no versions yet: record its text first with keeling adopt ${slug} --version LABEL --date YYYY-MM-DD --by BODY`
  }
  const target = await checkOutputTarget(io.cwd, file, [], false)
  const exists = await isThere(target)
  if (exists) throw new UserError(`${displayPath(io.cwd, target)} already exists; give another file name, e.g. keeling paper --init papers/council-YYYY-MM-DD.yml`, EXIT_USAGE)
  await writeFileAtomic(target, paperTemplate({ ...(slug ? { slug } : {}), ...(title ? { title } : {}), range }))
  io.stderr(
    `wrote ${displayPath(io.cwd, target)}: fill in the fields marked (required), then run keeling paper ${slug ?? 'SLUG'} ${range} --meta ${displayPath(io.cwd, target)}${note}\n`
  )
  return EXIT_OK
}
