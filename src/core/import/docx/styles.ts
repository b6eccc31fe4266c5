import { child, elements, value, type XmlElement } from './xml-tree.js'

interface StyleDefinition {
  name: string
  basedOn?: string
  outline?: number
  numId?: string
  level?: number
}

/** What a paragraph style gives its paragraphs: a heading level, a list. */
export interface ParagraphStyle {
  name: string
  /** Outline level, 0 for Heading 1; undefined for body text. */
  outline?: number
  numId?: string
  level?: number
}

/** A document's paragraph styles (`word/styles.xml`), each with what it inherits from the styles it is based on. */
export class Styles {
  private readonly definitions = new Map<string, StyleDefinition>()
  private readonly resolved = new Map<string, ParagraphStyle>()

  constructor(part: XmlElement | undefined) {
    const root = part ? child(part, 'w:styles') : undefined
    for (const style of root ? elements(root, 'w:style') : []) {
      const type = style.attributes['w:type']
      if (type !== undefined && type !== 'paragraph' && type !== 'numbering') continue
      const pPr = child(style, 'w:pPr')
      const numPr = child(pPr, 'w:numPr')
      const outline = value(pPr, 'w:outlineLvl')
      const numId = value(numPr, 'w:numId')
      const level = value(numPr, 'w:ilvl')
      const basedOn = value(style, 'w:basedOn')
      this.definitions.set(style.attributes['w:styleId'] ?? '', {
        name: value(style, 'w:name') ?? style.attributes['w:styleId'] ?? '',
        ...(basedOn !== undefined ? { basedOn } : {}),
        ...(outline !== undefined ? { outline: Number(outline) } : {}),
        ...(numId !== undefined ? { numId } : {}),
        ...(level !== undefined ? { level: Number(level) } : {})
      })
    }
  }

  /** The style with that ID, what it is based on folded in; an unknown ID is body text. */
  get(id: string | undefined): ParagraphStyle {
    const key = id ?? this.defaultId()
    const known = this.resolved.get(key)
    if (known) return known
    const style = this.resolve(key, new Set())
    this.resolved.set(key, style)
    return style
  }

  /** The list a numbering style (`w:numStyleLink`) stands for. */
  numberingOf(id: string): string | undefined {
    return this.definitions.get(id)?.numId
  }

  private resolve(id: string, seen: Set<string>): ParagraphStyle {
    const own = this.definitions.get(id)
    if (!own || seen.has(id)) return { name: own?.name ?? id }
    seen.add(id)
    const base = own.basedOn !== undefined ? this.resolve(own.basedOn, seen) : { name: '' }
    // Word's built-in heading styles carry their level in the name even where a document leaves out outlineLvl.
    const named = /^heading\s*([1-9])$/i.exec(own.name)
    const outline = own.outline ?? (named ? Number(named[1]) - 1 : base.outline)
    const numId = own.numId ?? base.numId
    const level = own.numId !== undefined ? own.level : (own.level ?? base.level)
    return {
      name: own.name,
      ...(outline !== undefined && outline < 9 ? { outline } : {}),
      ...(numId !== undefined ? { numId } : {}),
      ...(level !== undefined ? { level } : {})
    }
  }

  private defaultId(): string {
    for (const [id, style] of this.definitions) if (style.name.toLowerCase() === 'normal') return id
    return 'Normal'
  }
}
