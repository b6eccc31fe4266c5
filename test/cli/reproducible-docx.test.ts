import { cpSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { copyOfExamples, repoRoot, runCli } from '../helpers/run-cli.js'
import { copyOfMeeting } from '../marshal/meeting.js'

// 1 May 2017, 00:00 UTC, as a build script sets it for a file that must come out the same each time.
const EPOCH = '1493596800'
const STAMP = '2017-05-01T00:00:00Z'

/** Every Word document keeling writes, each as the command a clerk types (in a folder with what it needs). */
const COMMANDS: Array<{ what: string; argv: string[]; project: () => string; code?: number }> = [
  // diff exits 1 when the texts differ, as diff(1) does.
  { what: 'diff', argv: ['diff', 'protocols/section-21.md', 'protocols/uttlesford.md', '--format', 'docx'], project: copyOfExamples, code: 1 },
  { what: 'report', argv: ['report', 'uttlesford', '--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25', '--format', 'docx'], project: copyOfRecords },
  { what: 'paper', argv: ['paper', 'uttlesford', '--from', 'council-2017-04-04', '--to', 'cwg-2017-04-25', '--meta', 'papers/council-2017-05-16.yml', '--format', 'docx'], project: copyOfRecords },
  { what: 'show', argv: ['show', 'uttlesford', '--format', 'docx'], project: copyOfExamples },
  { what: 'show --line-numbers', argv: ['show', 'uttlesford', '--line-numbers', 'page', '--format', 'docx'], project: copyOfExamples },
  { what: 'marshal', argv: ['marshal', 'town-council', '--format', 'docx'], project: copyOfMeeting }
]

function copyOfRecords(): string {
  const dir = copyOfExamples()
  for (const folder of ['amendments', 'history', 'papers']) cpSync(join(repoRoot, folder), join(dir, folder), { recursive: true })
  return dir
}

describe('Word documents come out the same for the same input and SOURCE_DATE_EPOCH', () => {
  for (const { what, argv, project, code = 0 } of COMMANDS) {
    it(`${what}: two runs give the same bytes, created and modified at SOURCE_DATE_EPOCH`, async () => {
      const dir = project()
      const files: Uint8Array[] = []
      for (const name of ['first.docx', 'second.docx']) {
        const result = await runCli([...argv, '-o', name], dir, { SOURCE_DATE_EPOCH: EPOCH })
        expect(result.code, result.stderr).toBe(code)
        files.push(readFileSync(join(dir, name)))
      }
      const core = strFromU8(unzipSync(files[0] ?? new Uint8Array())['docProps/core.xml'] ?? new Uint8Array())
      expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${STAMP}</dcterms:created>`)
      expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${STAMP}</dcterms:modified>`)
      expect(Buffer.compare(Buffer.from(files[0] ?? []), Buffer.from(files[1] ?? []))).toBe(0)
    })
  }
})
