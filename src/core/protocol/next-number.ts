import { numberKey, unitPrefix } from './clause-number.js'
import { romanNumeral, romanValue } from './number-steps.js'

/**
 * The number after `previous`, written the way `like` is written: 3.6 → 3.7,
 * 9. → 10., (iii) → (iv), b) → c). When the two are different schemes or
 * depths, `like` is returned unchanged: keeling does not guess.
 */
export function nextNumber(previous: string, like: string): string {
  const prev = numberKey(previous)
  const own = numberKey(like)
  if (isDotted(prev) && isDotted(own)) {
    const parts = prev.split('.')
    if (parts.length !== own.split('.').length) return like
    parts[parts.length - 1] = String(Number(parts.at(-1)) + 1)
    return format(parts.join('.'), like)
  }
  const prevRoman = romanToNumber(prev)
  const ownRoman = romanToNumber(own)
  if (prevRoman !== null && ownRoman !== null && !(prev.length === 1 && own.length === 1 && /^[a-z]$/i.test(prev) && !'ivxlc'.includes(prev.toLowerCase()))) {
    return format(romanNumeral(prevRoman + 1, own === own.toUpperCase()), like)
  }
  if (/^[a-z]$/i.test(prev) && /^[a-z]$/i.test(own) && prev !== 'z' && prev !== 'Z') {
    const letter = String.fromCharCode(prev.charCodeAt(0) + 1)
    return format(own === own.toUpperCase() ? letter.toUpperCase() : letter.toLowerCase(), like)
  }
  return like
}

/** The first number of a sequence written like `like`: 3.7 → 3.1, 9. → 1., (iv) → (i), c. → a. */
export function firstNumber(like: string): string {
  if (like === '') return ''
  const own = numberKey(like)
  if (isDotted(own)) {
    const parts = own.split('.')
    parts[parts.length - 1] = '1'
    return format(parts.join('.'), like)
  }
  if (romanToNumber(own) !== null && own.length > 1) return format(own === own.toUpperCase() ? 'I' : 'i', like)
  if (/^[a-z]$/i.test(own)) return format(own === own.toUpperCase() ? 'A' : 'a', like)
  return like
}

/** Replace the leading `old` prefix of a dotted number: 3.1.2 under 3 → 4 becomes 4.1.2. */
export function rebaseNumber(number: string, oldPrefix: string, newPrefix: string): string {
  const key = numberKey(number)
  const from = numberKey(oldPrefix)
  if (!isDotted(key) || !key.startsWith(`${from}.`)) return number
  return format(numberKey(newPrefix) + key.slice(from.length), number)
}

function isDotted(key: string): boolean {
  return /^\d+(?:\.\d+)*$/.test(key)
}

/** Write `key` with the punctuation `like` has: "3.7." keeps its dot, "(iv)" its brackets. */
function format(key: string, like: string): string {
  // "Section 5.4" stays a section: the unit word, and what closes the number (". : ) —"), are kept.
  const unit = unitPrefix(like)
  const bare = like.slice(unit.length)
  const open = bare.startsWith('(') ? '(' : ''
  const close = /[ \t]+[—–-]$/.exec(bare)?.[0] ?? (/[.):]$/.test(bare) && numberKey(bare) !== bare.replace(/^\(/, '') ? (bare.at(-1) ?? '') : '')
  return `${unit}${open}${key}${close}`
}

/** A roman numeral of the letters clause numbers use (i, v, x, l, c), or null. */
function romanToNumber(text: string): number | null {
  return /^[ivxlc]+$/i.test(text) ? romanValue(text) : null
}
