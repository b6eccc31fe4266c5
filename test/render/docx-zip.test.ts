import { fc, test } from '@fast-check/vitest'
import { deflateRawSync } from 'node:zlib'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { crc32InJavaScript, zipDocx } from '../../src/core/render/zip-docx.js'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('zipDocx', () => {
  it('writes a zip another reader (fflate) opens to the same parts, in their order', async () => {
    const parts = {
      '[Content_Types].xml': utf8('<?xml version="1.0"?><Types/>'),
      'word/document.xml': utf8(`<w:document>${'<w:p><w:r><w:t>Members shall not disclose advice.</w:t></w:r></w:p>'.repeat(5000)}</w:document>`),
      'docProps/core.xml': utf8('<cp:coreProperties>é § ✓</cp:coreProperties>'),
      'word/empty.xml': new Uint8Array(0)
    }
    const zip = await zipDocx(parts)
    const read = unzipSync(zip)
    expect(Object.keys(read)).toEqual(Object.keys(parts))
    // Compared as bytes in one call: vitest's deep equality walks a typed array element by element.
    for (const [name, data] of Object.entries(parts)) expect(Buffer.from(read[name] ?? []).equals(data), name).toBe(true)
    // The body is deflated, not stored: 5,000 repeats of one paragraph take a few hundred bytes.
    expect(zip.length).toBeLessThan(5000)
  })

  it('writes the same bytes for the same parts (every entry dated 1980-01-01)', async () => {
    const parts = { 'a.xml': utf8('<a/>') }
    const zip = await zipDocx(parts)
    expect(zip).toEqual(await zipDocx(parts))
    // The local header's date field (offset 12): day 1, month 1, year 1980.
    expect(new DataView(zip.buffer).getUint16(12, true)).toBe(33)
  })

  it('gives back a part of several mebibytes, deflated in pieces, and compresses it as one stream would', async () => {
    // 4.5 MB of clauses whose words repeat across the pieces' edges (the dictionary carries them over).
    let seed = 7
    const words = ['council', 'members', 'officers', 'shall', 'not', 'request', 'information', 'the', 'of', 'and']
    const text = Array.from({ length: 600_000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return words[seed % words.length]
    }).join(' ')
    const parts = { 'word/document.xml': utf8(text), 'docProps/app.xml': utf8('<Properties/>') }
    const zip = await zipDocx(parts)
    const read = unzipSync(zip)
    expect(Object.keys(read)).toEqual(Object.keys(parts))
    // Compared as bytes in one call: vitest's deep equality walks a typed array element by element.
    expect(Buffer.from(read['word/document.xml'] ?? []).equals(parts['word/document.xml'])).toBe(true)
    expect(Buffer.from(read['docProps/app.xml'] ?? []).equals(parts['docProps/app.xml'])).toBe(true)
    const single = deflateRawSync(parts['word/document.xml'], { level: 6 }).length
    expect(zip.length).toBeLessThan(single * 1.01 + 1000)
  })

  test.prop([fc.dictionary(fc.stringMatching(/^[a-z]{1,8}\/[a-z]{1,8}\.xml$/), fc.uint8Array({ maxLength: 3000 }), { maxKeys: 5 })], { numRuns: 50 })(
    'gives any parts back',
    async (parts) => {
      expect(unzipSync(await zipDocx(parts))).toEqual(parts)
    }
  )

  it('computes CRC-32 in JavaScript as the standard check value has it', () => {
    // The check value of CRC-32 (ISO-HDLC, as zip uses it) for the nine digits "123456789".
    expect(crc32InJavaScript(utf8('123456789'))).toBe(0xcbf43926)
    expect(crc32InJavaScript(new Uint8Array(0))).toBe(0)
  })
})
