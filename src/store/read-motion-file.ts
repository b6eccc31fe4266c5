import { readFile, readdir, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve, sep } from 'node:path'
import { createParseCache, type ParseCache } from '../core/parse-cache.js'
import type { MotionInput } from '../core/motion/apply-motions.js'
import { isMotionId, isSlug } from '../core/slug.js'
import { Refusal } from './environment-error.js'
import { AMENDMENTS_DIR, displayPath, PROTOCOLS_DIR, protocolPath } from './layout.js'

/** Thrown when a motion file cannot be read. */
export class MotionNotFound extends Error {
  constructor(readonly path: string) {
    super(`No motion file ${path}`)
  }
}

/**
 * Read a motion file: its ID is its file name, its protocol by default the
 * folder it is in (`amendments/<slug>/<id>.md`).
 *
 * @param parse the command's parsed texts: a motion read twice is parsed once (a new cache when not given)
 * @throws MotionNotFound when the file cannot be read
 */
export async function readMotionFile(root: string, path: string, parse: ParseCache = createParseCache()): Promise<MotionInput & { path: string }> {
  const full = resolve(root, path)
  let text: string
  try {
    text = await readFile(full, 'utf8')
  } catch {
    throw new MotionNotFound(displayPath(root, full))
  }
  const id = basename(full).replace(/\.md$/, '')
  const motion = parse.motion(text, id, basename(dirname(full)))
  return { motion, text, name: displayPath(root, full), path: full }
}

/** Paths of the motion files of a protocol (`amendments/<slug>/*.md`), sorted. */
export async function listMotionFiles(root: string, slug: string): Promise<string[]> {
  const dir = join(root, AMENDMENTS_DIR, slug)
  try {
    const names = await readdir(dir)
    return names.filter((name) => name.endsWith('.md')).sort().map((name) => join(dir, name))
  } catch {
    return []
  }
}

/** Why a motion given by `path` is not one the records can name, and what to give instead. */
async function notInAmendments(root: string, path: string, shown: string): Promise<string> {
  const rule = `a decision or version names a motion by its file in ${AMENDMENTS_DIR}/<protocol>/<id>.md`
  // A motion's ID given for its file ("jones-1"): name the file, when there is one.
  if (isMotionId(path) && !path.endsWith('.md')) {
    const found = (await readdir(join(root, AMENDMENTS_DIR)).catch(() => [] as string[])).map((slug) => `${AMENDMENTS_DIR}/${slug}/${path}.md`)
    const files = (await Promise.all(found.map(async (file) => ((await stat(join(root, file)).then((info) => info.isFile(), () => false)) ? file : '')))).filter(Boolean)
    return `${path} is a motion's ID, not its file: give the file${files.length > 0 ? `, ${files.join(' or ')}` : ` (${rule})`}`
  }
  const full = resolve(root, path)
  const amendments = `${sep}${AMENDMENTS_DIR}${sep}`
  // A motion in another project's amendments/ (keeling run from the wrong folder): say where keeling is looking.
  if (full.includes(amendments) && !full.startsWith(resolve(root) + sep + AMENDMENTS_DIR + sep)) {
    return `${shown} is in another project's ${AMENDMENTS_DIR}/ folder: keeling works on the project in the folder it is run in (${root}); run it from ${full.slice(0, full.lastIndexOf(amendments))}`
  }
  return `${shown} is not in ${AMENDMENTS_DIR}/<protocol>/: ${rule}; move it there first`
}

/**
 * Read a motion that a decision or version will name: it must be
 * `amendments/SLUG/ID.md` in this project, SLUG a protocol that exists and
 * ID a motion ID, since the history records it by that name alone.
 *
 * @param parse the command's parsed texts (a new cache when not given)
 * @throws Refusal naming what is wrong and where the file should be
 * @throws MotionNotFound when there is no such file
 */
export async function readRecordedMotion(root: string, path: string, parse: ParseCache = createParseCache()): Promise<MotionInput & { path: string }> {
  const full = resolve(root, path)
  const shown = displayPath(root, full)
  const folder = dirname(full)
  const slug = basename(folder)
  const id = basename(full).replace(/\.md$/, '')
  if (resolve(dirname(folder)) !== resolve(root, AMENDMENTS_DIR) || !full.endsWith('.md')) throw new Refusal(await notInAmendments(root, path, shown))
  if (!isMotionId(id)) {
    throw new Refusal(`${shown}: "${id}" cannot name a motion in the records; rename the file with letters, digits, hyphens, dots or underscores only, e.g. ${AMENDMENTS_DIR}/${slug}/cwg-2017-04-25.md`)
  }
  if (!isSlug(slug) || !(await stat(protocolPath(root, slug)).then((info) => info.isFile(), () => false))) {
    throw new Refusal(`${shown} is in ${AMENDMENTS_DIR}/${slug}/, but there is no protocol ${PROTOCOLS_DIR}/${slug}.md; a motion's folder is the slug of the protocol it changes`)
  }
  return readMotionFile(root, full, parse)
}
