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
