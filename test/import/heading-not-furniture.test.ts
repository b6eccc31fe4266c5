import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, tempProject } from '../helpers/run-cli.js'

// The shape of Wye Valley Community Council's standing orders (adopted 28 September 2020): a numbered heading in
// capitals, a cross-reference line under it, then the order's words. Found by a blind trial: the line under the
// heading was removed as "page furniture in mid-sentence" and the order's words joined to the heading.
const ORDERS = `19 RESPONSIBILITIES TO PROVIDE INFORMATION

(a) The Council shall keep its records for six years.

20 RESPONSIBILITIES TO PUBLISH INFORMATION

See also standing order 21

In accordance with freedom of information legislation, the Council shall publish information in accordance with its publication scheme.

21 STAFF RECORDS

(a) Staff records are kept by the Clerk.
`

describe('a heading that ends without a full stop is not an unfinished sentence', () => {
  it('keeps the heading, the line under it and the paragraph after it', async () => {
    const dir = tempProject()
    writeFileSync(join(dir, 'orders.txt'), ORDERS)
    const result = await runCli(['import', 'orders.txt', '--as', 'wye'], dir)
    expect(result.code).toBe(0)
    expect(result.stderr).not.toContain('page furniture')
    expect(result.stderr).not.toContain('rejoined')
    const text = readFileSync(join(dir, 'protocols', 'wye.md'), 'utf8')
    expect(text).toMatch(/\n## <a id="[^"]+"><\/a>20 RESPONSIBILITIES TO PUBLISH INFORMATION\n/)
    expect(text).toContain('See also standing order 21')
    expect(text).toMatch(/\n<a id="[^"]+"><\/a>In accordance with freedom of information legislation/)
  })
})

describe('a Markdown heading indented by a space or three is a heading', () => {
  it('reads " ####   Meetings" as the heading "Meetings"', async () => {
    const dir = tempProject()
    writeFileSync(join(dir, 'articles.md'), '# Articles of Association\n\n ####   Meetings\n\n1. The members meet once a year.\n\n   ## Officers\n\n2. The members elect a chair.\n')
    const result = await runCli(['import', 'articles.md', '--as', 'articles'], dir)
    expect(result.code).toBe(0)
    const text = readFileSync(join(dir, 'protocols', 'articles.md'), 'utf8')
    expect(text).toMatch(/\n#{1,6} <a id="[^"]+"><\/a>Meetings\n/)
    expect(text).toMatch(/\n#{1,6} <a id="[^"]+"><\/a>Officers\n/)
    expect(text).not.toContain('####   Meetings')
  })
})
