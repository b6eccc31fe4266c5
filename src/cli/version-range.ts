import type { History } from '../core/history/history.js'
import { versionsOf } from '../core/history/history.js'
import { EXIT_USAGE, UserError } from './io.js'

/**
 * Check `--from A --to B` against a protocol's versions: both recorded, A
 * before B. Returns their places in the list of versions.
 *
 * @throws UserError naming the versions there are
 */
export function versionRange(
  history: History,
  slug: string,
  from: string,
  to: string,
  options: { allowSame?: boolean; protocols?: string[] } = {}
): { from: number; to: number; labels: string[] } {
  const labels = versionsOf(history).map((version) => version.label)
  if (labels.length === 0) {
    // A mistyped slug is more likely than a protocol with no history: say which protocols there are.
    const protocols = options.protocols ?? []
    if (!protocols.includes(slug)) throw new UserError(`no protocol "${slug}"${protocols.length > 0 ? `; protocols here: ${protocols.join(', ')}` : ' (protocols/ has none)'}`, EXIT_USAGE)
    throw new UserError(`${slug} has no versions (history/${slug}.yml); record them with keeling adopt`, EXIT_USAGE)
  }
  for (const label of [from, to]) {
    if (!labels.includes(label)) throw new UserError(`${slug} has no version "${label}"; its versions: ${labels.join(', ')}`, EXIT_USAGE)
  }
  const range = { from: labels.indexOf(from), to: labels.indexOf(to), labels }
  if (range.from > range.to || (range.from === range.to && !options.allowSame)) throw new UserError(`--from ${from} must be an earlier version than --to ${to} (versions in order: ${labels.join(', ')})`, EXIT_USAGE)
  return range
}
