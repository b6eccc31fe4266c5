import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDiffDocument, unitText } from '../../src/core/diff/diff-document.js'
import { marshalMotions } from '../../src/core/marshal/marshal-motions.js'
import { outcomeSimulator, simulateOutcome } from '../../src/core/marshal/simulate-outcome.js'
import { applyMotions, type MotionInput } from '../../src/core/motion/apply-motions.js'
import { parseMotion } from '../../src/core/motion/parse-motion.js'
import { parseProtocol } from '../../src/core/protocol/parse-protocol.js'
import { repoRoot, runCli } from '../helpers/run-cli.js'
import { copyOfMeeting, meetingDir, meetingInputs, meetingProtocol, TEXT_ORDER } from './meeting.js'


/** A text as a reader has it, clause by clause (no front matter, no IDs). */
function readerText(text: string): string {
  return readDiffDocument(text).units.map(unitText).join('\n\n')
}

/** The source of the clause with this ID. */
function clause(text: string, id: string): string {
  return parseProtocol(text).all.find((one) => one.id === id)?.source ?? `(no clause ${id})`
}

interface MarshalJson {
  motions: Array<{ number: number; id: string; parent: number; mover: string; seconder: string; clauses: Array<{ id: string; name: string }>; effect: string[] }>
  conflicts: Array<{ a: number; b: number; relation: string; aStopsB: boolean; bStopsA: boolean; sentences: string[] }>
  voting: Array<{ number: number; id: string }>
  rule: string
}

async function marshalJson(dir: string, args: string[] = []): Promise<MarshalJson> {
  const result = await runCli(['marshal', 'town-council', '--format', 'json', ...args], dir)
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  return JSON.parse(result.stdout) as MarshalJson
}

