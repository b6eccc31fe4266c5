import type { ChangeSentence } from '../diff/describe-changes.js'
import { longDate } from '../dates.js'
import type { Decision, Version } from '../history/history.js'

/** A sentence with its full stop: none added after a quotation that ends with its own (“… five years.”). */
export function endSentence(text: string): string {
  return /[.!?]["”’)]*$/.test(text) ? text : `${text}.`
}

/** Sentences said as one list: "adds … (in paragraph 7.2) and leaves out …". */
export function sentencesAsList(sentences: ChangeSentence[]): string {
  return listAnd(sentences.map((sentence) => (sentence.place ? `${sentence.action} (${sentence.place.replace(/^In /, 'in ')})` : sentence.action)))
}

/** "carried", "did not carry" … as a verb for a sentence. */
export function outcomeVerb(outcome: string | undefined): string {
  switch (outcome) {
    case 'carried':
      return 'carried'
    case 'lost':
      return 'rejected'
    case 'withdrawn':
      return 'noted the withdrawal of'
    case 'deferred':
      return 'deferred'
    case 'referred':
      return 'referred on'
    case 'superseded':
      return 'set aside as superseded'
    default:
      return 'considered'
  }
}

/** "the version council-2017-04-04 (Uttlesford District Council, 4 April 2017)". */
export function describeVersion(version: Version): string {
  return `the version ${version.label} (${[version.by, longDate(version.date)].filter(Boolean).join(', ')})`
}

/** Implications headed as the seeds head them: "Financial" → "Financial implications"; a longer heading as written. */
export function implicationsHeading(heading: string): string {
  return /^\S+$/.test(heading.trim()) && !/implications?$/i.test(heading) ? `${heading} implications` : heading
}

/** "two", "three" … up to ten, else the figure. */
export function countWord(count: number): string {
  return ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][count] ?? String(count)
}

/** "a, b and c". */
export function listAnd(items: string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`
}

/** The text with its first letter a capital. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A motion file's instructions, without its front matter and comments. */
export function motionBody(text: string): string {
  return text
    .replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\r\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Markdown quoted as a block quote. */
export function quote(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n')
}

/** Markdown indented by `spaces` (blank lines left empty), to sit inside a list item. */
export function indent(markdown: string, spaces: number): string {
  const pad = ' '.repeat(spaces)
  return markdown
    .split('\n')
    .map((line) => (line === '' ? '' : pad + line))
    .join('\n')
}
/** " (7 for, 2 against, 1 abstaining)", or '' when no votes were recorded. */
export function votesOf(decided: Decision | undefined): string {
  if (!decided) return ''
  const votes = [decided.for ? `${decided.for} for` : '', decided.against ? `${decided.against} against` : '', decided.abstain ? `${decided.abstain} abstaining` : ''].filter(Boolean)
  return votes.length > 0 ? ` (${votes.join(', ')})` : ''
}
