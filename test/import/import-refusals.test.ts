import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, seedsDir, tempProject } from '../helpers/run-cli.js'

const seed003 = join(seedsDir, '003_512089cfc3757461.txt')

/** Every file under `dir`, so a test can see that nothing was written. */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()
}

describe('import refuses, exit 1, and writes nothing', () => {
  it('an empty file', async () => {
    const dir = tempProject()
    writeFileSync(join(dir, 'empty.txt'), '\uFEFF  \n\n')
    const result = await runCli(['import', 'empty.txt', '--as', 'empty'], dir)
    expect(result).toMatchObject({ code: 1, stdout: '' })
    expect(result.stderr).toBe('keeling import: empty.txt: the file is empty; nothing to import [empty-file]\n')
    expect(filesIn(dir)).toEqual(['empty.txt'])
  })

  it('a binary file', async () => {
    const dir = tempProject()
    writeFileSync(join(dir, 'scan.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x01, 0xff, 0xfe]))
    const result = await runCli(['import', 'scan.png', '--as', 'scan'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^keeling import: scan\.png: this is not text \(binary, or not UTF-8\), nor a Word or PDF document; save the document as plain text/)
    expect(filesIn(dir)).toEqual(['scan.png'])
  })

  it('a text with no numbered paragraphs or headings', async () => {
    const dir = tempProject()
    writeFileSync(join(dir, 'letter.txt'), 'Dear Clerk,\n\nplease find attached the minutes of the last meeting.\n')
    const result = await runCli(['import', 'letter.txt', '--as', 'letter'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/letter\.txt: No clauses found: expected numbered paragraphs .* \[no-clauses\]/)
    expect(filesIn(dir)).toEqual(['letter.txt'])
  })

  it('a resolution to be amended ("I move that …", "Resolved, That …") is imported as its paragraphs', async () => {
    const dir = tempProject()
    writeFileSync(join(dir, 'motion.txt'), 'Resolved, That the club hold a car wash next Saturday at the Ace Grocery Store parking lot.\n')
    const result = await runCli(['import', 'motion.txt', '--as', 'car-wash'], dir)
    expect(result).toMatchObject({ code: 0, stderr: 'wrote protocols/car-wash.md: 1 clause\n' })
    const shown = await runCli(['show', 'car-wash', '--format', 'text'], dir)
    expect(shown.stdout).toContain('Resolved, That the club hold a car wash next Saturday at the Ace Grocery Store parking lot.')
  })

  it('an existing protocol, unless --force', async () => {
    const dir = tempProject()
    mkdirSync(join(dir, 'protocols'))
    writeFileSync(join(dir, 'protocols', 'town.md'), 'kept\n')
    const result = await runCli(['import', seed003, '--as', 'town'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      'keeling import: protocols/town.md already exists; choose another slug, or pass --force to replace it\n'
    )
    expect(readFileSync(join(dir, 'protocols', 'town.md'), 'utf8')).toBe('kept\n')
    const forced = await runCli(['import', seed003, '--as', 'town', '--force'], dir)
    expect(forced.code).toBe(0)
    expect(readFileSync(join(dir, 'protocols', 'town.md'), 'utf8')).toMatch(/^---\ntitle: PROTOCOL ON OFFICER AND MEMBER RELATIONSHIPS\nslug: town\n---\n/)
  })

  for (const slug of ['Town', 'town council', 'town_council', '../escape', '-town', '']) {
    it(`a slug that is not [a-z0-9-]+: "${slug}"`, async () => {
      const dir = tempProject()
      const result = await runCli(['import', seed003, '--as', slug], dir)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`"${slug}" is not a slug; use lowercase letters, digits and hyphens`)
      expect(filesIn(dir)).toEqual([])
    })
  }

  it('an --inserted text that matches twice, naming the lines', async () => {
    const dir = tempProject()
    writeFileSync(join(dir, 'a.txt'), '1. Rules\n\n1.1 The clerk ~~shall~~ will attend.\n\n1.2 The clerk will sign.\n')
    const result = await runCli(['import', 'a.txt', '--as', 'a', '--tracked', 'before', '--inserted', 'will'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/--inserted "will" occurs 2 times \(lines 3, 5\); add words around it/)
    expect(existsSync(join(dir, 'protocols'))).toBe(false)
  })
})

describe('import --inserted with a dollar sign', () => {
  it('keeps the inserted words as typed: `$$` is two dollar signs, not one', async () => {
    const dir = tempProject()
    writeFileSync(join(dir, 'a.txt'), '1. Rules\n\n1.1 The fee is ~~4 pounds~~ 5 $$ a year.\n')
    const result = await runCli(['import', 'a.txt', '--as', 'a', '--tracked', 'after', '--inserted', '5 $$'], dir)
    expect(result.code).toBe(0)
    expect(readFileSync(join(dir, 'protocols', 'a.md'), 'utf8')).toContain('1.1 The fee is 5 $$ a year.\n')
  })
})

describe('import of a missing file', () => {
  it('is a usage error, exit 2', async () => {
    const dir = tempProject()
    const result = await runCli(['import', 'nowhere.txt', '--as', 'x'], dir)
    expect(result).toMatchObject({ code: 2, stderr: 'keeling import: cannot read nowhere.txt: no such file\n' })
  })
})

describe('import links cross-references', () => {
  /** A text imported as protocols/SLUG.md in a new project: the project, what import said, and the protocol. */
  async function imported(slug: string, words: string): Promise<{ dir: string; stderr: string; text: string }> {
    const dir = tempProject()
    writeFileSync(join(dir, `${slug}.txt`), words)
    const result = await runCli(['import', `${slug}.txt`, '--as', slug], dir)
    expect(result.code, result.stderr).toBe(0)
    return { dir, stderr: result.stderr, text: readFileSync(join(dir, 'protocols', `${slug}.md`), 'utf8') }
  }

  it('turns "paragraph 1.2" into a link to the clause, which check then follows', async () => {
    const { dir, stderr, text } = await imported(
      'rules',
      'Standing Orders\n\n1. Meetings\n\n1.1 The clerk calls meetings, subject to paragraphs 1.2 and 1.3.\n\n1.2 Notice is five days.\n\n1.3 See section 2 and paragraph 9.9.\n\n2. Votes\n\n2.1 A show of hands.\n'
    )
    expect(stderr).toContain('rules.txt:5: linked the reference to 1.2 to its clause')
    expect(text).toContain('<a id="c1-1"></a>1.1 The clerk calls meetings, subject to paragraphs [1.2](#c1-2) and [1.3](#c1-3).')
    expect(text).toContain('<a id="c1-3"></a>1.3 See section [2](#s2) and paragraph 9.9.')
    expect((await runCli(['check', 'rules'], dir)).stdout).toBe('1 protocol checked: no problems\n')
    const shown = await runCli(['show', 'rules', '1.1', '--format', 'text'], dir)
    expect(shown.stdout).toBe('1.1 The clerk calls meetings, subject to paragraphs 1.2 and 1.3.\n')
  })

  it('leaves a place in another document as words: "section 1 of the Local Government Act 1972" is not section 1 here', async () => {
    const { text } = await imported(
      'orders',
      'Standing Orders\n\n1. Meetings\n\n1.1 Meetings are called under section 2 of the Local Government Act 1972.\n\n1.2 The accounts follow Section 1 of the annual governance and accountability return, and section 2 of these Standing Orders.\n\n2. Votes\n\n2.1 As paragraph 1.1 of the Standing Orders says, and paragraph 1.2 of this Code.\n'
    )
    expect(text).toContain('1.1 Meetings are called under section 2 of the Local Government Act 1972.')
    expect(text).toContain('1.2 The accounts follow Section 1 of the annual governance and accountability return, and section [2](#s2) of these Standing Orders.')
    expect(text).toContain('2.1 As paragraph [1.1](#c1-1) of the Standing Orders says, and paragraph [1.2](#c1-2) of this Code.')
  })
})
