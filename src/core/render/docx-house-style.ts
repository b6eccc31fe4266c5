import type { IStylesOptions } from 'docx'

/**
 * The council's house style for Word, in one place: a clerk who wants the
 * council's own font or sizes changes them here (or in Word's Styles pane,
 * where every heading is a named style). Plain and black, as committee
 * papers are printed: a serif body, bold headings a little larger than the
 * text, no colour. Sizes are in points.
 */
export const HOUSE_STYLE = {
  font: 'Times New Roman',
  colour: '000000',
  body: 11,
  title: 16,
  headings: [14, 12, 11, 11, 11, 11],
  /** Space after a paragraph, in points. */
  after: 7
} as const

/** The Word styles of the house style: the body, the title and headings 1 to 6, black throughout. */
export function houseStyles(style: typeof HOUSE_STYLE = HOUSE_STYLE): IStylesOptions {
  const half = (points: number): number => Math.round(points * 2)
  const heading = (points: number): { run: { font: string; size: number; bold: boolean; color: string }; paragraph: { spacing: { before: number; after: number }; keepNext: boolean } } => ({
    run: { font: style.font, size: half(points), bold: true, color: style.colour },
    paragraph: { spacing: { before: points * 20, after: style.after * 20 }, keepNext: true }
  })
  const [h1 = 14, h2 = 12, h3 = 11, h4 = 11, h5 = 11, h6 = 11] = style.headings
  return {
    default: {
      document: { run: { font: style.font, size: half(style.body), color: style.colour }, paragraph: { spacing: { after: style.after * 20 } } },
      title: heading(style.title),
      heading1: heading(h1),
      heading2: heading(h2),
      heading3: heading(h3),
      heading4: heading(h4),
      heading5: heading(h5),
      heading6: heading(h6)
    }
  }
}
