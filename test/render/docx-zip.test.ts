import { fc, test } from '@fast-check/vitest'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { crc32InJavaScript, zipDocx } from '../../src/core/render/zip-docx.js'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('zipDocx', () => {
  it('writes a zip another reader (fflate) opens to the same parts, in their order', () => {
    const parts = {
      '[Content_Types].xml': utf8('<?xml version="1.0"?><Types/>'),
      'word/document.xml': utf8(`<w:document>${'<w:p><w:r><w:t>Members shall not disclose advice.</w:t></w:r></w:p>'.repeat(5000)}</w:document>`),
      'docProps/core.xml': utf8('<cp:coreProperties>é § ✓</cp:coreProperties>'),
      'word/empty.xml': new Uint8Array(0)
    }
    const zip = zipDocx(parts)
    const read = unzipSync(zip)
    expect(Object.keys(read)).toEqual(Object.keys(parts))
    for (const [name, data] of Object.entries(parts)) expect(read[name]).toEqual(data)
    // The body is deflated, not stored: 5,000 repeats of one paragraph take a few hundred bytes.
    expect(zip.length).toBeLessThan(5000)
  })

  it('writes the same bytes for the same parts (every entry dated 1980-01-01)', () => {
    const parts = { 'a.xml': utf8('<a/>') }
    expect(zipDocx(parts)).toEqual(zipDocx(parts))
    // The local header's date field (offset 12): day 1, month 1, year 1980.
    expect(new DataView(zipDocx(parts).buffer).getUint16(12, true)).toBe(33)
  })

  test.prop([fc.dictionary(fc.stringMatching(/^[a-z]{1,8}\/[a-z]{1,8}\.xml$/), fc.uint8Array({ maxLength: 3000 }), { maxKeys: 5 })], { numRuns: 100 })(
    'gives any parts back',
    (parts) => {
      expect(unzipSync(zipDocx(parts))).toEqual(parts)
    }
  )

  it('computes CRC-32 in JavaScript as the standard check value has it', () => {
    // The check value of CRC-32 (ISO-HDLC, as zip uses it) for the nine digits "123456789".
    expect(crc32InJavaScript(utf8('123456789'))).toBe(0xcbf43926)
    expect(crc32InJavaScript(new Uint8Array(0))).toBe(0)
  })
})
