import { readFile, readdir } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { parseMotion } from '../core/motion/parse-motion.js'
import type { MotionInput } from '../core/motion/apply-motions.js'
import { AMENDMENTS_DIR, displayPath } from './layout.js'

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
 * @throws MotionNotFound when the file cannot be read
 */
export async function readMotionFile(root: string, path: string): Promise<MotionInput & { path: string }> {
  const full = resolve(root, path)
  let text: string
  try {
    text = await readFile(full, 'utf8')
  } catch {
    throw new MotionNotFound(displayPath(root, full))
  }
  const id = basename(full).replace(/\.md$/, '')
  const motion = parseMotion(text, id, basename(dirname(full)))
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
