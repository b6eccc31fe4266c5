/**
 * The number of insertions, deletions and substitutions that turn `a` into
 * `b` (Levenshtein), over characters of a string or items of a list: the
 * one measure behind every "did you mean" keeling offers — a misspelt field,
 * clause number or quoted words, and the nearest form of an instruction.
 */
export function editDistance<T>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length] ?? 0
}
