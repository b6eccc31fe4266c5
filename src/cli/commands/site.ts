import { createParseCache } from '../../core/parse-cache.js'
import { withoutHead } from '../../core/history/head.js'
import type { MotionInput } from '../../core/motion/apply-motions.js'
import { buildSite, SITE_MARKER, type SiteProtocol } from '../../core/site/build-site.js'
import { isMotionId, isSlug } from '../../core/slug.js'
import { readHistory, replayProject } from '../../store/history-file.js'
import { displayPath } from '../../store/layout.js'
import { listMotionFiles, readMotionFile } from '../../store/read-motion-file.js'
import { listProtocolSlugs, readProtocolFile } from '../../store/read-protocol-file.js'
import { checkSiteTarget, writeSite } from '../../store/write-site.js'
import { VERSION } from '../../version.js'
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UserError, type Io } from '../io.js'

export interface SiteOptions {
  output: string
}

/**
 * `keeling site [-o site]`: the website of every protocol and version, from
 * protocols/, history/ and amendments/. Refused before anything is written
 * when a history cannot be read or its versions rebuilt (a site never
 * publishes records that `keeling verify` would reject); the folder is
 * replaced whole, never half-written.
 */
export async function runSite(options: SiteOptions, io: Io): Promise<number> {
  const target = await checkSiteTarget(io.cwd, options.output, SITE_MARKER)
  const slugs = (await listProtocolSlugs(io.cwd)).filter(isSlug)
  if (slugs.length === 0) throw new UserError('no protocols to publish: protocols/ has no SLUG.md files (start one with keeling import)', EXIT_USAGE)
  const protocols: SiteProtocol[] = []
  const problems: string[] = []
  for (const slug of slugs) {
    const file = await readProtocolFile(io.cwd, slug)
    const { history } = await readHistory(io.cwd, slug)
    const [unreadable] = history.problems
    if (unreadable) {
      problems.push(`history/${slug}.yml:${unreadable.line}: ${unreadable.message}`)
      continue
    }
    // The texts parsed and the motions applied, once for the replay and the pages.
    const parsed = createParseCache()
    let steps: SiteProtocol['steps'] = []
    if (history.records.length > 0) {
      const replay = await replayProject(io.cwd, slug, history, parsed, { drift: false })
      if ('failure' in replay) {
        problems.push(`history/${slug}.yml: cannot rebuild the versions of ${slug}: ${replay.failure.reason}`)
        continue
      }
      steps = replay.steps
    }
    const motions = new Map<string, MotionInput>()
    for (const path of await listMotionFiles(io.cwd, slug)) {
      const input = await readMotionFile(io.cwd, path, parsed)
      // A file whose name is no motion ID cannot be in the records, and would not make a page's name.
      if (isMotionId(input.motion.id)) motions.set(input.motion.id, input)
      else io.stderr(`keeling site: ${input.name}: "${input.motion.id}" is not a motion ID (letters, digits, hyphens, dots, underscores); left out of the site\n`)
    }
    protocols.push({ slug, text: withoutHead(file.text), history, steps, motions, parsed })
  }
  if (problems.length > 0) {
    for (const problem of problems) io.stderr(`${problem}\n`)
    io.stderr(`keeling site: nothing written; fix the records (keeling verify says what is wrong) and build again\n`)
    return EXIT_PROBLEMS
  }
  const files = buildSite(protocols, `keeling ${VERSION}`)
  await writeSite(target, files)
  const pages = [...files.keys()].filter((path) => path.endsWith('.html')).length
  io.stderr(`wrote ${displayPath(io.cwd, target)}/: ${pages} pages for ${protocols.length} protocol${protocols.length === 1 ? '' : 's'}; open ${displayPath(io.cwd, target)}/index.html\n`)
  return EXIT_OK
}
