import { createHash } from 'node:crypto'
import { parseAllDocuments, stringify } from 'yaml'
import { readPlainDocuments } from '../plain-yaml.js'
import { isMotionId, isSlug } from '../slug.js'

/** What a body did with a motion. One spelling each, in files, code, messages and docs. */
export const OUTCOMES = ['carried', 'lost', 'withdrawn', 'deferred', 'referred', 'superseded'] as const
export type Outcome = (typeof OUTCOMES)[number]

/** A decision: what a body did with a motion at a meeting. Appended, never edited. */
export interface Decision {
  record: 'decision'
  motion: string
  /** SHA-256 of the motion file as decided: the words the meeting voted on. */
  motionSha256: string
  outcome: Outcome
  body: string
  meeting: string
  date: string
  for: string
  against: string
  abstain: string
  mover: string
  seconder: string
  note: string
  /** The hash of the record before this one ('' for the first): the chain. */
  previous: string
  /** The records' format: `2` for records whose history keeps every version's text and its head in the protocol ('' before). */
  format?: string
}

/** A version: a named, dated text of the protocol, the previous version plus the motions adopted into it. */
export interface Version {
  record: 'version'
  label: string
  date: string
  by: string
  /** The label of the version before ('' for the first). */
  from: string
  /** The motions applied, in order, each with the SHA-256 of its file as applied. */
  motions: Array<{ id: string; sha256: string }>
  /** SHA-256 of the protocol file as this version left it. */
  sha256: string
  previous: string
  /** As for a decision: `2`, or '' for a record made before every version's text was stored. */
  format?: string
}

export type HistoryRecord = Decision | Version

/** A protocol's history: its records, oldest first. */
export interface History {
  records: HistoryRecord[]
  /** Problems reading the file, `line: message`. */
  problems: Array<{ line: number; message: string }>
}

/** SHA-256 of a text, as lowercase hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** The hash of a record: of its fields in a fixed order, so that any edit shows. */
export function recordHash(record: HistoryRecord): string {
  return sha256(JSON.stringify(canonical(record)))
}

function canonical(record: HistoryRecord): unknown[] {
  if (record.record === 'decision') {
    const { motion, motionSha256, outcome, body, meeting, date, mover, seconder, note, previous } = record
    return withFormat(record, ['decision', motion, motionSha256, outcome, body, meeting, date, record.for, record.against, record.abstain, mover, seconder, note, previous])
  }
  const { label, date, by, from, motions, sha256: text, previous } = record
  return withFormat(record, ['version', label, date, by, from, motions.map((motion) => [motion.id, motion.sha256]), text, previous])
}

/** The format is hashed when a record has one, so that it cannot be taken off; a record without one hashes as before. */
function withFormat(record: HistoryRecord, fields: unknown[]): unknown[] {
  return record.format ? [...fields, 'format', record.format] : fields
}

/** The format of the records this keeling writes: every version's text stored, the head anchored in the protocol. */
export const RECORD_FORMAT = '2'

/** Whether a history must have its head anchored in the protocol: any of its records was written in format 2. */
export function isAnchored(history: History): boolean {
  return history.records.some((record) => record.format === RECORD_FORMAT)
}

/** The hash the next record must name as `previous`. */
export function lastHash(history: History): string {
  const last = history.records.at(-1)
  return last ? recordHash(last) : ''
}

/** The versions, oldest first. */
export function versionsOf(history: History): Version[] {
  return history.records.filter((record): record is Version => record.record === 'version')
}

/**
 * Records newest first by date; records of one day newest recorded first (a decision minuted late for an
 * earlier meeting goes by its meeting's date, not by when it was written down).
 */
export function newestFirst<T extends HistoryRecord>(records: T[]): T[] {
  return records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => (a.record.date === b.record.date ? b.index - a.index : a.record.date < b.record.date ? 1 : -1))
    .map(({ record }) => record)
}

/** The decisions on a motion, oldest first. */
export function decisionsOn(history: History, motion: string): Decision[] {
  return history.records.filter((record): record is Decision => record.record === 'decision' && record.motion === motion)
}

/** The decision that stands on a motion: the latest (a correction is a later decision). */
export function standingDecision(history: History, motion: string): Decision | undefined {
  return decisionsOn(history, motion).at(-1)
}

