/**
 * Clause numbers as paths of steps, so that a citation (`3(f)`, `Article IV,
 * Section 2`) and a clause's number (`3.9`, `(iv)`) can be compared.
 */

/** One step of a clause's place: "12", "6", "iv", "f" (lower case, brackets and dots gone). */
export type PathStep = string

/**
 * Read a number as written in a citation into its steps: `12.6.1(iv)` →
 * 12, 6, 1, iv; `3(f)` → 3, f; `8.2.vi` → 8, 2, vi; `(b)` → b; `IV` → iv.
 *
 * @returns the steps, or null when the text is not a clause number
 */
export function numberSteps(text: string): PathStep[] | null {
  const value = text.trim().replace(/[.,;:]+$/, '')
  if (value === '') return null
  const steps: PathStep[] = []
  let rest = value
  // "A.1.4": an appendix letter, then its numbers.
  // "A.1(6)": and an item in brackets after it.
  const appendix = /^([A-Z])((?:\.\d+)+)((?:\([a-z0-9]{1,6}\))*)$/.exec(rest)
  if (appendix) return [(appendix[1] ?? '').toLowerCase(), ...(appendix[2] ?? '').slice(1).split('.'), ...[...(appendix[3] ?? '').matchAll(/\(([a-z0-9]+)\)/gi)].map((step) => (step[1] ?? '').toLowerCase())]
  const decimal = /^(\d+[A-Z]?)((?:\.\d+[A-Z]?)*)/i.exec(rest)
  if (decimal) {
    steps.push(...decimal[0].split('.').map((step) => step.toLowerCase()))
    rest = rest.slice(decimal[0].length)
    // "8.2.vi", "7.12.f": a lettered or roman step after a dot.
    const dotted = /^(?:\.([a-z]{1,5}))+/i.exec(rest)
    if (dotted) {
      steps.push(...dotted[0].slice(1).split('.').map((step) => step.toLowerCase()))
      rest = rest.slice(dotted[0].length)
    }
  } else if (!rest.startsWith('(')) {
    const bare = /^([a-z]{1,2}|[ivxlc]+)\)?(?![a-z])/i.exec(rest)
    if (!bare) return null
    steps.push((bare[1] ?? '').toLowerCase())
    rest = rest.slice(bare[0].length)
  }
  for (let bracket = /^\(([a-z0-9]{1,6})\)/i.exec(rest); bracket; bracket = /^\(([a-z0-9]{1,6})\)/i.exec(rest)) {
    steps.push((bracket[1] ?? '').toLowerCase())
    rest = rest.slice(bracket[0].length)
  }
  return rest === '' && steps.length > 0 ? steps : null
}

/** Whether two steps name the same place: equal, or the same number in arabic and roman (Article 4, Article IV). */
export function sameStep(a: PathStep, b: PathStep): boolean {
  if (a === b) return true
  const arabicA = /^\d+$/.test(a)
  if (arabicA === /^\d+$/.test(b)) return false
  // A lone i, v or x is an item letter as often as a numeral: "(1)" is never item "(i)". IV and 4 are one.
  const roman = arabicA ? b : a
  return roman.length > 1 && romanValue(roman) === Number(arabicA ? a : b)
}

/** The value of a roman numeral, or null when the text is not one. */
export function romanValue(text: string): number | null {
  if (!/^[ivxlcdm]+$/i.test(text)) return null
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 }
  let total = 0
  const lower = text.toLowerCase()
  for (let i = 0; i < lower.length; i++) {
    const value = values[lower[i] ?? ''] ?? 0
    const next = values[lower[i + 1] ?? ''] ?? 0
    total += value < next ? -value : value
  }
  return total
}
