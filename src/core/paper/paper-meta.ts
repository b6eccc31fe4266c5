import { readDate } from '../dates.js'
import { editDistance } from '../edit-distance.js'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml'
import { problem } from '../problem.js'
import type { VFileMessage } from 'vfile-message'

/** What only a person knows about a committee report: read from PAPER.yml. */
export interface PaperMeta {
  committee: string
  /** The meeting's date, YYYY-MM-DD. */
  date: string
  agendaItem: string
  title: string
  author: string
  forDecision: boolean
  /** Paragraphs after keeling's account of the motions in the summary. */
  summary: string[]
  recommendation: string[]
  /** Paragraphs before keeling's account of the motions in the background. */
  background: string[]
  /** What someone said about a motion (by its ID) or a clause (by number or ID), printed after it. */
  comments: Map<string, string[]>
  /** Implications by heading ("Financial": "None."), each its own section. */
  implications: Array<[string, string]>
  /** The impact table: area → impact. */
  impact: Array<[string, string]>
  risks: Array<{ risk: string; likelihood: string; impact: string; mitigation: string }>
  /** Others consulted: who → whether. */
  consulted: Array<[string, string]>
  wards: string[]
  backgroundPapers: string[]
  contact: { name: string; role: string; email: string; phone: string } | null
  /** The appendix's title; keeling names it from the versions when not given. */
  appendix: string
  /** The council's name at the head of the paper; the protocol's `body:` when not given. */
  council: string
}

/** Each field: its name in the file, whether it must be there, and the form it takes (said in every message about it). */
const FIELDS = {
  committee: { required: true, form: 'the committee or council the report goes to, e.g. committee: Council' },
  date: { required: true, form: 'the meeting date as YYYY-MM-DD or as a clerk writes it, e.g. date: 2017-05-16 or date: 16 May 2017' },
  'agenda-item': { required: false, form: 'the item number on the agenda, e.g. agenda-item: 18' },
  title: { required: true, form: 'the report title, e.g. title: Member Officer Protocol' },
  author: { required: true, form: 'who wrote the report, e.g. author: Head of Legal Services – A. Name' },
  'for-decision': { required: true, form: 'yes or no, e.g. for-decision: yes' },
  summary: { required: false, form: 'a paragraph, or a list of paragraphs (- …), added after keeling’s account of the motions' },
  recommendation: { required: true, form: 'a paragraph, or a list of paragraphs, e.g. recommendation: That the Council approves the revised protocol.' },
  background: { required: false, form: 'a paragraph, or a list of paragraphs, printed before keeling’s account of the motions' },
  comments: { required: false, form: 'a map from a motion ID or a clause number to a paragraph or list, e.g. comments: { cwg-2017-04-25: Cllr Artus has commented … }' },
  implications: { required: false, form: 'a map from a heading to a paragraph, e.g. implications: { Financial: None., Legal: None. }' },
  impact: { required: false, form: 'a map from an area to its impact, e.g. impact: { Equalities: None. }' },
  risks: { required: false, form: 'a list of risks, each with risk, likelihood, impact and mitigation, e.g. - { risk: …, likelihood: 2, impact: 3, mitigation: … }' },
  consulted: { required: false, form: 'a map from who was consulted to yes or no, e.g. consulted: { Portfolio Holder: Yes }' },
  wards: { required: false, form: 'the wards affected, e.g. wards: All, or a list of ward names' },
  'background-papers': { required: false, form: 'a paper, or a list of papers, or None' },
  contact: { required: false, form: 'the contact officer: name, and optionally role, email, phone, e.g. contact: { name: A. Name, email: a.name@example.gov.uk }' },
  appendix: { required: false, form: 'the appendix title, e.g. appendix: "Appendix B: Proposed Draft"' },
  council: { required: false, form: 'the council’s name as it heads the paper, e.g. council: Uttlesford District Council (the protocol’s body: when not given)' }
} as const

type Field = keyof typeof FIELDS

const RISK_KEYS = ['risk', 'likelihood', 'impact', 'mitigation'] as const
const CONTACT_KEYS = ['name', 'role', 'email', 'phone'] as const

/**
 * Read a PAPER.yml. Every problem names its line and column and the form
 * the field takes; a file with problems gives no meta, so no paper is made
 * from half a file.
 */