/**
 * Read a history file: YAML documents, one a record, oldest first. Every
 * scalar is read as a string (the failsafe schema), so a vote of 20 or a
 * date stays exactly as written.
 */
export function parseHistory(text: string): History {
  const records: HistoryRecord[] = []
  const problems: History['problems'] = []
  // A comment among the records is not part of any record (not hashed): it could say anything, unseen by verify.
  const firstRecord = text.search(/^---[ \t]*$/m)
  if (firstRecord >= 0) {
    text
      .slice(firstRecord)
      .split('\n')
      .forEach((row, index) => {
        if (/^\s*#/.test(row) || /\s#\s/.test(row.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, ''))) {
          problems.push({ line: lineOf(text, firstRecord) + index, message: 'a comment among the records is not part of any record, so no hash covers it; remove it (a correction is a new decision: keeling decide --note)' })
        }
      })
  }
  // The records as keeling writes them need no YAML parser; anything more goes to it.
  for (const { line, value } of readPlainDocuments(text) ?? yamlDocuments(text, problems)) {
    const record = toRecord(value)
    if (typeof record === 'string') problems.push({ line, message: record })
    else records.push(record)
  }
  return { records, problems }
}

/** A history's documents read by the YAML parser, each a mapping with its line; what is not one is a problem. */
function yamlDocuments(text: string, problems: History['problems']): Array<{ line: number; value: Record<string, unknown> }> {
  const documents: Array<{ line: number; value: Record<string, unknown> }> = []
  for (const doc of parseAllDocuments(text, { schema: 'failsafe' })) {
    const line = lineOf(text, doc.range[0])
    if (doc.errors.length > 0) {
      problems.push({ line, message: `not valid YAML: ${doc.errors[0]?.message.split('\n')[0] ?? ''}` })
      continue
    }
    let value: Record<string, unknown> | null
    try {
      value = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown> | null
    } catch (error) {
      // A record that expands into far more than it says (a YAML alias bomb) is not a record.
      problems.push({ line, message: `not a record: ${error instanceof Error ? error.message : String(error)} (a record has no YAML aliases)` })
      continue
    }
    if (value === null) continue
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ line, message: 'a record must be `key: value` lines, starting `record: decision` or `record: version`' })
      continue
    }
    documents.push({ line, value })
  }
  return documents
}

function lineOf(text: string, offset: number): number {
  let line = 1
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++
  return line
}

/** The fields of each kind of record, as written; anything else in a record is not hashed, so it is refused. */
const FIELDS: Record<string, Set<string>> = {
  decision: new Set(['record', 'motion', 'motion-sha256', 'outcome', 'body', 'meeting', 'date', 'for', 'against', 'abstain', 'mover', 'seconder', 'note', 'previous', 'format']),
  version: new Set(['record', 'label', 'date', 'by', 'from', 'motions', 'sha256', 'previous', 'format'])
}

