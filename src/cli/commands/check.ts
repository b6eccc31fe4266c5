import { dirname, join } from 'node:path'
import type { VFileMessage } from 'vfile-message'
import { checkMotion } from '../../core/motion/check-motion.js'
import { withoutHead } from '../../core/history/head.js'
import { sha256, versionsOf } from '../../core/history/history.js'
import { readHistory } from '../../store/history-file.js'
import { checkProtocol } from '../../core/protocol/check-protocol.js'
import { createParseCache, type ParseCache } from '../../core/parse-cache.js'
import { displayPath, looksLikePath } from '../../store/layout.js'
import { listMotionFiles, readMotionFile } from '../../store/read-motion-file.js'
import { ProtocolNotFound, listProtocolSlugs, readProtocolFile } from '../../store/read-protocol-file.js'
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Io } from '../io.js'
import { readMotionInput, readProtocolInput } from '../read-inputs.js'
import { formatMessage, messageToJson } from '../format-message.js'

/** A file `check` reads: a protocol (with its slug) or a motion file. */
type Target = { kind: 'protocol'; name: string } | { kind: 'motion'; path: string }

/**
 * `keeling check [SLUG|PATH…]`: every problem in the named protocols and
 * motions — a protocol with the motions in amendments/SLUG/, or one motion
 * file anywhere; everything in the project by default — one line each,
 * then a count.
 */
export async function runCheck(arguments_: string[], options: { json?: boolean }, io: Io): Promise<number> {
  // Each text read once: a protocol is checked, then read again for each of its motions; an amended motion is one of them.
  const parse = createParseCache()
  const targets = arguments_.length > 0 ? await expand(arguments_, io, parse) : await everything(io, parse)
  if (targets.length === 0) {
    io.stderr('keeling check: no protocols to check; import one with `keeling import FILE --as SLUG`\n')
    return EXIT_USAGE
  }
  const found: Record<string, unknown>[] = []
  let errors = 0
  let warnings = 0
  let applied = 0
  for (const target of targets) {
    const checked = target.kind === 'protocol' ? await checkProtocolFile(target.name, io, parse) : await checkMotionFile(target.path, io, parse)
    const { file, messages } = checked
    if ('applied' in checked && checked.applied) applied++
    for (const message of messages) {
      if (message.fatal) errors++
      else warnings++
      if (options.json) found.push(messageToJson(file, message))
      else io.stdout(`${formatMessage(file, message)}\n`)
    }
  }
  if (options.json) {
    io.stdout(`${JSON.stringify(found, null, 2)}\n`)
  } else {
    const protocols = targets.filter((target) => target.kind === 'protocol').length
    const motions = targets.length - protocols
    const files = [...(protocols > 0 ? [plural(protocols, 'protocol')] : []), ...(motions > 0 ? [plural(motions, 'motion')] : [])].join(' and ')
    const summary = errors + warnings === 0 ? 'no problems' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`
    // Applied motions are records: their wording is checked, their words are not looked for in today's text.
    const records = applied > 0 ? ` (${applied === 1 ? '1 motion is' : `${applied} motions are`} already applied: keeling verify checks ${applied === 1 ? 'it' : 'those'} against the history)` : ''
    io.stdout(`${files} checked: ${summary}${records}\n`)
  }
  return errors > 0 ? EXIT_PROBLEMS : EXIT_OK
}

async function everything(io: Io, parse: ParseCache): Promise<Target[]> {
  return expand(await listProtocolSlugs(io.cwd), io, parse)
}

/** A slug brings its motions with it; a path is a protocol, or a motion when it has a mover or lives in amendments/. */
async function expand(arguments_: string[], io: Io, parse: ParseCache): Promise<Target[]> {
  const targets: Target[] = []
  for (const argument of arguments_) {
    if (looksLikePath(argument) && (await isMotionPath(io, argument, parse))) {
      targets.push({ kind: 'motion', path: argument })
      continue
    }
    targets.push({ kind: 'protocol', name: argument })
    if (!looksLikePath(argument)) {
      for (const path of await listMotionFiles(io.cwd, argument)) targets.push({ kind: 'motion', path })
    }
  }
  return targets
}

async function isMotionPath(io: Io, path: string, parse: ParseCache): Promise<boolean> {
  if (path.split(/[\\/]/).includes('amendments')) return true
  try {
    return /^mover:/m.test((await readMotionFile(io.cwd, path, parse)).text.split(/\n---/)[0] ?? '')
  } catch {
    return false
  }
}

async function checkProtocolFile(name: string, io: Io, parse: ParseCache): Promise<{ file: string; messages: VFileMessage[] }> {
  const file = await readProtocolInput(io, name, undefined, parse)
  return { file: displayPath(io.cwd, file.path), messages: checkProtocol(parse.protocol(file.text), file.slug) }
}

async function checkMotionFile(path: string, io: Io, parse: ParseCache): Promise<{ file: string; messages: VFileMessage[]; applied: boolean }> {
  const input = await readMotionInput(io, path, undefined, parse)
  const protocol = await readProtocolFile(io.cwd, input.motion.protocol, parse).catch((error: unknown) => {
    if (error instanceof ProtocolNotFound) return null
    throw error
  })
  const amended = input.motion.amends
    ? await readMotionFile(io.cwd, join(dirname(input.path), `${input.motion.amends}.md`), parse).catch(() => null)
    : null
  // As apply and adopt read it: a motion drafted against the last version (`base:`) checks against the text that is it.
  const { history } = await readHistory(io.cwd, input.motion.protocol)
  const last = versionsOf(history).at(-1)
  const version = protocol && last && sha256(withoutHead(protocol.text)) === last.sha256 ? last.label : ''
  return { file: input.name, ...checkMotion(input, protocol?.text ?? null, amended, version, parse) }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}
