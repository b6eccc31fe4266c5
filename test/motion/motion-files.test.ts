import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, tempProject } from '../helpers/run-cli.js'
import { RULES } from './helpers.js'

const hash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

/**
 * Two folders side by side: `project/` with a protocol, and `outside/` with a
 * protocol-shaped file that a motion in the project names by a path.
 */
function projectAndOutside(): { project: string; outside: string } {
  const root = tempProject()
  const project = join(root, 'project')
  const outside = join(root, 'outside')
  mkdirSync(join(project, 'protocols'), { recursive: true })
  mkdirSync(join(project, 'amendments', 'rules'), { recursive: true })
  mkdirSync(outside)
  writeFileSync(join(project, 'protocols', 'rules.md'), RULES)
  writeFileSync(join(outside, 'rules.md'), RULES.replace('slug: rules', 'slug: other'))
  return { project, outside }
}

describe('a motion names files by name, never by path', () => {
  it('`protocol:` with a path is refused where it is written, and the file outside the project is not touched', async () => {
    const { project, outside } = projectAndOutside()
    writeFileSync(join(project, 'amendments', 'rules', 'far.md'), '---\ntitle: Far\nmover: Cllr Far\nprotocol: ../outside/rules.md\n---\n\n1. In paragraph 3.2, leave out "facts" and insert "opinions".\n')
    const before = hash(join(outside, 'rules.md'))
    const applied = await runCli(['apply', 'amendments/rules/far.md'], project)
    expect(applied.code).toBe(1)
    expect(applied.stderr).toContain('amendments/rules/far.md:4:11: error: `protocol: ../outside/rules.md` is not a protocol slug; expected the name of a file in protocols/ without .md')
    expect(applied.stderr).toContain('nothing was written')
    expect(hash(join(outside, 'rules.md'))).toBe(before)
    expect(readFileSync(join(project, 'protocols', 'rules.md'), 'utf8')).toBe(RULES)
  })

  it('`amends:` with a path is refused at its line', async () => {
    const { project } = projectAndOutside()
    writeFileSync(join(project, 'amendments', 'rules', 'up.md'), '---\ntitle: Up\nmover: Cllr Up\namends: ../../outside/rules\n---\n\n1. In paragraph 3.2, leave out "facts" and insert "opinions".\n')
    const checked = await runCli(['check', 'amendments/rules/up.md'], project)
    expect(checked.code).toBe(1)
    expect(checked.stdout).toContain('amendments/rules/up.md:4:9: error: `amends: ../../outside/rules` is not a motion ID')
  })
})

describe('a history names versions and motions by name, never by path', () => {
  it('verify reports a version label or motion ID that is a path, and reads nothing there', async () => {
    const { project } = projectAndOutside()
    expect((await runCli(['adopt', 'rules', '--version', 'v1', '--date', '2020-01-10', '--by', 'Council'], project)).code).toBe(0)
    const history = join(project, 'history', 'rules.yml')
    writeFileSync(history, readFileSync(history, 'utf8').replace('label: v1', 'label: ../../outside/rules'))
    const verified = await runCli(['verify', 'rules'], project)
    expect(verified.code).toBe(1)
    expect(verified.stderr).toContain('version label "../../outside/rules" is not a label (lowercase letters, digits and hyphens)')
  })
})

describe('a motion file that is not UTF-8 text', () => {
  it('is one error at the character that cannot be read, not a warning a line', async () => {
    const { project } = projectAndOutside()
    const motion = join(project, 'amendments', 'rules', 'windows.md')
    // A motion saved as Windows text: its curly quotes are the bytes 0x93 and 0x94.
    writeFileSync(motion, Buffer.concat([Buffer.from('---\ntitle: T\nmover: M\n---\n\n1. In paragraph 3.2, leave out '), Buffer.from([0x93]), Buffer.from('facts'), Buffer.from([0x94]), Buffer.from('.\n')]))
    const checked = await runCli(['check', 'amendments/rules/windows.md'], project)
    expect(checked.code).toBe(1)
    expect(checked.stdout).toBe(
      'amendments/rules/windows.md:6:32: error: This character could not be read: the file is not UTF-8 (often a curly quote or dash saved as Windows text); save the motion as UTF-8 and check it again [not-text]\n1 motion checked: 1 error, 0 warnings\n'
    )
    writeFileSync(motion, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x0a, 0x0a, 0x41, 0x0a]))
    const binary = await runCli(['apply', 'amendments/rules/windows.md'], project)
    expect(binary.code).toBe(1)
    expect(binary.stderr).toBe('amendments/rules/windows.md:1:1: error: This is not a text file (binary); write the motion as plain text or Markdown, saved as UTF-8 [not-text]\nkeeling apply: refused (1 problem); nothing was written\n')
  })
})

describe('a protocol saved as Windows text', () => {
  it('check names the line and column of the character that cannot be read; a motion is not applied to it', async () => {
    const { project } = projectAndOutside()
    const path = join(project, 'protocols', 'rules.md')
    const text = readFileSync(path)
    const at = text.indexOf('facts')
    writeFileSync(path, Buffer.concat([text.subarray(0, at), Buffer.from([0x93]), text.subarray(at)]))
    const line = text.subarray(0, at).toString('utf8').split('\n').length
    const column = at - text.subarray(0, at).lastIndexOf('\n')
    const checked = await runCli(['check', 'rules'], project)
    expect(checked.code).toBe(1)
    expect(checked.stdout).toContain(`protocols/rules.md:${line}:${column}: error: This character could not be read: the file is not UTF-8`)
    writeFileSync(join(project, 'amendments', 'rules', 'm.md'), '---\ntitle: M\nmover: Cllr M\n---\n\n1. In paragraph 3.1, leave out "themselves" and insert "their wards".\n')
    const before = hash(path)
    const applied = await runCli(['apply', 'amendments/rules/m.md'], project)
    expect(applied.code).toBe(1)
    // The problem is the protocol's, and is said to be, with its place in the protocol.
    expect(applied.stderr).toContain(`error: The protocol has a problem before any motion (line ${line}:${column}: This character could not be read`)
    expect(applied.stderr).toContain('fix the protocol first (keeling check lists it); nothing was applied [invalid-protocol]')
    expect(hash(path)).toBe(before)
  })
})
