import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { applyMotions } from '../../src/core/motion/apply-motions.js'
import { motionTemplate } from '../../src/core/motion/motion-template.js'
import { parseMotion } from '../../src/core/motion/parse-motion.js'
import { parseProtocol } from '../../src/core/protocol/parse-protocol.js'
import { repoRoot } from '../helpers/run-cli.js'

/** The numbered examples in a new motion file's comment, each as the instruction a clerk would keep. */
function examples(template: string): string[] {
  const comment = /<!--([\s\S]*?)-->/.exec(template)?.[1] ?? ''
  return comment.split(/\n(?=\d+\. )/).filter((item) => /^\d+\. /.test(item)).map((item) => item.replace(/\n\nAn amendment[\s\S]*$/, '').trim())
}

// Issue 18: "motion new for any protocol shows Uttlesford's paragraph numbers as its examples; use the protocol's own."
describe('issue 18: motion new gives examples from the protocol it is for', () => {
  const dir = join(repoRoot, 'protocols')
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.md'))) {
    const slug = file.replace(/\.md$/, '')
    test(`${slug}: every example names a paragraph it has and applies to it on its own`, () => {
      const text = readFileSync(join(dir, file), 'utf8')
      const protocol = parseProtocol(text)
      const template = motionTemplate({ title: 'Examples', mover: 'Cllr Example', protocol: slug }, protocol)
      const forms = examples(template)
      expect(forms.length).toBeGreaterThanOrEqual(12)
      const numbers = new Set(protocol.all.map((clause) => clause.number.replace(/\.$/, '')))
      for (const form of forms) {
        for (const [, cited = ''] of form.matchAll(/(?:paragraph|section) (?!beginning)([^\s,:]+)/g)) expect(numbers.has(cited.replace(/\.$/, '')), `${slug}: ${form} cites ${cited}`).toBe(true)
        const body = `---\ntitle: Example\nmover: Cllr Example\n---\n\n${form.replace(/^\d+\. /, '1. ')}\n`
        const result = applyMotions(text, [{ motion: parseMotion(body, 'example', slug), text: body, name: 'example.md' }])
        expect('problems' in result ? result.problems.map((found) => found.message.reason) : [], `${slug}: ${form}`).toEqual([])
      }
    })
  }
})
