import { checkProtocol } from '../../core/protocol/check-protocol.js'
import { parseProtocol } from '../../core/protocol/parse-protocol.js'
import { displayPath } from '../../store/layout.js'
import { ProtocolNotFound, listProtocolSlugs, readProtocolFile } from '../../store/read-protocol-file.js'
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Io } from '../io.js'
import { formatMessage, messageToJson } from '../format-message.js'

/**
 * `keeling check [SLUG|PATH…]`: every problem in every named protocol (all
 * of protocols/ by default), one line each, then a count.
 */
export async function runCheck(targets: string[], options: { json?: boolean }, io: Io): Promise<number> {
  const names = targets.length > 0 ? targets : await listProtocolSlugs(io.cwd)
  if (names.length === 0) {
    io.stderr('keeling check: no protocols to check; import one with `keeling import FILE --as SLUG`\n')
    return EXIT_USAGE
  }
  const found: Record<string, unknown>[] = []
  let errors = 0
  let warnings = 0
  for (const name of names) {
    let file
    try {
      file = await readProtocolFile(io.cwd, name)
    } catch (error) {
      if (!(error instanceof ProtocolNotFound)) throw error
      const known = error.nearby.length > 0 ? `; protocols here: ${error.nearby.join(', ')}` : ''
      io.stderr(`keeling check: no protocol "${name}"${known}\n`)
      return EXIT_USAGE
    }
    const shown = displayPath(io.cwd, file.path)
    for (const message of checkProtocol(parseProtocol(file.text), file.slug)) {
      if (message.fatal) errors++
      else warnings++
      if (options.json) found.push(messageToJson(shown, message))
      else io.stdout(`${formatMessage(shown, message)}\n`)
    }
  }
  if (options.json) {
    io.stdout(`${JSON.stringify(found, null, 2)}\n`)
  } else {
    const files = `${names.length} protocol${names.length === 1 ? '' : 's'}`
    const summary = errors + warnings === 0 ? 'no problems' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`
    io.stdout(`${files} checked: ${summary}\n`)
  }
  return errors > 0 ? EXIT_PROBLEMS : EXIT_OK
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}
