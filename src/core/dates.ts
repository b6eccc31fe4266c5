/** The month names a clerk writes, for reading dates. */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/**
 * A date as YYYY-MM-DD: given so, or as a clerk writes it — "16 May 2017",
 * "Tuesday 16th May 2017", "16 Sept 2017". Null when it is neither or no such
 * day; 05/06/2017 is refused, as it reads two ways. One reader for every
 * date keeling is given: decide, adopt and PAPER.yml.
 */
export function readDate(value: string): string | null {
  const text = value.trim()
  const written = /^(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,})\.?,?\s+(\d{4})$/.exec(text)
  let iso = text
  if (written) {
    const [, day = '', name = '', year = ''] = written
    const month = MONTHS.findIndex((month) => month.startsWith(name.toLowerCase()))
    if (month < 0) return null
    iso = `${year}-${String(month + 1).padStart(2, '0')}-${day.padStart(2, '0')}`
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null
  const date = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null
}

/**
 * A date written in a form `readDate` reads but naming a day its month does not have ("2025-11-31", "30 February
 * 2024"): what to say of it ("November 2025 has 30 days"). Null for anything else.
 */
export function missingDay(value: string): string | null {
  const text = value.trim()
  const written = /^(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,})\.?,?\s+(\d{4})$/.exec(text)
  const month = written ? MONTHS.findIndex((name) => name.startsWith((written[2] ?? '').toLowerCase())) + 1 : Number(/^\d{4}-(\d{2})-\d{2}$/.exec(text)?.[1] ?? 0)
  const year = Number(written ? written[3] : text.slice(0, 4))
  const day = Number(written ? written[1] : text.slice(8, 10))
  if (month < 1 || month > 12 || !Number.isInteger(year) || readDate(text)) return null
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day <= days) return null
  const name = MONTHS[month - 1] ?? ''
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${year} has ${days} days`
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
