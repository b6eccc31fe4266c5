import { readFile, readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { readHead } from '../core/history/head.js'
import type { ParseCache } from '../core/parse-cache.js'
import { readVersionText, VersionNotFound } from './history-file.js'
import { PROTOCOLS_DIR, looksLikePath, protocolPath, slugOfPath } from './layout.js'

/** A protocol file found on disk: its path, the slug its name gives, its text. */
export interface ProtocolFile {
  path: string
  slug: string
  /** The protocol's text as stored (its version text is this without the `history-head` line: core/history/head). */
  text: string
  /** The history head its front matter records, if any. */
  head?: string
}

/** Thrown when a slug or path names no readable protocol; `nearby` lists what exists. */
export class ProtocolNotFound extends Error {
  constructor(
    readonly target: string,
    readonly nearby: string[],
    /** Why, when it is not simply a missing file (a version that cannot be found). */
    readonly why = ''
  ) {
    super(why || `No protocol ${target}`)
  }
}

/**
 * Read a protocol named by slug (`uttlesford` → `protocols/uttlesford.md`),
 * by version (`uttlesford@cwg-2017-04-25`, rebuilt from its history) or by
 * path.
 *
 * @param parse the command's parsed texts, for a version that is replayed
 * @throws ProtocolNotFound when there is no such file
 */
export async function readProtocolFile(root: string, target: string, parse?: ParseCache): Promise<ProtocolFile> {
  const at = /^([a-z0-9]+(?:-[a-z0-9]+)*)@([a-z0-9][a-z0-9-]*)$/.exec(target)
  if (at) {
    const [, slug = '', label = ''] = at
    const text = await readVersionText(root, slug, label, parse).catch((error: unknown) => {
      if (error instanceof VersionNotFound) throw new ProtocolNotFound(target, [], error.message)
      throw error
    })
    return { path: protocolPath(root, slug), slug, text }
  }
  const path = looksLikePath(target) ? resolve(root, target) : protocolPath(root, target)
  try {
    const raw = await readFile(path, 'utf8')
    const head = readHead(raw)
    return { path, slug: slugOfPath(path), text: raw, ...(head !== undefined ? { head } : {}) }
  } catch (error) {
    if (!isMissing(error)) throw error
    throw new ProtocolNotFound(target, await listProtocolSlugs(root))
  }
}

/** Every protocol slug in the project, sorted. */
export async function listProtocolSlugs(root: string): Promise<string[]> {
  try {
    const names = await readdir(join(root, PROTOCOLS_DIR))
    return names.filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)).sort()
  } catch (error) {
    if (isMissing(error)) return []
    throw error
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}
