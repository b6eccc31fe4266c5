import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDocx } from '../../src/core/import/docx/read-docx.js'
import { copyBeforeCwg, repoRoot, runCli } from '../helpers/run-cli.js'
import { cpSync } from 'node:fs'

/** A copy of the examples with Uttlesford as adopted on 25 April 2017 (its paragraph 3.8 is on page 3). */
async function uttlesfordNow(): Promise<string> {
  const dir = await copyBeforeCwg()
  cpSync(join(repoRoot, 'protocols', 'uttlesford.md'), join(dir, 'protocols', 'uttlesford.md'))
  return dir
}

// Page 3 of Uttlesford's print, as LibreOffice and Chromium showed it (looked at as page images): lines 31 and 32
// are the first two of paragraph 3.8.
const LINE_31 = '3.8 A member should not apply any pressure on an officer to do work outside of'
const LINE_32 = 'normal duties or normal working hours. A member should not, even in an'

describe('keeling show --line-numbers page: pages of 40 lines, numbered from 1 on each', () => {
  it('prints page 3 with its own numbers, and the same line running through the text is line 112', async () => {
    const dir = await uttlesfordNow()
    const paged = await runCli(['show', 'uttlesford', '--line-numbers', 'page', '--format', 'text'], dir)
    expect(paged.code).toBe(0)
    const page3 = paged.stdout.slice(paged.stdout.indexOf('Page 3\n'), paged.stdout.indexOf('Page 4\n'))
    expect(page3).toContain(`31  ${LINE_31}\n32      ${LINE_32}\n`)
    const running = await runCli(['show', 'uttlesford', '--line-numbers', '--format', 'text'], dir)
    expect(running.stdout).toContain(`111  ${LINE_31}\n112      ${LINE_32}\n`)
  })

  it('Word and HTML print the same numbers beside the same lines on the same pages', async () => {
    const dir = await uttlesfordNow()
    expect((await runCli(['show', 'uttlesford', '--line-numbers', 'page', '--format', 'docx', '-o', 'lines.docx'], dir)).code).toBe(0)
    const read = readDocx(readFileSync(join(dir, 'lines.docx')), { acceptChanges: false })
    if ('failure' in read) throw new Error(read.failure.reason)
    const lines = read.text.split('\n').filter((line) => line.trim() !== '')
    const page3 = lines.indexOf('Page 3')
    expect(page3).toBeGreaterThan(0)
    expect(lines.slice(page3 + 1, page3 + 41).map((line) => line.split(/\s+/)[0])).toEqual(Array.from({ length: 40 }, (_, index) => String(index + 1)))
    expect(lines[page3 + 31]).toBe(`31 ${LINE_31}`)
    expect(lines[page3 + 32]).toBe(`32 ${LINE_32}`)
    const html = await runCli(['show', 'uttlesford', '--line-numbers', 'page', '--format', 'html'], dir)
    expect(html.stdout).toContain(`<div class="line" id="line-112"><span class="number">32</span><span class="words">    ${LINE_32}</span></div>`)
    expect(html.stdout).toContain('<section class="page" aria-label="Page 3">')
    expect(html.stdout).toContain('Lines numbered from 1 on each page, at most 80 characters a line, 40 lines a page.')
  })
})

describe('a motion citing a page and a line', () => {
  const motion = (instruction: string): string => `---\ntitle: Hours\nmover: Cllr Lee\n---\n\n1. ${instruction}\n`

  it('"Page 3, line 32, leave out …" is applied to the words on that line', async () => {
    const dir = await uttlesfordNow()
    mkdirSync(join(dir, 'amendments', 'uttlesford'), { recursive: true })
    writeFileSync(join(dir, 'amendments', 'uttlesford', 'hours.md'), motion('Page 3, line 32, leave out "normal duties or".'))
    const applied = await runCli(['apply', 'amendments/uttlesford/hours.md'], dir)
    expect(applied.code).toBe(0)
    expect(readFileSync(join(dir, 'protocols', 'uttlesford.md'), 'utf8')).toContain('to do work outside of normal working hours. A member should not')
  })

  it('words that begin on the line cited may run on to the next, as a quote from a printed page does', async () => {
    const dir = await uttlesfordNow()
    mkdirSync(join(dir, 'amendments', 'uttlesford'), { recursive: true })
    // Line 32 ends "… A member should not, even in an"; line 33 goes on "emergency, contact officers directly, …".
    writeFileSync(join(dir, 'amendments', 'uttlesford', 'below.md'), motion('Page 3, line 31, leave out "even in an emergency,".'))
    const below = await runCli(['check', 'amendments/uttlesford/below.md'], dir)
    // Line 36 has "Even in an emergency, pressure should not …": the words begin there too.
    expect(below.stdout + below.stderr).toContain('“even in an emergency,” is not on page 3, line 31; it is on page 3, line 32; page 3, line 36')
    writeFileSync(join(dir, 'amendments', 'uttlesford', 'over.md'), motion('Page 3, line 32, leave out "even in an emergency," and insert "even when it is urgent,".'))
    const applied = await runCli(['apply', 'amendments/uttlesford/over.md'], dir)
    expect(applied.code).toBe(0)
    expect(readFileSync(join(dir, 'protocols', 'uttlesford.md'), 'utf8')).toContain('A member should not, even when it is urgent, contact officers directly')
  })

  it('words not on the line cited are refused with the page and line they are on; a line past a page’s last names none', async () => {
    const dir = await uttlesfordNow()
    mkdirSync(join(dir, 'amendments', 'uttlesford'), { recursive: true })
    writeFileSync(join(dir, 'amendments', 'uttlesford', 'wrong.md'), motion('Page 3, line 31, leave out "normal duties or".'))
    const wrong = await runCli(['check', 'amendments/uttlesford/wrong.md'], dir)
    expect(wrong.code).toBe(1)
    expect(wrong.stdout + wrong.stderr).toContain('“normal duties or” is not on page 3, line 31; it is on page 3, line 32')
    writeFileSync(join(dir, 'amendments', 'uttlesford', 'twice.md'), motion('Page 3, line 32, leave out "normal".'))
    const twice = await runCli(['check', 'amendments/uttlesford/twice.md'], dir)
    expect(twice.stdout + twice.stderr).toContain('“normal” occurs more than once on page 3, line 32; quote more of the words around it so that it occurs once there')
    writeFileSync(join(dir, 'amendments', 'uttlesford', 'past.md'), motion('Page 3, line 45, leave out "normal duties or".'))
    const past = await runCli(['check', 'amendments/uttlesford/past.md'], dir)
    expect(past.code).toBe(1)
    expect(past.stdout + past.stderr).toContain('a printed page has 40 lines')
  })
})

