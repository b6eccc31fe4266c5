/** Where the synthetic pairs are cached (bench/.cache/, not committed). */
export const cacheDir: string
/** ../shared/bench/gen-constitution.py */
export const generator: string
/** The generator's Markdown in keeling's format: front matter with a slug, IDs as leading anchors. */
export function toKeeling(text: string): string
/** A synthetic pair, generated and converted if needed; null without python3 or the generator. */
export function syntheticPair(
  name: string,
  bytes: number,
  edits: number,
  seed?: number
): { before: string; after: string; rawBefore: string; rawAfter: string } | null
