import { readDate } from '../dates.js'
import { editDistance } from '../edit-distance.js'
import { isMap, isScalar, LineCounter, parseDocument, type Pair } from 'yaml'
import { problem } from '../problem.js'
import type { VFileMessage } from 'vfile-message'
import { checked, type Keyed, listOf, mapOf, pairs, paragraphs, record, type Shape, type ShapeContext, startOf, text, textOr, yesOrNo } from './yaml-shapes.js'

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
  /** What someone said about a motion (by its ID) or a clause (by number or ID), printed after it; with where its key is. */
  comments: Map<string, PaperComment>
  /** Implications by heading ("Financial": "None."), each its own section. */
  implications: Array<[string, string]>
  /** The impact table: area → impact. */
  impact: Array<[string, string]>
  risks: PaperRisk[]
  /** Others consulted: who → whether. */
  consulted: Array<[string, string]>
  wards: string[]
  backgroundPapers: string[]
  contact: PaperContact | null
  /** The appendix's title; keeling names it from the versions when not given. */
  appendix: string
  /** The council's name at the head of the paper; the protocol's `body:` when not given. */
  council: string
}

/** A comment from PAPER.yml: its paragraphs, and where its key is (for a comment that names nothing in the paper). */
export interface PaperComment {
  paragraphs: string[]
  place: Place
}

/** A line and column in PAPER.yml, 1-based. */
export interface Place {
  line: number
  column: number
}

/** A row of the risk table. */
export interface PaperRisk {
  risk: string
  likelihood: string
  impact: string
  mitigation: string
}

/** The contact officer. */
export interface PaperContact {
  name: string
  role: string
  email: string
  phone: string
}

/** A field of PAPER.yml: whether it must be there, the form it takes (said in every message about it), and its shape. */
interface FieldSpec<T> {
  required: boolean
  form: string
  shape: Shape<T>
}

const RISK_KEYS = ['risk', 'likelihood', 'impact', 'mitigation'] as const
const CONTACT_KEYS = ['name', 'role', 'email', 'phone'] as const

const risk = record(RISK_KEYS, (get): PaperRisk => ({ risk: get('risk'), likelihood: get('likelihood'), impact: get('impact'), mitigation: get('mitigation') }))
const contactOf = (get: (key: (typeof CONTACT_KEYS)[number]) => string): PaperContact => ({ name: get('name'), role: get('role'), email: get('email'), phone: get('phone') })
const contact = textOr((name): PaperContact => ({ name, role: '', email: '', phone: '' }), record(CONTACT_KEYS, contactOf, ['name']))

/** PAPER.yml, field by field, in the order a report's front and sections use them. */
const FIELDS = {
  committee: { required: true, form: 'the committee or council the report goes to, e.g. committee: Council', shape: text },
  date: { required: true, form: 'the meeting date as YYYY-MM-DD or as a clerk writes it, e.g. date: 2017-05-16 or date: 16 May 2017', shape: checked(readDate) },
  'agenda-item': { required: false, form: 'the item number on the agenda, e.g. agenda-item: 18', shape: text },
  title: { required: true, form: 'the report title, e.g. title: Member Officer Protocol', shape: text },
  author: { required: true, form: 'who wrote the report, e.g. author: Head of Legal Services – A. Name', shape: text },
  'for-decision': { required: true, form: 'yes or no, e.g. for-decision: yes', shape: yesOrNo(['yes', 'true'], ['no', 'false']) },
  summary: { required: false, form: 'a paragraph, or a list of paragraphs (- …), added after keeling’s account of the motions', shape: paragraphs },
  recommendation: { required: true, form: 'a paragraph, or a list of paragraphs, e.g. recommendation: That the Council approves the revised protocol.', shape: paragraphs },
  background: { required: false, form: 'a paragraph, or a list of paragraphs, printed before keeling’s account of the motions', shape: paragraphs },
  comments: { required: false, form: 'a map from a motion ID or a clause number to a paragraph or list, e.g. comments: { cwg-2017-04-25: Cllr Artus has commented … }', shape: mapOf(paragraphs) },
  implications: { required: false, form: 'a map from a heading to a paragraph, e.g. implications: { Financial: None., Legal: None. }', shape: pairs },
  impact: { required: false, form: 'a map from an area to its impact, e.g. impact: { Equalities: None. }', shape: pairs },
  risks: { required: false, form: 'a list of risks, each with risk, likelihood, impact and mitigation, e.g. - { risk: …, likelihood: 2, impact: 3, mitigation: … }', shape: listOf(risk) },
  consulted: { required: false, form: 'a map from who was consulted to yes or no, e.g. consulted: { Portfolio Holder: Yes }', shape: pairs },
  wards: { required: false, form: 'the wards affected, e.g. wards: All, or a list of ward names', shape: paragraphs },
  'background-papers': { required: false, form: 'a paper, or a list of papers, or None', shape: paragraphs },
  contact: { required: false, form: 'the contact officer: name, and optionally role, email, phone, e.g. contact: { name: A. Name, email: a.name@example.gov.uk }', shape: contact },
  appendix: { required: false, form: 'the appendix title, e.g. appendix: "Appendix B: Proposed Draft"', shape: text },
  council: { required: false, form: 'the council’s name as it heads the paper, e.g. council: Uttlesford District Council (the protocol’s body: when not given)', shape: text }
} satisfies Record<string, FieldSpec<unknown>>

