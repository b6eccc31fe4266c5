import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readDocx, readDocxRevisions } from '../../src/core/import/docx/read-docx.js'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

/** A Word document of the given body XML (paragraphs), with a comment part when given. */
function docx(body: string, comments = ''): Uint8Array {
  return zipSync({
    '[Content_Types].xml': encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    '_rels/.rels': encode('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': encode(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    ...(comments ? { 'word/comments.xml': encode(`<?xml version="1.0"?><w:comments ${W}>${comments}</w:comments>`) } : {})
  })
}

const run = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`
const gone = (text: string): string => `<w:r><w:delText xml:space="preserve">${text}</w:delText></w:r>`
const by = (author: string, date = '2017-04-25T09:00:00Z'): string => `w:id="1" w:author="${author}" w:date="${date}"`

/** The text read with the changes `accept` accepts, as lines (blank lines between paragraphs dropped). */
function read(bytes: Uint8Array, accept: (revision: { author: string }) => boolean): string[] {
  const result = readDocx(bytes, { acceptChanges: false, accept })
  if ('failure' in result) throw new Error(result.failure.reason)
  return result.text.split('\n').filter((line) => line !== '')
}

describe('a Word redline read with a chosen set of its tracked changes accepted', () => {
  it('words inserted and deleted, by author: each author’s changes accepted alone, the rest rejected', () => {
    const bytes = docx(`<w:p>${run('Members may ')}<w:del ${by('Cllr Artus')}>${gone('call or attend')}</w:del><w:ins ${by('Cllr Artus')}>${run('request')}</w:ins>${run(' meetings')}<w:ins ${by('Working Group')}>${run(' with officers')}</w:ins>${run('.')}</w:p>`)
    expect(read(bytes, () => false)).toEqual(['Members may call or attend meetings.'])
    expect(read(bytes, () => true)).toEqual(['Members may request meetings with officers.'])
    expect(read(bytes, (revision) => revision.author === 'Cllr Artus')).toEqual(['Members may request meetings.'])
    expect(read(bytes, (revision) => revision.author === 'Working Group')).toEqual(['Members may call or attend meetings with officers.'])
  })

  it('paragraph marks: a deleted mark joins two paragraphs when accepted, an inserted one splits a paragraph unless rejected', () => {
    const joined = docx(`<w:p><w:pPr><w:rPr><w:del ${by('A')}/></w:rPr></w:pPr>${run('3.1 Notices shall be given')}</w:p><w:p>${run(' in writing.')}</w:p>`)
    expect(read(joined, () => true)).toEqual(['3.1 Notices shall be given in writing.'])
    expect(read(joined, () => false)).toEqual(['3.1 Notices shall be given', 'in writing.'])
    // Enter pressed after “given.” with Track Changes on: the first paragraph's mark is an insertion.
    const split = docx(`<w:p><w:pPr><w:rPr><w:ins ${by('A')}/></w:rPr></w:pPr>${run('3.1 Notices shall be given. ')}</w:p><w:p>${run('They may be sent by email.')}</w:p>`)
    expect(read(split, () => true)).toEqual(['3.1 Notices shall be given.', 'They may be sent by email.'])
    expect(read(split, () => false)).toEqual(['3.1 Notices shall be given. They may be sent by email.'])
  })

  it('a paragraph moved: in its new place when accepted, in its old one when rejected', () => {
    const bytes = docx(
      `<w:moveFrom ${by('A')}><w:p>${run('1.3 Minutes are kept.')}</w:p></w:moveFrom><w:p>${run('1.1 The Council meets monthly.')}</w:p><w:moveTo ${by('A')}><w:p>${run('1.3 Minutes are kept.')}</w:p></w:moveTo>`
    )
    expect(read(bytes, () => true)).toEqual(['1.1 The Council meets monthly.', '1.3 Minutes are kept.'])
    expect(read(bytes, () => false)).toEqual(['1.3 Minutes are kept.', '1.1 The Council meets monthly.'])
  })

  it('names each author with the number and dates of their changes, and reads the comments', () => {
    const bytes = docx(
      `<w:p>${run('Members may ')}<w:del ${by('Cllr Artus', '2017-05-02T10:00:00Z')}>${gone('call')}</w:del><w:ins ${by('Cllr Artus', '2017-05-03T10:00:00Z')}>${run('request')}</w:ins><w:ins ${by('Working Group')}>${run(' meetings')}</w:ins></w:p>`,
      `<w:comment w:id="0" w:author="Cllr Artus" w:date="2017-05-02T10:00:00Z"><w:p>${run('Attending must stay.')}</w:p></w:comment>`
    )
    expect(readDocxRevisions(bytes)).toEqual({
      authors: [
        { name: 'Cllr Artus', changes: 2, dates: ['2017-05-02', '2017-05-03'] },
        { name: 'Working Group', changes: 1, dates: ['2017-04-25'] }
      ],
      comments: [{ author: 'Cllr Artus', date: '2017-05-02', text: 'Attending must stay.' }]
    })
  })

  it('still refuses a document with tracked changes when no choice is given', () => {
    const bytes = docx(`<w:p>${run('A ')}<w:ins ${by('A')}>${run('b')}</w:ins></w:p>`)
    const result = readDocx(bytes, { acceptChanges: false })
    expect(result).toEqual({ failure: expect.objectContaining({ code: 'tracked-changes' }) })
  })
})
