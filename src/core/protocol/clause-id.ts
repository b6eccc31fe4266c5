/**
 * Clause IDs are written as an empty HTML anchor at the start of the clause's
 * first line: invisible in any Markdown viewer, and a target that links
 * (`[7.2](#c7-2)`) can jump to.
 */
export const ANCHOR = /^<a id="([^"]*)"><\/a>/

/** A clause ID: lowercase letters, digits and hyphens, starting with a letter or digit. */
export const CLAUSE_ID = /^[a-z0-9][a-z0-9-]*$/

/** The anchor that marks a clause with `id`. */
export function anchor(id: string): string {
  return `<a id="${id}"></a>`
}

/** Whether `id` is a well-formed clause ID. */
export function isClauseId(id: string): boolean {
  return CLAUSE_ID.test(id)
}

/**
 * A readable ID for a new clause: from its number ("3.7" → `c3-7`, heading
 * "2." → `s2`) or, for an unnumbered clause, from its opening words
 * ("Nothing in this protocol shall …" → `nothing-in-this-protocol`).
 * `taken` holds every ID already used; a suffix keeps the new one unique.
 */
export function newClauseId(
  hint: { number: string; words: string; heading: boolean },
  taken: ReadonlySet<string>
): string {
  const fromNumber = slugify(hint.number)
  const base = fromNumber
    ? (hint.heading ? 's' : 'c') + fromNumber
    : slugify(hint.words.split(/\s+/).slice(0, 4).join(' ')) || 'clause'
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}

/** Words as an ID or file name: lowercase ASCII letters and digits joined by hyphens ("Don't Ask" → `dont-ask`). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
