import { isAbsolute, join, relative, resolve } from 'node:path'

/** Where a project keeps its files, relative to its root. */
export const PROTOCOLS_DIR = 'protocols'
export const AMENDMENTS_DIR = 'amendments'

export { isSlug } from '../core/slug.js'

/** The path of a protocol's file from its slug: `protocols/<slug>.md` under `root`. */
export function protocolPath(root: string, slug: string): string {
  return join(root, PROTOCOLS_DIR, `${slug}.md`)
}

/** The slug a protocol file's name gives (`protocols/uttlesford.md` → `uttlesford`). */
export function slugOfPath(path: string): string {
  return (path.split(/[\\/]/).at(-1) ?? '').replace(/\.md$/, '')
}

/** Whether an argument names a file rather than a protocol slug. */
export function looksLikePath(argument: string): boolean {
  return argument.includes('/') || argument.includes('\\') || argument.endsWith('.md')
}

/** Whether `path` lies inside `root` (after resolving `..`). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(root, path))
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** A path as the user should see it: relative to `root` when inside it. */
export function displayPath(root: string, path: string): string {
  return isInside(root, path) ? relative(resolve(root), resolve(root, path)) || '.' : path
}