type Field = keyof typeof FIELDS
const NAMES = Object.keys(FIELDS)

/** Whether a key is one of PAPER.yml's fields. */
function isField(key: string): key is Field {
  return Object.hasOwn(FIELDS, key)
}

/**
 * Read a PAPER.yml against its schema ({@link FIELDS}). Every problem names its line and column and the form
 * the field takes, and every one is reported; a file with problems gives no meta, so no paper is made from
 * half a file.
 */
export function readPaperMeta(text: string): { meta: PaperMeta } | { problems: VFileMessage[] } {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter, prettyErrors: false, uniqueKeys: true })
  const problems: VFileMessage[] = []
  const place = (offset: number | undefined): Place => {
    const { line, col } = lineCounter.linePos(offset ?? 0)
    return { line, column: col }
  }
  const say = (reason: string, offset: number | undefined, code = 'paper-field-form'): void => {
    problems.push(problem(reason, place(offset), code))
  }
  for (const error of doc.errors) say(`not valid YAML: ${error.message.split('\n')[0] ?? ''}; fix the line, or start again from keeling paper --init`, error.pos[0], 'paper-yaml')
  const unreadable = text.indexOf('\uFFFD')
  if (unreadable >= 0) say('this character could not be read: the file is not UTF-8 (often a curly quote or dash saved as Windows text); save it as UTF-8', unreadable, 'paper-not-utf8')
  if (problems.length > 0) return { problems }
  const root = doc.contents
  if (!isMap(root)) {
    say('expected a map of fields (committee:, date:, title: …); start from keeling paper --init', startOf(root), 'paper-not-a-map')
    return { problems }
  }

  const found = new Map<Field, Pair<unknown, unknown>>()
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    if (isField(key)) found.set(key, pair)
    else {
      const near = nearest(key, NAMES)
      say(`unknown field "${key}"${near ? `; did you mean "${near}"?` : `; the fields are ${NAMES.join(', ')}`}`, startOf(pair.key), 'paper-unknown-field')
    }
  }
  for (const name of NAMES) if (isField(name) && FIELDS[name].required && !found.has(name)) say(`missing field "${name}": expected ${FIELDS[name].form}`, 0, 'paper-missing-field')

  /** A field's value in its shape's type: what its shape reads, or what a field left out is. */
  const read = <T>(name: Field, spec: FieldSpec<T>): T => {
    const pair = found.get(name)
    if (!pair) return spec.shape.absent()
    const context: ShapeContext = { label: name, form: spec.form, offset: startOf(pair.value) ?? startOf(pair.key), say }
    return spec.shape.read(pair.value, context)
  }
  const comments = new Map<string, PaperComment>()
  for (const [key, { value, offset }] of read('comments', FIELDS.comments)) comments.set(key, { paragraphs: value, place: place(offset) })

  const meta: PaperMeta = {
    committee: read('committee', FIELDS.committee),
    date: read('date', FIELDS.date),
    agendaItem: read('agenda-item', FIELDS['agenda-item']),
    title: read('title', FIELDS.title),
    author: read('author', FIELDS.author),
    forDecision: read('for-decision', FIELDS['for-decision']),
    summary: read('summary', FIELDS.summary),
    recommendation: read('recommendation', FIELDS.recommendation),
    background: read('background', FIELDS.background),
    comments,
    implications: read('implications', FIELDS.implications),
    impact: read('impact', FIELDS.impact),
    risks: read('risks', FIELDS.risks),
    consulted: read('consulted', FIELDS.consulted),
    wards: read('wards', FIELDS.wards),
    backgroundPapers: read('background-papers', FIELDS['background-papers']),
    contact: read('contact', FIELDS.contact),
    appendix: read('appendix', FIELDS.appendix),
    council: read('council', FIELDS.council)
  }
  if (problems.length > 0) return { problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)) }
  return { meta }
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
