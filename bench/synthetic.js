// The synthetic benchmark pairs: ../shared/bench/gen-constitution.py writes a
// clause-numbered constitution and an amended version, with clause IDs as a
// trailing `{#c-000123}`; keeling marks IDs with a leading anchor, so the
// pairs are converted here, and alignment by clause ID is what they measure.
// Pairs are cached in bench/.cache/ (not committed).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const cacheDir = join(root, 'bench', '.cache')
export const generator = join(root, '..', 'shared', 'bench', 'gen-constitution.py')

/**
 * Convert the generator's Markdown to keeling's format: front matter with a
 * slug, `{#id}` moved to a leading `<a id="id"></a>`, and an ID for each
 * heading that has none (from its words, the same on both sides).
 */
export function toKeeling(text) {
  const lines = text.split('\n')
  const out = []
  const taken = new Map()
  let inFront = false
  for (const [index, line] of lines.entries()) {
    if (index === 0 && line === '---') {
      inFront = true
      out.push(line)
      continue
    }
    if (inFront) {
      if (line === '---') {
        inFront = false
        out.push('slug: synthetic', line)
      } else out.push(line)
      continue
    }
    const tagged = /^(#{1,6} )?(.*?) \{#([a-z0-9-]+)\}$/.exec(line)
    if (tagged) {
      out.push(`${tagged[1] ?? ''}<a id="${tagged[3]}"></a>${tagged[2]}`)
      continue
    }
    const heading = /^(#{1,6} )(.*)$/.exec(line)
    if (heading) {
      const base = `h-${heading[2].toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`
      const count = (taken.get(base) ?? 0) + 1
      taken.set(base, count)
      out.push(`${heading[1]}<a id="${count > 1 ? `${base}-${count}` : base}"></a>${heading[2]}`)
      continue
    }
    out.push(line)
  }
  return out.join('\n')
}

/**
 * The paths of a synthetic pair, generating and converting it if needed.
 * @returns {{ before: string, after: string, rawBefore: string, rawAfter: string } | null} null without python3 or the generator
 */
export function syntheticPair(name, bytes, edits, seed) {
  mkdirSync(cacheDir, { recursive: true })
  const prefix = join(cacheDir, name)
  const paths = { before: `${prefix}.before.md`, after: `${prefix}.after.md`, rawBefore: `${prefix}.raw.before.md`, rawAfter: `${prefix}.raw.after.md` }
  if (existsSync(paths.before) && existsSync(paths.after)) return paths
  if (!existsSync(generator)) return null
  const raw = `${prefix}.raw`
  const args = [generator, String(bytes), String(edits), raw, ...(seed === undefined ? [] : [String(seed)])]
  const result = spawnSync('python3', args, { encoding: 'utf8' })
  if (result.status !== 0) return null
  writeFileSync(paths.before, toKeeling(readFileSync(paths.rawBefore, 'utf8')))
  writeFileSync(paths.after, toKeeling(readFileSync(paths.rawAfter, 'utf8')))
  return paths
}