describe('keeling marshal: the constructed meeting (ten amendments to town-council, four movers)', () => {
  it('lists each amendment once, in the order of the text, the amendment to an amendment straight after its parent', async () => {
    const list = await marshalJson(meetingDir)
    expect(list.motions.map((motion) => motion.id)).toEqual(TEXT_ORDER)
    expect(list.motions.map((motion) => motion.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    const byId = new Map(list.motions.map((motion) => [motion.id, motion]))
    expect(byId.get('dawson-by-email')?.parent).toBe(5)
    expect(list.motions.filter((motion) => motion.parent !== 0).map((motion) => motion.id)).toEqual(['dawson-by-email'])
    expect(new Set(list.motions.map((motion) => motion.mover))).toEqual(new Set(['Cllr Baker', 'Cllr Chen', 'Cllr Dawson', 'Cllr Evans']))
    expect(byId.get('chen-relaxed')).toMatchObject({ mover: 'Cllr Chen', seconder: 'Cllr Dawson', clauses: [{ id: 'c2-2', name: 'paragraph 2.2' }] })
    expect(byId.get('evans-public-meetings')?.clauses.map((one) => one.name)).toEqual(['a new paragraph 10.7'])
    // Its effect in the report's words.
    expect(byId.get('baker-atmosphere')?.effect).toEqual(['In paragraph 2.2, it replaces the phrase “an informal atmosphere” with “a friendly atmosphere”.'])
    expect(byId.get('dawson-leave-out-10-3')?.effect[0]).toBe('It leaves out paragraph 10.3.')
    expect(byId.get('dawson-by-email')?.effect).toEqual([
      'In amendment 5, it adds the phrase “or by email”.',
      'In paragraph 7.2, amendment 5 as amended adds the phrase “in writing or by email”.'
    ])
  })

  it('finds every conflict by applying one amendment after the other: pre-empted both ways, one way, order-dependent, same clause, amends', async () => {
    const list = await marshalJson(meetingDir)
    const n = (id: string): number => TEXT_ORDER.indexOf(id) + 1
    // Worked out by hand from the amendments' words; every other pair is independent.
    const expected = new Map<string, { relation: string; aStopsB?: boolean; bStopsA?: boolean }>([
      [`${n('baker-atmosphere')}-${n('chen-relaxed')}`, { relation: 'pre-empts', aStopsB: true, bStopsA: true }],
      [`${n('baker-scrutiny-functions')}-${n('evans-audit')}`, { relation: 'changes-meaning' }],
      [`${n('chen-in-writing')}-${n('dawson-by-email')}`, { relation: 'amends' }],
      [`${n('chen-in-writing')}-${n('baker-chairmen')}`, { relation: 'same-clause' }],
      [`${n('dawson-leave-out-10-3')}-${n('evans-numerous')}`, { relation: 'pre-empts', aStopsB: true, bStopsA: false }]
    ])
    expect(list.conflicts).toHaveLength((10 * 9) / 2)
    for (const conflict of list.conflicts) {
      const want = expected.get(`${conflict.a}-${conflict.b}`) ?? { relation: 'independent' }
      expect({ pair: [conflict.a, conflict.b], ...conflict, sentences: undefined }).toMatchObject({ pair: [conflict.a, conflict.b], ...want })
    }
    const sentences = (a: number, b: number): string[] => list.conflicts.find((one) => one.a === a && one.b === b)?.sentences ?? []
    expect(sentences(1, 2)).toEqual([
      'If amendment 1 is carried, amendment 2 cannot be moved: the words “informal” will have been left out.',
      'If amendment 2 is carried, amendment 1 cannot be moved: the words “an informal atmosphere” will have been left out.'
    ])
    expect(sentences(8, 9)).toEqual(['If amendment 8 is carried, amendment 9 cannot be moved: paragraph 10.3 will have been left out.'])
    // 3 then 4 and 4 then 3, by hand from 5.2's “between executive and scrutiny.”
    expect(sentences(3, 4)).toEqual([
      'If amendments 3 and 4 are both carried, the text depends on which is carried first: in paragraph 5.2, “executive and scrutiny and audit functions” (3 first) or “executive and scrutiny functions and audit” (4 first).'
    ])
  })

  it('gives the order of voting with its rule: the amendment to an amendment first; by text, or as tabled', async () => {
    const byText = await marshalJson(meetingDir)
    expect(byText.voting.map((step) => step.id)).toEqual([
      'baker-atmosphere',
      'chen-relaxed',
      'baker-scrutiny-functions',
      'evans-audit',
      'dawson-by-email',
      'chen-in-writing',
      'baker-chairmen',
      'dawson-leave-out-10-3',
      'evans-numerous',
      'evans-public-meetings'
    ])
    expect(byText.rule).toMatch(/^Amendments are put in the order of the text they amend/)
    // The dates tabled, from the files: 1 March baker-chairmen; 2 March chen-in-writing, chen-relaxed; 3 March
    // baker-atmosphere, evans-numerous; 4 March dawson-leave-out-10-3, evans-audit; 5 March
    // baker-scrutiny-functions, evans-public-meetings (by name within a day); dawson-by-email before its parent.
    const byTabling = await marshalJson(meetingDir, ['--order', 'tabled'])
    expect(byTabling.motions.map((motion) => motion.id)).toEqual(TEXT_ORDER)
    expect(byTabling.voting.map((step) => step.id)).toEqual([
      'baker-chairmen',
      'dawson-by-email',
      'chen-in-writing',
      'chen-relaxed',
      'baker-atmosphere',
      'evans-numerous',
      'dawson-leave-out-10-3',
      'evans-audit',
      'baker-scrutiny-functions',
      'evans-public-meetings'
    ])
    expect(byTabling.rule).toMatch(/^Amendments are put in the order in which they were tabled/)
  })

  it('writes the marshalled list as the golden files a reader can check by hand (text and Markdown)', async () => {
    const text = await runCli(['marshal', 'town-council'], meetingDir)
    expect(text.code).toBe(0)
    await expect(text.stdout).toMatchFileSnapshot('../fixtures/goldens/meeting-marshal.txt')
    const md = await runCli(['marshal', 'town-council', '--format', 'md'], meetingDir)
    await expect(md.stdout).toMatchFileSnapshot('../fixtures/goldens/meeting-marshal.md')
  })

  it('prints an HTML page with the conflicts matrix, every text escaped', async () => {
    const dir = copyOfMeeting()
    const file = join(dir, 'amendments', 'town-council', 'chen-relaxed.md')
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: A relaxed atmosphere', 'title: "<script>alert(1)</script> & more"'))
    const result = await runCli(['marshal', 'town-council', '--format', 'html'], dir)
    expect(result.code).toBe(0)
    expect(result.stdout).not.toContain('<script>')
    expect(result.stdout).toContain('&lt;script>alert(1)&lt;/script> &amp; more')
    // Row 1 against column 2 and row 2 against column 1: each stops the other.
    const row = (number: number): string => /<tr><th scope="row">(\d+)<\/th>(.*)<\/tr>/g.exec(result.stdout.split('\n').find((line) => line.startsWith(`<tr><th scope="row">${number}</th>`)) ?? '')?.[2] ?? ''
    const cells = (number: number): string[] => [...row(number).matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((match) => match[1] ?? '')
    expect(cells(1).slice(0, 2)).toEqual(['—', 'pre-empts'])
    expect(cells(2).slice(0, 2)).toEqual(['pre-empts', '—'])
    expect(cells(8)[8]).toBe('pre-empts')
    expect(cells(9)[7]).toBe('pre-empted by')
    expect(cells(10).filter((cell) => cell !== '' && cell !== '—')).toEqual(['independent', 'independent', 'independent', 'independent', 'independent', 'independent', 'independent', 'independent', 'independent'])
  })
})

describe('keeling marshal --carry … --lose …: a simulated outcome', () => {
  it('gives the text and what falls: 1, 6 and 5, 8 carried, 7 lost (checked by hand)', async () => {
    const result = await runCli(['marshal', 'town-council', '--carry', '1,5,6,8', '--lose', '7', '--format', 'json'], meetingDir)
    expect(result.code).toBe(0)
    const outcome = JSON.parse(result.stdout) as { text: string; carried: number[]; lost: number[]; fallen: Array<{ number: number; reason: string }>; pending: number[] }
    expect(outcome.carried).toEqual([1, 6, 5, 8])
    expect(outcome.lost).toEqual([7])
    expect(outcome.fallen).toEqual([
      { number: 2, id: 'chen-relaxed', reason: 'the words “informal” will have been left out' },
      { number: 9, id: 'evans-numerous', reason: 'paragraph 10.3 will have been left out' }
    ])
    expect(outcome.pending).toEqual([3, 4, 10])
    expect(clause(outcome.text, 'c2-2')).toBe('<a id="c2-2"></a>2.2 Provided these guidelines are observed there is no reason why there should not be a friendly atmosphere between members and officers outside formal meetings and events.')
    expect(clause(outcome.text, 'c7-2')).toContain('to provide them with factual information in writing or by email. Such requests')
    expect(clause(outcome.text, 'c7-2')).toContain('Members and Committee Chairman will')
    expect(clause(outcome.text, 'c10-3')).toBe('(no clause c10-3)')
    expect(clause(outcome.text, 'c10-4')).toMatch(/^<a id="c10-4"><\/a>10\.3 Local members have/)
    expect(clause(outcome.text, 'c10-6')).toMatch(/^<a id="c10-6"><\/a>10\.5 Similarly/)
    // Nothing else changed.
    const others = parseProtocol(meetingProtocol()).all.filter((one) => !['c2-2', 'c7-2', 'c10-3', 'c10-4', 'c10-5', 'c10-6'].includes(one.id))
    for (const one of others) expect(clause(outcome.text, one.id)).toBe(one.source)
  })

  it('is the text `keeling apply` writes when the carried amendments are applied one by one in the order of voting', async () => {
    const simulated = await runCli(['marshal', 'town-council', '--carry', '1,5,6,8', '--lose', '7', '--format', 'md'], meetingDir)
    expect(simulated.code).toBe(0)
    const dir = copyOfMeeting()
    const apply = async (...ids: string[]): Promise<void> => {
      const result = await runCli(['apply', ...ids.map((id) => `amendments/town-council/${id}.md`)], dir)
      expect(result.stderr).toMatch(/^applied /)
    }
    await apply('baker-atmosphere')
    await apply('chen-in-writing', 'dawson-by-email')
    await apply('dawson-leave-out-10-3')
    expect(simulated.stdout).toBe(readFileSync(join(dir, 'protocols', 'town-council.md'), 'utf8'))
  })

  it('equals applying the carried amendments one by one, for every set of carried amendments the meeting could carry', () => {
    const base = meetingProtocol()
    const inputs = meetingInputs()
    const marshal = marshalMotions(base, inputs)
    const byId = new Map(inputs.map((input) => [input.motion.id, input]))
    // One simulator for the 1,024 outcomes, as the library's marshalMotionTexts gives: what they share is applied once.
    const simulate = outcomeSimulator(base, inputs, marshal)
    // The oracle's applications, kept by the text and the motions applied to it (applying is pure).
    const oracle = new Map<string, string>()
    let simulated = 0
    for (let mask = 0; mask < 1 << TEXT_ORDER.length; mask++) {
      const carried = TEXT_ORDER.filter((_, at) => (mask & (1 << at)) !== 0)
      const outcome = simulate({ carried, lost: [] })
      // By hand: 1 and 2 stop each other; 8 stops 9 (put after it). Every other set can be carried.
      const impossible = (carried.includes('baker-atmosphere') && carried.includes('chen-relaxed')) || (carried.includes('dawson-leave-out-10-3') && carried.includes('evans-numerous'))
      expect('problems' in outcome, carried.join(' ')).toBe(impossible)
      if ('problems' in outcome) continue
      // The oracle: keeling apply's engine, each amendment to the text with the carried amendments to it, in the order of voting.
      let text = base
      for (const id of ['baker-atmosphere', 'chen-relaxed', 'baker-scrutiny-functions', 'evans-audit', 'chen-in-writing', 'baker-chairmen', 'dawson-leave-out-10-3', 'evans-numerous', 'evans-public-meetings']) {
        if (!carried.includes(id)) continue
        const ids = [id, ...(id === 'chen-in-writing' && carried.includes('dawson-by-email') ? ['dawson-by-email'] : [])]
        const key = `${ids.join(' ')}\0${text}`
        const known = oracle.get(key)
        if (known !== undefined) {
          text = known
          continue
        }
        const result = applyMotions(text, ids.map((one) => byId.get(one) as MotionInput))
        if ('problems' in result) throw new Error(`${carried.join(' ')}: ${result.problems.map((problem) => problem.message.reason).join('; ')}`)
        oracle.set(key, result.text)
        text = result.text
      }
      expect(outcome.text, carried.join(' ')).toBe(text)
      simulated++
    }
    expect(simulated).toBe(1024 - 256 - 256 + 64)
  }, 120_000)

  it('refuses an outcome that cannot happen, saying why, and an amendment not on the list (exit 1, exit 2)', async () => {
    const refused = await runCli(['marshal', 'town-council', '--carry', '8,9'], meetingDir)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toBe('keeling marshal: amendment 9 (evans-numerous) cannot be carried: at its turn paragraph 10.3 will have been left out\nkeeling marshal: the outcome cannot happen; nothing was simulated\n')
    const unknown = await runCli(['marshal', 'town-council', '--carry', '11'], meetingDir)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/^keeling: --carry 11: there is no amendment 11 on the marshalled list \(1 baker-atmosphere, 2 chen-relaxed, /)
  })

  it('names clauses as in the text the amendments were drafted against, so a renumbering never sends one to another paragraph', () => {
    const base = meetingProtocol()
    const motion = (id: string, body: string): MotionInput => {
      const text = `---\ntitle: ${id}\nmover: Cllr ${id}\n---\n\n${body}\n`
      return { motion: parseMotion(text, id, 'town-council'), text, name: `${id}.md` }
    }
    // The new paragraph after 2.1 makes 2.2 into 2.3; the second amendment means the 2.2 it was drafted against.
    const insert = motion('insert', '1. After paragraph 2.1 insert the new paragraph:\n\n   > Members and officers shall treat one another with courtesy.')
    const words = motion('words', '1. In paragraph 2.2, leave out "informal" and insert "relaxed".')
    const marshal = marshalMotions(base, [insert, words])
    const outcome = simulateOutcome(base, [insert, words], marshal, { carried: ['insert', 'words'], lost: [] })
    if ('problems' in outcome) throw new Error(outcome.problems.join('; '))
    expect(clause(outcome.text, 'c2-2')).toContain('2.3 Provided these guidelines are observed there is no reason why there should not be an relaxed atmosphere')
    expect(clause(outcome.text, 'insert-1')).toBe('<a id="insert-1"></a>2.2 Members and officers shall treat one another with courtesy.')
  })
})

describe("keeling marshal: Uttlesford, 16 May 2017 (seed 002: the working group's motion and Cllr Artus's amendment to it)", () => {
  it('marshals Cllr Artus’s amendment after the motion it amends, states the conflict and the order of voting', async () => {
    const result = await runCli(['marshal', 'uttlesford', 'cwg-2017-04-25', 'artus-2017-05-16', '--format', 'json'], repoRoot)
    expect(result.code).toBe(0)
    const list = JSON.parse(result.stdout) as MarshalJson & { base: string }
    expect(list.base).toBe('uttlesford@council-2017-04-04')
    expect(list.motions.map((motion) => [motion.number, motion.id, motion.parent])).toEqual([
      [1, 'cwg-2017-04-25', 0],
      [2, 'artus-2017-05-16', 1]
    ])
    expect(list.conflicts).toEqual([
      {
        a: 1,
        b: 2,
        relation: 'amends',
        aStopsB: false,
        bStopsA: false,
        sentences: ['Amendment 2 amends amendment 1: it is put to the vote first, and if it is carried, amendment 1 is put as amended; if amendment 1 is then lost, neither changes the text.']
      }
    ])
    // Seed 002 paragraph 14's wording, and Cllr Artus's “put back … calling or attending” (paragraph 15).
    expect(list.motions[1]?.effect).toContain('In the paragraph beginning “Nothing in this protocol …”, amendment 1 as amended replaces the phrase “calling or attending meetings” with “calling, attending or requesting meetings with officers”.')
    expect(list.voting.map((step) => step.id)).toEqual(['artus-2017-05-16', 'cwg-2017-04-25'])
    const text = await runCli(['marshal', 'uttlesford', 'cwg-2017-04-25', 'artus-2017-05-16'], repoRoot)
    await expect(text.stdout).toMatchFileSnapshot('../fixtures/goldens/uttlesford-marshal.txt')
  })

  it('simulates both outcomes: the working group’s wording is the version it adopted; with the amendment, Cllr Artus’s words', async () => {
    const cwgOnly = await runCli(['marshal', 'uttlesford', 'cwg-2017-04-25', 'artus-2017-05-16', '--carry', '1', '--lose', '2', '--format', 'md'], repoRoot)
    expect(cwgOnly.code).toBe(0)
    // The oracle: the text the working group adopted on 25 April, as stored in the history.
    expect(readerText(cwgOnly.stdout)).toBe(readerText(readFileSync(join(repoRoot, 'history', 'uttlesford', 'cwg-2017-04-25.md'), 'utf8')))
    const amended = await runCli(['marshal', 'uttlesford', 'cwg-2017-04-25', 'artus-2017-05-16', '--carry', '2,1', '--format', 'md'], repoRoot)
    expect(amended.code).toBe(0)
    const opening = parseProtocol(amended.stdout).all.find((one) => one.source.includes('Nothing in this protocol'))?.source ?? ''
    expect(opening).toContain('including calling, attending or requesting meetings with officers, or offering information and advice concerning any issue')
    // Everything else is the working group's text.
    const others = (text: string): string[] => readDiffDocument(text).units.filter((unit) => !unit.body.startsWith('Nothing in this protocol')).map(unitText)
    expect(others(amended.stdout)).toEqual(others(cwgOnly.stdout))
  })
})

describe('keeling marshal: an amendment to an amendment to an amendment, and Word', () => {
  it('puts each after the one it amends, votes the deepest first, and carries them together', () => {
    const base = meetingProtocol()
    const motion = (id: string, body: string, amends = ''): MotionInput => {
      const text = `---\ntitle: ${id}\nmover: Cllr ${id}\n${amends ? `amends: ${amends}\n` : ''}---\n\n${body}\n`
      return { motion: parseMotion(text, id, 'town-council'), text, name: `${id}.md` }
    }
    const inputs = [
      motion('grand', '1. In motion child, leave out "in writing" and insert "in writing or by email".', 'child'),
      motion('parent', '1. In paragraph 7.2, after "factual information" insert "on request".'),
      motion('child', '1. In motion parent, leave out "on request" and insert "in writing".', 'parent')
    ]
    const marshal = marshalMotions(base, inputs)
    expect(marshal.motions.map((one) => [one.number, one.id, one.parent, one.depth])).toEqual([
      [1, 'parent', 0, 0],
      [2, 'child', 1, 1],
      [3, 'grand', 2, 2]
    ])
    expect(marshal.voting.map((step) => step.id)).toEqual(['grand', 'child', 'parent'])
    const all = simulateOutcome(base, inputs, marshal, { carried: ['grand', 'child', 'parent'], lost: [] })
    if ('problems' in all) throw new Error(all.problems.join('; '))
    expect(clause(all.text, 'c7-2')).toContain('factual information in writing or by email. Such')
    expect(all.applications).toEqual([['parent', 'grand', 'child']])
    const middle = simulateOutcome(base, inputs, marshal, { carried: ['child', 'parent'], lost: ['grand'] })
    if ('problems' in middle) throw new Error(middle.problems.join('; '))
    expect(clause(middle.text, 'c7-2')).toContain('factual information in writing. Such')
  })

  it('writes the list as a Word document with -o (and asks for -o)', async () => {
    const dir = copyOfMeeting()
    expect((await runCli(['marshal', 'town-council', '--format', 'docx'], dir)).code).toBe(2)
    const result = await runCli(['marshal', 'town-council', '--format', 'docx', '-o', 'marshalled.docx'], dir)
    expect(result).toMatchObject({ code: 0, stderr: 'wrote marshalled.docx\n' })
    const { unzipSync, strFromU8 } = await import('fflate')
    const xml = strFromU8(unzipSync(readFileSync(join(dir, 'marshalled.docx')))['word/document.xml'] ?? new Uint8Array())
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain('Amendment 6 (to amendment 5): Or by email')
    expect(text).toContain('If amendment 8 is carried, amendment 9 cannot be moved: paragraph 10.3 will have been left out.')
    const refused = await runCli(['marshal', 'town-council', '--format', 'json', '-o', 'amendments/town-council/x.json'], dir)
    expect(refused.code).toBe(2)
  })
})
