/// <reference lib="dom" />
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { numberLines } from '../../src/core/motion/line-numbers.js'
import { visibleText } from '../../src/core/motion/visible-text.js'
import { parseProtocol } from '../../src/core/protocol/parse-protocol.js'
import { renderLineNumberedHtml } from '../../src/core/render/html-line-numbered.js'
import { repoRoot, runCli } from '../helpers/run-cli.js'
import { copyOfMeeting, meetingDir } from './meeting.js'

const protocols = readdirSync(join(repoRoot, 'protocols')).filter((name) => name.endsWith('.md'))
const words = (text: string): string => text.replace(/•/g, ' ').replace(/\s+/g, ' ').trim()

describe('keeling show --line-numbers', () => {
  it('numbers the lines of town-council through the text, at most 80 characters a line (lines 12 to 16 checked by hand)', async () => {
    const result = await runCli(['show', 'town-council', '--line-numbers', '--format', 'text'], meetingDir)
    expect(result.code).toBe(0)
    const at = result.stdout.indexOf(' 12  2. Personal Relationships')
    // 2.2 is 159 characters: broken at the last space before the 81st, then again.
    expect(result.stdout.slice(at, result.stdout.indexOf(' 17  '))).toBe(
      [
        ' 12  2. Personal Relationships',
        '',
        ' 13  2.1 Guidance on personal relationships is contained within the Codes of Conduct.',
        '',
        ' 14  2.2 Provided these guidelines are observed there is no reason why there should',
        ' 15      not be an informal atmosphere between members and officers outside formal',
        ' 16      meetings and events.',
        '',
        ''
      ].join('\n')
    )
  })

  it('is stable and whole for every protocol here: the same lines each time, none over 80 characters, the words of each clause in order', () => {
    for (const name of protocols) {
      const text = readFileSync(join(repoRoot, 'protocols', name), 'utf8')
      const protocol = parseProtocol(text)
      const lines = numberLines(protocol)
      expect(numberLines(parseProtocol(text))).toEqual(lines)
      expect(lines.map((line) => line.number)).toEqual(lines.map((_, at) => at + 1))
      for (const line of lines) expect(line.text.length, `${name} line ${line.number}`).toBeLessThanOrEqual(80)
      for (const clause of protocol.all) {
        const own = lines.filter((line) => line.clauseId === clause.id).map((line) => line.text)
        const expected = `${clause.number} ${visibleText(clause).text}`
        expect(words(own.join(' ')), `${name} ${clause.id}`).toBe(words(expected))
      }
    }
  })

  it('applies a motion that cites a line, and refuses one whose words are not on it, naming the line they are on', async () => {
    const dir = copyOfMeeting()
    const motion = (id: string, instruction: string): string => {
      writeFileSync(join(dir, 'amendments', 'town-council', `${id}.md`), `---\ntitle: By line\nmover: Cllr Lee\n---\n\n1. ${instruction}\n`)
      return `amendments/town-council/${id}.md`
    }
    const wrong = await runCli(['apply', motion('lee-2', 'Line 14, leave out "an informal atmosphere" and insert "a friendly atmosphere".')], dir)
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('Instruction 1: “an informal atmosphere” is not on line 14; it is on line 15 (as keeling show --line-numbers numbers them) [words-not-found]')
    const none = await runCli(['apply', motion('lee-3', 'Line 900, leave out "members".')], dir)
    expect(none.stderr).toMatch(/There is no line 900: the text has \d+ lines/)
    // "members" is on many lines, but once on line 15.
    const right = await runCli(['apply', motion('lee-1', 'Line 15, leave out "members and officers" and insert "councillors and staff".')], dir)
    expect(right.stderr).toMatch(/^applied lee-1 /)
    const after = parseProtocol(readFileSync(join(dir, 'protocols', 'town-council.md'), 'utf8')).all.find((clause) => clause.id === 'c2-2')
    expect(after?.source).toContain('an informal atmosphere between councillors and staff outside formal meetings')
  })
})

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path))

describe.skipIf(!chromium)('the line-numbered page in a headless Chromium, laid out for print', () => {
  let browser: import('playwright-core').Browser | undefined
  beforeAll(async () => {
    const { chromium: launcher } = await import('playwright-core')
    browser = await launcher.launch({ executablePath: chromium ?? '', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  it('each number stands beside its own line, and no line is broken again by the browser', async () => {
    const text = readFileSync(join(repoRoot, 'protocols', 'uttlesford.md'), 'utf8')
    const expected = numberLines(parseProtocol(text))
    const page = await browser!.newPage({ viewport: { width: 680, height: 1000 } })
    await page.emulateMedia({ media: 'print' })
    await page.setContent(renderLineNumberedHtml(text, 'uttlesford', 'uttlesford'))
    const seen = await page.evaluate(() =>
      [...document.querySelectorAll('.line')].map((line) => {
        const number = line.querySelector('.number') as HTMLElement
        const words = line.querySelector('.words') as HTMLElement
        const height = parseFloat(getComputedStyle(words).lineHeight)
        const box = words.getBoundingClientRect()
        return { number: number.textContent, words: words.textContent, sameRow: Math.abs(number.getBoundingClientRect().top - box.top) < 1, oneLine: box.height < height * 1.5, fits: box.right <= document.documentElement.clientWidth }
      })
    )
    expect(seen.map((line) => [line.number, line.words])).toEqual(expected.map((line) => [String(line.number), line.text]))
    expect(seen.filter((line) => !line.sameRow || !line.oneLine || !line.fits)).toEqual([])
    await page.close()
  }, 60_000)
})
