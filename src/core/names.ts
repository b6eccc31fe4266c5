/** A body's name as a sentence has it: "the Constitution Working Group"; a person's or a council's own name as it is. */
export function theName(name: string): string {
  if (/^the\b/i.test(name)) return name
  // "the Council", "the Town Council" — but "Uttlesford District Council", a name of its own.
  const generic = /^(?:(?:town|parish|district|county|city|borough|community)\s+)?council$/i.test(name.trim())
  const bodyLike = /\b(group|committee|sub-committee|panel|board|cabinet|forum)\b/i.test(name)
  return bodyLike || generic ? `the ${name}` : name
}

/** "Cllr Artus’s", "the Constitution Working Group’s". */
export function possessive(name: string): string {
  return `${theName(name)}’s`
}