export function readPaperMeta(text: string): { meta: PaperMeta } | { problems: VFileMessage[] } {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter, prettyErrors: false, uniqueKeys: true })
  const problems: VFileMessage[] = []
  const at = (offset: number | undefined): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset ?? 0)
    return { line, column: col }
  }
  const say = (reason: string, offset: number | undefined, code: string): void => {
    problems.push(problem(reason, at(offset), code))
  }
  for (const error of doc.errors) say(`not valid YAML: ${error.message.split('\n')[0] ?? ''}; fix the line, or start again from keeling paper --init`, error.pos[0], 'paper-yaml')
  const unreadable = text.indexOf('\uFFFD')
  if (unreadable >= 0) say('this character could not be read: the file is not UTF-8 (often a curly quote or dash saved as Windows text); save it as UTF-8', unreadable, 'paper-not-utf8')
  if (problems.length > 0) return { problems }
  const root = doc.contents
  if (!isMap(root)) {
    say('expected a map of fields (committee:, date:, title: …); start from keeling paper --init', root?.range?.[0], 'paper-not-a-map')
    return { problems }
  }

  const found = new Map<Field, Pair<unknown, unknown>>()
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    if (!(key in FIELDS)) {
      const near = nearest(key, Object.keys(FIELDS))
      say(`unknown field "${key}"${near ? `; did you mean "${near}"?` : `; the fields are ${Object.keys(FIELDS).join(', ')}`}`, (pair.key as Node | null)?.range?.[0], 'paper-unknown-field')
      continue
    }
    found.set(key as Field, pair)
  }
  for (const [name, field] of Object.entries(FIELDS) as Array<[Field, (typeof FIELDS)[Field]]>) {
    if (field.required && !found.has(name)) say(`missing field "${name}": expected ${field.form}`, 0, 'paper-missing-field')
  }

  const valueOf = (name: Field): Node | null => (found.get(name)?.value as Node | null | undefined) ?? null
  const offsetOf = (name: Field): number | undefined => {
    const pair = found.get(name)
    return (pair?.value as Node | null)?.range?.[0] ?? (pair?.key as Node | null)?.range?.[0]
  }
  const wrong = (name: Field, node: Node | null = valueOf(name)): void => say(`${name}: expected ${FIELDS[name].form}`, node?.range?.[0] ?? offsetOf(name), 'paper-field-form')

  const text1 = (name: Field): string => {
    if (!found.has(name)) return ''
    const node = valueOf(name)
    const value = scalarText(node)
    if (value === null || value === '') {
      if (node === null || value === '') say(`${name}: nothing given; expected ${FIELDS[name].form}`, offsetOf(name), 'paper-field-form')
      else wrong(name, node)
      return ''
    }
    return value
  }
  const paragraphs = (name: Field, node: Node | null = valueOf(name), label: string = name): string[] => {
    if (node === null && !found.has(name)) return []
    const single = scalarText(node)
    if (single !== null && single !== '') return [single]
    if (isSeq(node) && node.items.length > 0) {
      const items = node.items.map((item) => scalarText(item as Node))
      const bad = node.items.findIndex((_, index) => items[index] === null || items[index] === '')
      if (bad === -1) return items as string[]
      say(`${label}: item ${bad + 1} is not a paragraph; expected ${FIELDS[name].form}`, (node.items[bad] as Node | null)?.range?.[0], 'paper-field-form')
      return []
    }
    say(`${label}: ${node === null || single === '' ? 'nothing given; ' : ''}expected ${FIELDS[name].form}`, node?.range?.[0] ?? offsetOf(name), 'paper-field-form')
    return []
  }
  const pairs = (name: Field): Array<[string, string]> => {
    if (!found.has(name)) return []
    const node = valueOf(name)
    if (!isMap(node) || node.items.length === 0) {
      wrong(name, node)
      return []
    }
    const result: Array<[string, string]> = []
    for (const pair of node.items) {
      const key = scalarText(pair.key as Node)
      const value = scalarText(pair.value as Node | null)
      if (key === null || key === '' || value === null || value === '') {
        say(`${name}: "${key ?? '?'}" needs a value; expected ${FIELDS[name].form}`, (pair.value as Node | null)?.range?.[0] ?? (pair.key as Node | null)?.range?.[0], 'paper-field-form')
        continue
      }
      result.push([key, value])
    }
    return result
  }

  const given = text1('date')
  const date = given ? readDate(given) : ''
  if (date === null) wrong('date')
  const decision = text1('for-decision').toLowerCase()
  if (decision && !['yes', 'no', 'true', 'false'].includes(decision)) wrong('for-decision')

  const comments = new Map<string, string[]>()
  const commentNode = valueOf('comments')
  if (found.has('comments')) {
    if (!isMap(commentNode)) wrong('comments', commentNode)
    else
      for (const pair of (commentNode as YAMLMap).items) {
        const key = scalarText(pair.key as Node)
        if (!key) {
          wrong('comments', pair.key as Node)
          continue
        }
        comments.set(key, paragraphs('comments', pair.value as Node | null, `comments: ${key}`))
      }
  }

  const risks: PaperMeta['risks'] = []
  const riskNode = valueOf('risks')
  if (found.has('risks')) {
    if (!isSeq(riskNode) || riskNode.items.length === 0) wrong('risks', riskNode)
    else
      for (const item of riskNode.items as Array<Node | null>) {
        if (!isMap(item)) {
          wrong('risks', item)
          continue
        }
        const entry = fieldsOf(item, RISK_KEYS, 'risks', say)
        if (entry) risks.push(entry)
      }
  }

  let contact: PaperMeta['contact'] = null
  if (found.has('contact')) {
    const node = valueOf('contact')
    const single = scalarText(node)
    if (single) contact = { name: single, role: '', email: '', phone: '' }
    else if (isMap(node)) {
      const entry = fieldsOf(node, CONTACT_KEYS, 'contact', say, ['name'])
      if (entry) contact = entry
    } else wrong('contact', node)
  }

  const meta: PaperMeta = {
    committee: text1('committee'),
    date: date ?? '',
    agendaItem: found.has('agenda-item') ? text1('agenda-item') : '',
    title: text1('title'),
    author: text1('author'),
    forDecision: decision === 'yes' || decision === 'true',
    summary: paragraphs('summary'),
    recommendation: paragraphs('recommendation'),
    background: paragraphs('background'),
    comments,
    implications: pairs('implications'),
    impact: pairs('impact'),
    risks,
    consulted: pairs('consulted'),
    wards: paragraphs('wards'),
    backgroundPapers: paragraphs('background-papers'),
    contact,
    appendix: found.has('appendix') ? text1('appendix') : '',
    council: found.has('council') ? text1('council') : ''
  }
  if (problems.length > 0) return { problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)) }
  return { meta }
}

