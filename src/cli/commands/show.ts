import { clauseMarkdown } from '../../core/protocol/clause-extent.js'
import { parseProtocol } from '../../core/protocol/parse-protocol.js'
import { clauseToJson, protocolToJson } from '../../core/protocol/protocol-to-json.js'
import type { Clause, Protocol } from '../../core/protocol/types.js'
import { renderClauseText } from '../../core/render/render-clause-text.js'
import { withoutHead } from '../../core/history/head.js'
import { lastHash, recordHash, sha256, versionsOf } from '../../core/history/history.js'
import { readHistory } from '../../store/history-file.js'
import { displayPath } from '../../store/layout.js'
import type { LineNumbering } from '../../core/motion/line-numbers.js'
import { EXIT_OK, EXIT_USAGE, UserError, type Io } from '../io.js'
import { warnUnreadable } from '../unreadable-history.js'
import { selectClause } from '../select-clause.js'
import { readProtocolInput } from '../read-inputs.js'
import { guardOutput, type OutputGuard, requireFileForDocx, revisionDate, writeOutput } from '../render-change-set.js'

/**
 * `keeling show SLUG|PATH [CLAUSE]`: the protocol or one clause with all
 * that belongs to it, as stored Markdown, as a reader's text, or as JSON.
 */
export async function runShow(
  target: string,
  selector: string | undefined,
  format: 'md' | 'text' | 'json' | 'html' | 'docx',
  io: Io,
  output?: string,
  force = false,
  lineNumbers: false | LineNumbering = false
): Promise<number> {
  const guard = { inputs: [target], force }
  await guardOutput(output, io, guard)
  if (lineNumbers) {
    if (selector !== undefined) throw new UserError(`--line-numbers numbers a whole protocol's lines; leave out the clause "${selector}"`, EXIT_USAGE)
    if (format !== 'html' && format !== 'text' && format !== 'docx') throw new UserError(`--line-numbers prints the text to read (--format text) or to print (--format html or docx), not --format ${format}`, EXIT_USAGE)
    return showConsolidated(target, format, io, output, { ...guard, lineNumbers })
  }
  if (format === 'html' || format === 'docx') {
    if (selector !== undefined) throw new UserError(`--format ${format} shows a whole protocol; leave out the clause "${selector}"`, EXIT_USAGE)
    return showConsolidated(target, format, io, output, guard)
  }
  const file = await readProtocolInput(io, target)
  const protocol = parseProtocol(file.text)
  if (selector === undefined) {
    await writeOutput(showProtocol(protocol, file.text, format), output, io, guard)
    return EXIT_OK
  }
  // Not a number as written, an ID or opening words, or a number several clauses carry (each "1." of each
  // section): a citation as the text's own body writes it ("3(f)", "Article IV, Section 2", "1" for section 1).
  const result = selectClause(protocol, selector)
  if ('found' in result && result.resolved?.item) {
    await writeOutput(showItem(result.found, result.resolved.item, format), output, io, guard)
    return EXIT_OK
  }
  if ('ambiguous' in result) {
    const list = result.ambiguous.map(describe).join('; ')
    throw new UserError(`"${selector}" matches ${result.ambiguous.length} clauses in ${file.slug}: ${list}; give a clause ID`, EXIT_USAGE)
  }
  if ('missing' in result) {
    const near = result.nearby.length > 0 ? `; nearby: ${result.nearby.map(describe).join(', ')}` : ''
    throw new UserError(`no clause "${selector}" in ${file.slug}${near}`, EXIT_USAGE)
  }
  await writeOutput(showClause(result.found, format), output, io, guard)
  return EXIT_OK
}

/**
 * The consolidated text, clean, with a footer naming the version it is (date,
 * approving body) and the SHA-256 of the protocol file, for print and Word.
 */
async function showConsolidated(target: string, format: 'html' | 'docx' | 'text', io: Io, output: string | undefined, guard: OutputGuard & { lineNumbers?: LineNumbering }): Promise<number> {
  requireFileForDocx(format, output, 'protocol.docx')
  const file = await readProtocolInput(io, target)
  const { history } = await readHistory(io.cwd, file.slug)
  warnUnreadable(io, file.slug, history)
  const hash = sha256(withoutHead(file.text))
  const version = versionsOf(history).find((item) => item.sha256 === hash)
  // The history's head as this text stands in it: published with the text, `keeling verify --head` checks the history against it.
  const head = version && target.includes('@') ? recordHash(version) : history.records.length > 0 ? lastHash(history) : ''
  const anchor = head ? ` History head: ${head}` : ''
  const footer = version
    ? `${file.slug}, version ${version.label}, adopted ${version.date} by ${version.by}. SHA-256 of the text: ${hash}.${anchor}`
    : `${displayPath(io.cwd, file.path)}, not a recorded version. SHA-256 of the text: ${hash}.${anchor}`
  if (guard.lineNumbers) {
    const numbering = guard.lineNumbers
    const render = await import('../../core/render/render-line-numbered.js')
    const printed =
      format === 'text'
        ? render.renderLineNumberedText(file.text, undefined, numbering)
        : format === 'html'
          ? (await import('../../core/render/html-line-numbered.js')).renderLineNumberedHtml(file.text, target, footer, undefined, numbering)
          : await render.renderLineNumberedDocx(file.text, target, footer, revisionDate(io.env), undefined, numbering)
    await writeOutput(printed, output, io, guard)
    return EXIT_OK
  }
  const rendered =
    format === 'html'
      ? (await import('../../core/render/render-consolidated.js')).renderConsolidatedHtml(file.text, target, footer)
      : await (await import('../../core/render/render-consolidated-docx.js')).renderConsolidatedDocx(file.text, target, footer, revisionDate(io.env))
  await writeOutput(rendered, output, io, guard)
  return EXIT_OK
}

function showProtocol(protocol: Protocol, text: string, format: 'md' | 'text' | 'json'): string {
  if (format === 'md') return text
  if (format === 'json') return `${JSON.stringify(protocolToJson(protocol), null, 2)}\n`
  const title = protocol.frontMatter.data['title']
  const body = protocol.clauses.map((clause) => renderClauseText(clauseMarkdown(clause))).join('\n\n')
  return `${typeof title === 'string' ? `${title}\n\n` : ''}${body}\n`
}

function showClause(clause: Clause, format: 'md' | 'text' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(clauseToJson(clause), null, 2)}\n`
  const markdown = clauseMarkdown(clause)
  return `${format === 'md' ? markdown : renderClauseText(markdown)}\n`
}

function describe(clause: Clause): string {
  const name = clause.number || `"${clause.source.replace(/^.*?<\/a>/, '').slice(0, 30)}…"`
  return `${name} (${clause.id || 'no ID'}, line ${clause.position.start.line})`
}


/** The clause or item a citation names, as the format shows it, or null when the selector cites nothing. */
/** An item inside a clause ("3(f)" of a Standing Order 3 whose items are not clauses of their own). */
function showItem(clause: Clause, place: { start: number; end: number; label: string }, format: 'md' | 'text' | 'json'): string {
  const item = clause.source.slice(place.start, place.end).trim()
  if (format === 'json') return `${JSON.stringify({ clause: clauseToJson(clause), item: { label: place.label, text: item } }, null, 2)}\n`
  return `${format === 'md' ? item : renderClauseText(item)}\n`
}
