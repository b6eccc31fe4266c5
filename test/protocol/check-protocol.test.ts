import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { checkProtocol } from '../../src/core/protocol/check-protocol.js'
import { parseProtocol } from '../../src/core/protocol/parse-protocol.js'

const head = '---\ntitle: Rules\nslug: rules\n---\n\n'

/** `line:col severity code` for each problem, the shape a user reads. */
function problems(text: string, slug = 'rules'): string[] {
  return checkProtocol(parseProtocol(text), slug).map(
    (message) => `${message.line}:${message.column} ${message.fatal ? 'error' : 'warning'} ${message.ruleId}`
  )
}

describe('checkProtocol', () => {
  it('passes a well-formed protocol', () => {
    const text = `${head}## <a id="s1"></a>1. Rules\n\n<a id="c1-1"></a>1.1 One, see [1.2](#c1-2).\n\n<a id="c1-2"></a>1.2 Two.\n`
    expect(problems(text)).toEqual([])
  })

  it('reports a duplicate clause ID at the second place, naming the first', () => {
    const text = `${head}<a id="c1"></a>1.1 One.\n\n<a id="c1"></a>1.2 Two.\n`
    const [message] = checkProtocol(parseProtocol(text), 'rules')
    expect(message?.reason).toBe('Duplicate clause ID `c1`, first defined at 6:1; give this clause an ID not used before')
    expect(problems(text)).toEqual(['8:1 error duplicate-clause-id'])
  })

  it('reports a heading without an ID and suggests one from its number', () => {
    const text = `${head}## 2. Conduct\n\n<a id="c2-1"></a>2.1 Be kind.\n`
    const [message] = checkProtocol(parseProtocol(text), 'rules')
    expect(message?.reason).toBe('Heading has no clause ID; put an anchor after the `#`s, such as `<a id="s2"></a>`')
    expect(problems(text)).toEqual(['6:4 error missing-clause-id'])
  })

  it('reports an ID that is not lowercase letters, digits and hyphens', () => {
    expect(problems(`${head}<a id="Clause 1"></a>1.1 One.\n`)).toEqual(['6:1 error invalid-clause-id'])
  })

  it('reports a number used twice at one level, but not the same number at another level', () => {
    const text = `${head}## <a id="s1"></a>1. A\n\n<a id="a"></a>1.1 One.\n\n<a id="b"></a>1.1 Again.\n\n## <a id="s2"></a>2. B\n\n<a id="c"></a>1.1 Elsewhere.\n`
    expect(problems(text).filter((line) => line.includes('duplicate-number'))).toEqual(['10:15 error duplicate-number'])
  })

  it('warns, and only warns, about numbers out of sequence (seed 000 has 1.1, 2.2, 1.3)', () => {
    const text = `${head}<a id="a"></a>1.1 One.\n\n<a id="b"></a>2.2 Two.\n\n<a id="c"></a>1.3 Three.\n`
    expect(problems(text)).toEqual(['8:15 warning unexpected-number', '10:15 warning unexpected-number'])
  })

  it('warns when a section opens with a number other than its first (9.2 under 9.)', () => {
    const text = `${head}## <a id="s9"></a>9. Media\n\n<a id="c9-2"></a>9.2 Two.\n\n<a id="c9-3"></a>9.3 Three.\n`
    expect(problems(text)).toEqual(['8:18 warning unexpected-number'])
  })

  it('reports a cross-reference to an unknown clause, and one whose text shows an old number', () => {
    const text = `${head}<a id="c1"></a>1.1 See [3.7](#gone) and [3.7](#c2).\n\n<a id="c2"></a>1.2 Two.\n`
    expect(problems(text)).toEqual(['6:24 error broken-reference', '6:41 warning stale-reference'])
    const stale = checkProtocol(parseProtocol(text), 'rules')[1]
    expect(stale?.reason).toBe('Cross-reference says 3.7 but clause `c2` is numbered 1.2; change the link text to 1.2')
  })

  it('reports malformed front matter at its line', () => {
    expect(problems('---\ntitle: [unclosed\nslug: rules\n---\n\n<a id="a"></a>1.1 One.\n')[0]).toMatch(/^\d+:\d+ error front-matter$/)
    expect(problems('---\ntitle: Rules\n\n<a id="a"></a>1.1 One.\n')).toEqual(['1:1 error front-matter'])
    expect(problems('<a id="a"></a>1.1 One.\n')).toEqual(['1:1 error front-matter'])
    expect(problems('---\nslug: rules\n---\n\n<a id="a"></a>1.1 One.\n')).toEqual(['1:1 error front-matter'])
  })

  it('reports a slug that differs from the file name', () => {
    expect(problems(`${head}<a id="a"></a>1.1 One.\n`, 'standing-orders')).toEqual(['3:1 error slug-mismatch'])
  })

  it('reports text before the first clause', () => {
    expect(problems(`${head}Stray words.\n\n<a id="a"></a>1.1 One.\n`)).toEqual(['6:1 error content-outside-clause'])
  })

  it('reports a protocol with no clauses', () => {
    expect(problems(head)).toEqual(['5:1 error no-clauses'])
  })

  test.prop([fc.string({ unit: 'grapheme-ascii', maxLength: 400 })])('places every problem inside the file', (body) => {
    const text = `${head}${body}`
    const lines = text.split('\n').length
    for (const message of checkProtocol(parseProtocol(text), 'rules')) {
      expect(message.line).toBeGreaterThanOrEqual(1)
      expect(message.line).toBeLessThanOrEqual(lines)
      expect(message.column).toBeGreaterThanOrEqual(1)
    }
  })
})