/** A scalar's text, trimmed; null for a map, a list or nothing. */
function scalarText(node: Node | null | undefined): string | null {
  if (!isScalar(node)) return null
  return String(node.value ?? '').trim()
}

/** The named fields of a small map (a risk, the contact): every one given unless optional, none unknown. */
function fieldsOf<K extends string>(
  node: YAMLMap,
  keys: readonly K[],
  field: Field,
  say: (reason: string, offset: number | undefined, code: string) => void,
  required: readonly K[] = keys
): Record<K, string> | null {
  const entry = Object.fromEntries(keys.map((key) => [key, ''])) as Record<K, string>
  let ok = true
  for (const pair of node.items) {
    const key = scalarText(pair.key as Node) ?? ''
    const value = scalarText(pair.value as Node | null)
    if (!(keys as readonly string[]).includes(key)) {
      say(`${field}: unknown key "${key}"; expected ${keys.join(', ')}`, (pair.key as Node | null)?.range?.[0], 'paper-field-form')
      ok = false
    } else if (value === null || value === '') {
      say(`${field}: ${key} needs a value; expected ${FIELDS[field].form}`, (pair.value as Node | null)?.range?.[0] ?? (pair.key as Node | null)?.range?.[0], 'paper-field-form')
      ok = false
    } else entry[key as K] = value
  }
  for (const key of required) {
    if (entry[key] === '' && ok) {
      say(`${field}: missing ${key}; expected ${FIELDS[field].form}`, node.range?.[0], 'paper-field-form')
      ok = false
    }
  }
  return ok ? entry : null
}

/** The field name a typo most likely meant: within two edits. */
function nearest(word: string, names: string[]): string | undefined {
  let best: string | undefined
  let bestDistance = 3
  for (const name of names) {
    const distance = editDistance(word.toLowerCase(), name)
    if (distance < bestDistance) {
      best = name
      bestDistance = distance
    }
  }
  return best
}
