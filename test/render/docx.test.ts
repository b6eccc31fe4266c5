import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fc, test } from '@fast-check/vitest'
import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildChangeSet, type ChangeSet } from '../../src/core/diff/change-set.js'
import { readDiffDocument } from '../../src/core/diff/diff-document.js'
import { renderDocxDiff } from '../../src/core/render/render-docx-diff.js'
import { repoRoot, runCli, tempProject, uttlesfordBeforeCwg } from '../helpers/run-cli.js'
import { applied } from '../motion/helpers.js'

const DATE = '2017-04-25T00:00:00Z'

function compare(before: string, after: string): ChangeSet {
  return buildChangeSet(readDiffDocument(before), readDiffDocument(after), { before: 'a.md', after: 'b.md' })
}

async function documentXml(changeSet: ChangeSet): Promise<string> {
  const files = unzipSync(await renderDocxDiff(changeSet, { date: DATE }))
  return strFromU8(files['word/document.xml'] ?? new Uint8Array())
}

/**
 * The paragraphs' text as Word shows it after Accept All (or Reject All):
 * deleted (or inserted) runs go, and a paragraph whose mark goes joins the
 * next one.
 */
function resolve(xml: string, side: 'accept' | 'reject'): string[] {
  const gone = side === 'accept' ? 'del' : 'ins'
  const paragraphs = xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? []
  const result: string[] = []
  let carry = ''
  for (const paragraph of paragraphs) {
    const markGone = new RegExp(`<w:pPr>(?:(?!</w:pPr>)[\\s\\S])*<w:rPr>(?:(?!</w:rPr>)[\\s\\S])*<w:${gone} `).test(paragraph)
    const kept = paragraph.replace(new RegExp(`<w:${gone} [^>]*[^/]>[\\s\\S]*?</w:${gone}>`, 'g'), '').replace(/<w:tab\/>/g, '<w:t>\t</w:t>')
    const text = (kept.match(/<(?:w:t|w:delText)(?: [^>]*)?>[^<]*<\/(?:w:t|w:delText)>/g) ?? []).map((piece) => piece.replace(/<[^>]+>/g, '')).join('')
    carry += text
    if (markGone) continue
    result.push(carry)
    carry = ''
  }
  if (carry) result.push(carry)
  return result
    .filter((text) => text !== '')
    .map((text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
}

const uttlesford = await uttlesfordBeforeCwg()
const afterCwg = applied(uttlesford, readFileSync(join(repoRoot, 'amendments', 'uttlesford', 'cwg-2017-04-25.md'), 'utf8'))

describe('Word', () => {
  it('the Uttlesford appendix as real tracked changes: Accept All gives the new text, Reject All the old', async () => {
    const xml = await documentXml(compare(uttlesford, afterCwg))
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="keeling" w:date="2017-04-25T00:00:00Z"><w:r><w:delText xml:space="preserve">calling or attending<\/w:delText>/)
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="keeling" w:date="2017-04-25T00:00:00Z"><w:r><w:t xml:space="preserve">requesting<\/w:t>/)
    expect(xml).not.toMatch(/<w:numPr>/)
    const accepted = resolve(xml, 'accept')
    expect(accepted).toEqual(resolve(await documentXml(compare(afterCwg, afterCwg)), 'accept'))
    expect(resolve(xml, 'reject')).toEqual(resolve(await documentXml(compare(uttlesford, uttlesford)), 'accept'))
    expect(accepted).toContain('3.9 Members should approach officers of appropriate seniority when raising queries. Other than for routine service queries, this is likely to be at service manager level or above. If members wish to meet officers, they should generally make an appointment first. This is partly to allow officers to plan their work and partly because of the need to ensure that personal data, which may be visible in offices, is not inadvertently disclosed – for instance information relating to housing or benefit applications.')
  })

  it("a change's mover is the revision's author, on its date", async () => {
    const changeSet = compare(uttlesford, afterCwg)
    for (const clause of changeSet.clauses) clause.attribution.push({ motion: 'cwg', mover: 'Constitution Working Group', date: '2017-04-25' })
    const xml = await documentXml(changeSet)
    expect(xml).toContain('w:author="Constitution Working Group" w:date="2017-04-25T00:00:00Z"')
    expect(xml).not.toContain('w:author="keeling"')
  })

  it('keeling diff --format docx needs -o, and writes the file', async () => {
    const dir = tempProject()
    const { writeFileSync } = await import('node:fs')
    writeFileSync(join(dir, 'a.md'), 'Members shall attend.\n')
    writeFileSync(join(dir, 'b.md'), 'Members may attend.\n')
    expect(await runCli(['diff', 'a.md', 'b.md', '--format', 'docx'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'keeling: a Word document is a file: give one with -o, e.g. --format docx -o appendix-b.docx\n'
    })
    const result = await runCli(['diff', 'a.md', 'b.md', '--format', 'docx', '-o', 'changes.docx'], dir, { SOURCE_DATE_EPOCH: '1493078400' })
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'wrote changes.docx\n' })
    const xml = strFromU8(unzipSync(readFileSync(join(dir, 'changes.docx')))['word/document.xml'] ?? new Uint8Array())
    expect(resolve(xml, 'accept')).toEqual(['Members may attend.'])
    expect(resolve(xml, 'reject')).toEqual(['Members shall attend.'])
    expect(xml).toContain('w:date="2017-04-25T00:00:00Z"')
  })
})

const word = fc.constantFrom('members', 'officers', 'Council', 'shall', 'not', '3.9', 'e.g.', ',', '.', '&', '<b>', '“quoted”', '/', 'café')
const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => `Members ${words.join(' ')}`)
const block = fc.oneof(sentence, fc.tuple(fc.nat(9), sentence).map(([n, text]) => `${n + 1}.1 ${text}`), fc.array(sentence, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item}`).join('\n')))

describe('Word: accept every change, reject every change', () => {
  test.prop([fc.array(block, { minLength: 1, maxLength: 6 }), fc.array(block, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 4 })], { numRuns: 40 })(
    'for texts edited at random, Accept All gives the new text and Reject All the old, paragraph by paragraph',
    async (blocks, replacements, places) => {
      const after = [...blocks]
      places.forEach((place, index) => {
        const at = place % after.length
        if (index % 2 === 0) after.splice(at, 1, replacements[index % replacements.length] ?? 'Members')
        else after.splice(at, 0, replacements[index % replacements.length] ?? 'Members')
      })
      const before = `${blocks.join('\n\n')}\n`
      const now = `${after.join('\n\n')}\n`
      const xml = await documentXml(compare(before, now))
      expect(resolve(xml, 'accept')).toEqual(resolve(await documentXml(compare(now, now)), 'accept'))
      expect(resolve(xml, 'reject')).toEqual(resolve(await documentXml(compare(before, before)), 'accept'))
    }
  )
})
