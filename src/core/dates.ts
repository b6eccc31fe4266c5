/** The month names a clerk writes, for reading dates. */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/**
 * A date's year, month (1–12) and day as written, YYYY-MM-DD or as a clerk writes it — "16 May 2017", "Tuesday
 * 16th May 2017", "16 Sept 2017" — whether or not there is such a day; null when it is written neither way.
 */
function dateParts(text: string): { year: number; month: number; day: number } | null {
  const written = /^(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,})\.?,?\s+(\d{4})$/.exec(text)
  if (written) {
    const month = MONTHS.findIndex((name) => name.startsWith((written[2] ?? '').toLowerCase())) + 1
    return month > 0 ? { year: Number(written[3]), month, day: Number(written[1]) } : null
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  return iso ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) } : null
}

/** How many days a month (1–12) of a year has, in the Gregorian calendar. */
function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
}

/**
 * A date as YYYY-MM-DD: given so, or as a clerk writes it — "16 May 2017",
 * "Tuesday 16th May 2017", "16 Sept 2017". Null when it is neither or no such
 * day; 05/06/2017 is refused, as it reads two ways. One reader for every
 * date keeling is given: decide, adopt and PAPER.yml.
 */
export function readDate(value: string): string | null {
  const parts = dateParts(value.trim())
  if (!parts || parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > daysIn(parts.year, parts.month)) return null
  return `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`
}

/**
 * A date written in a form `readDate` reads but naming a day its month does not have ("2025-11-31", "30 February
 * 2024"): what to say of it ("November 2025 has 30 days"). Null for anything else.
 */
export function missingDay(value: string): string | null {
  const parts = dateParts(value.trim())
  if (!parts || parts.month < 1 || parts.month > 12 || parts.day <= daysIn(parts.year, parts.month)) return null
  const name = MONTHS[parts.month - 1] ?? ''
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${parts.year} has ${daysIn(parts.year, parts.month)} days`
}

/** "2017-04-04" → "4 April 2017", as a report writes a date; anything else as written. */
export function longDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) return date
  const month = MONTHS[Number(match[2]) - 1] ?? ''
  return `${Number(match[3])} ${month.charAt(0).toUpperCase()}${month.slice(1)} ${match[1]}`
}

/** "2017-04-25" → "2017-04-25T00:00:00Z", the start of that day as a timestamp (Word's revision dates); anything else as written. */
export function dateTime(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date
}