function toRecord(value: Record<string, unknown>): HistoryRecord | string {
  const text = (key: string): string => (typeof value[key] === 'string' ? (value[key] as string) : '')
  const fields = FIELDS[String(value['record'])]
  if (fields) {
    // What the hash does not cover could say anything ("votes-recount: lost 2-10"): a record holds its own fields only.
    const extra = Object.keys(value).find((key) => !fields.has(key))
    if (extra !== undefined) return `${String(value['record'])} record: unknown field \`${extra}\`; a record holds only ${[...fields].join(', ')} (a correction is a new decision: keeling decide --note)`
    const nested = Object.keys(value).find((key) => key !== 'motions' && typeof value[key] !== 'string')
    if (nested !== undefined) return `${String(value['record'])} record: field \`${nested}\` must be text, not a list or map`
  }
  // Labels and motion IDs become file names (history/SLUG/LABEL.md, amendments/SLUG/ID.md): names, never paths.
  const badMotion = [text('motion'), ...(Array.isArray(value['motions']) ? value['motions'] : []).map((item) => String((item as Record<string, unknown> | null)?.['id'] ?? ''))].find(
    (id) => id !== '' && !isMotionId(id)
  )
  if (badMotion !== undefined) return `motion "${badMotion}" is not a motion ID (a file name in amendments/, without .md)`
  if (value['record'] === 'version' && !isSlug(text('label'))) return `version label "${text('label')}" is not a label (lowercase letters, digits and hyphens)`
  if (value['record'] === 'decision') {
    const outcome = text('outcome')
    if (!(OUTCOMES as readonly string[]).includes(outcome)) return `decision on ${text('motion') || '?'}: outcome "${outcome}" is not one of ${OUTCOMES.join(', ')}`
    return {
      record: 'decision',
      motion: text('motion'),
      motionSha256: text('motion-sha256'),
      outcome: outcome as Outcome,
      body: text('body'),
      meeting: text('meeting'),
      date: text('date'),
      for: text('for'),
      against: text('against'),
      abstain: text('abstain'),
      mover: text('mover'),
      seconder: text('seconder'),
      note: text('note'),
      previous: text('previous'),
      ...(text('format') ? { format: text('format') } : {})
    }
  }
  if (value['record'] === 'version') {
    const motions = Array.isArray(value['motions']) ? value['motions'] : []
    return {
      record: 'version',
      label: text('label'),
      date: text('date'),
      by: text('by'),
      from: text('from'),
      motions: motions.map((item) => {
        const entry = (item ?? {}) as Record<string, unknown>
        return { id: typeof entry['id'] === 'string' ? entry['id'] : '', sha256: typeof entry['sha256'] === 'string' ? entry['sha256'] : '' }
      }),
      sha256: text('sha256'),
      previous: text('previous'),
      ...(text('format') ? { format: text('format') } : {})
    }
  }
  return 'a record must say `record: decision` or `record: version`'
}

/** A record as the YAML document appended to the history file. */
export function formatRecord(record: HistoryRecord): string {
  const fields: Record<string, unknown> =
    record.record === 'decision'
      ? {
          record: 'decision',
          motion: record.motion,
          'motion-sha256': record.motionSha256,
          outcome: record.outcome,
          body: record.body,
          meeting: record.meeting,
          date: record.date,
          for: record.for,
          against: record.against,
          abstain: record.abstain,
          mover: record.mover,
          seconder: record.seconder,
          note: record.note,
          previous: record.previous,
          format: record.format ?? ''
        }
      : {
          record: 'version',
          label: record.label,
          date: record.date,
          by: record.by,
          from: record.from,
          motions: record.motions,
          sha256: record.sha256,
          previous: record.previous,
          format: record.format ?? ''
        }
  const kept = Object.fromEntries(Object.entries(fields).filter(([key, value]) => value !== '' || key === 'previous' || key === 'from'))
  return `---\n${stringify(kept, { lineWidth: 0 })}`
}

/** The first lines of a new history file. */
export function historyHeader(slug: string): string {
  return `# The history of protocols/${slug}.md, kept by keeling: what each body decided on each
# motion, and each version adopted, oldest first. Records are appended, never edited:
# a correction is a new decision. \`previous\` is the SHA-256 of the record before, so an
# edit anywhere shows (\`keeling verify\`).
`
}

/** Where a published head stands in a history: the record it names, and how many came after it. */
export function findHead(history: History, head: string): { index: number; after: number } | undefined {
  const wanted = head.toLowerCase()
  const index = history.records.findIndex((record) => recordHash(record).startsWith(wanted))
  return index === -1 ? undefined : { index, after: history.records.length - 1 - index }
}

/** A record named for a reader: `version cwg-2017-04-25` or `decision on cwg-1 (2017-04-25)`. */
export function describeRecord(record: HistoryRecord): string {
  return record.record === 'version' ? `version ${record.label}` : `decision on ${record.motion} (${record.date})`
}

/** Problems with the chain: a record whose `previous` is not the hash of the one before. */
export function checkChain(history: History): Array<{ index: number; message: string }> {
  const problems: Array<{ index: number; message: string }> = []
  let expected = ''
  history.records.forEach((record, index) => {
    if (record.previous !== expected) {
      const name = describeRecord(record)
      problems.push({ index, message: `${name}: the record before it was changed or removed (its hash is not the one recorded)` })
    }
    expected = recordHash(record)
  })
  return problems
}
