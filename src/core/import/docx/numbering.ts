import { romanNumeral } from '../../protocol/number-steps.js'
import { child, elements, value, type XmlElement } from './xml-tree.js'

/** One level of a Word list: how its number starts, looks and restarts. */
export interface NumberingLevel {
  start: number
  format: string
  /** The number's pattern, `%1.%2` meaning the counters of levels 1 and 2. */
  pattern: string
  /** The shallowest level (one-based) whose occurrence restarts this one; 0 never. Undefined: any shallower level. */
  restart?: number
  /** "Legal" numbering: every level shown as a decimal number. */
  legal: boolean
  /** The paragraph style this level belongs to, when the numbering is attached to a style. */
  style?: string
}

interface ListInstance {
  abstract: string
  /** Levels this instance starts afresh, with their start values. */
  starts: Map<number, number>
  /** Levels this instance defines for itself. */
  levels: Map<number, NumberingLevel>
}

/** A document's numbering definitions (`word/numbering.xml`). */
export interface NumberingDefinitions {
  abstracts: Map<string, Map<number, NumberingLevel>>
  /** A numbering style's link: the abstract list that only points at a style, and the style it points at. */
  styleLinks: Map<string, string>
  instances: Map<string, ListInstance>
}

/** Read `word/numbering.xml` (absent: no automatic numbering). */
export function readNumbering(part: XmlElement | undefined): NumberingDefinitions {
  const definitions: NumberingDefinitions = { abstracts: new Map(), styleLinks: new Map(), instances: new Map() }
  const root = part ? child(part, 'w:numbering') : undefined
  if (!root) return definitions
  for (const abstract of elements(root, 'w:abstractNum')) {
    const id = abstract.attributes['w:abstractNumId'] ?? ''
    definitions.abstracts.set(id, readLevels(abstract))
    const link = value(abstract, 'w:numStyleLink')
    if (link !== undefined) definitions.styleLinks.set(id, link)
  }
  for (const instance of elements(root, 'w:num')) {
    const starts = new Map<number, number>()
    const levels = new Map<number, NumberingLevel>()
    for (const override of elements(instance, 'w:lvlOverride')) {
      const level = Number(override.attributes['w:ilvl'] ?? '0')
      const start = value(override, 'w:startOverride')
      if (start !== undefined) starts.set(level, Number(start))
      const defined = child(override, 'w:lvl')
      if (defined) {
        const read = readLevel(defined)
        levels.set(level, read)
        if (start === undefined && child(defined, 'w:start')) starts.set(level, read.start)
      }
    }
    definitions.instances.set(instance.attributes['w:numId'] ?? '', { abstract: value(instance, 'w:abstractNumId') ?? '', starts, levels })
  }
  return definitions
}

function readLevels(abstract: XmlElement): Map<number, NumberingLevel> {
  const levels = new Map<number, NumberingLevel>()
  for (const level of elements(abstract, 'w:lvl')) levels.set(Number(level.attributes['w:ilvl'] ?? '0'), readLevel(level))
  return levels
}

function readLevel(level: XmlElement): NumberingLevel {
  const restart = value(level, 'w:lvlRestart')
  const style = value(level, 'w:pStyle')
  const legal = child(level, 'w:isLgl')
  return {
    start: Number(value(level, 'w:start') ?? '0'),
    format: value(level, 'w:numFmt') ?? 'decimal',
    pattern: value(level, 'w:lvlText') ?? '',
    ...(restart !== undefined ? { restart: Number(restart) } : {}),
    legal: legal !== undefined && legal.attributes['w:val'] !== '0' && legal.attributes['w:val'] !== 'false',
    ...(style !== undefined ? { style } : {})
  }
}

/** What a numbered paragraph shows: its number as a reader sees it, or a bullet. */
export type ShownNumber = { kind: 'number'; text: string } | { kind: 'bullet' } | { kind: 'none' }

/**
 * Word's list counters as they run through a document: each abstract list
 * counts on across the instances that share it, an instance's start override
 * restarts it, and a level restarts when a shallower level occurs.
 */
export class NumberingCounter {
  private readonly counts = new Map<string, (number | undefined)[]>()
  private readonly begun = new Set<string>()

  constructor(
    private readonly definitions: NumberingDefinitions,
    /** The numbering a style's name points at (for `w:numStyleLink`), as the styles give it. */
    private readonly styleNumbering: (style: string) => string | undefined
  ) {}

  /** The number the next paragraph of list `numId` at level `level` shows, and count it. */
  next(numId: string, level: number): ShownNumber {
    const instance = this.definitions.instances.get(numId)
    if (!instance) return { kind: 'none' }
    const abstract = this.abstractOf(instance.abstract)
    const levels = this.definitions.abstracts.get(abstract)
    const levelOf = (index: number): NumberingLevel | undefined => instance.levels.get(index) ?? levels?.get(index)
    const here = levelOf(level)
    if (!here) return { kind: 'none' }
    const counts = this.counts.get(abstract) ?? []
    this.counts.set(abstract, counts)
    if (!this.begun.has(numId)) {
      this.begun.add(numId)
      for (const index of instance.starts.keys()) counts[index] = undefined
    }
    const startOf = (index: number): number => instance.starts.get(index) ?? levelOf(index)?.start ?? 0
    const current = counts[level]
    counts[level] = current === undefined ? startOf(level) : current + 1
    for (let deeper = level + 1; deeper < 9; deeper += 1) {
      const restart = levelOf(deeper)?.restart
      if (restart === 0) continue
      if (restart === undefined || level < restart) counts[deeper] = undefined
    }
    if (here.format === 'bullet') return { kind: 'bullet' }
    if (here.format === 'none' && !/%\d/.test(here.pattern)) return here.pattern.trim() === '' ? { kind: 'none' } : { kind: 'number', text: here.pattern.trim() }
    const text = here.pattern.replace(/%(\d)/g, (_, digit: string) => {
      const index = Number(digit) - 1
      const count = counts[index] ?? startOf(index)
      const format = here.legal && index < level ? 'decimal' : (levelOf(index)?.format ?? 'decimal')
      return formatCount(count, format)
    })
    return text.trim() === '' ? { kind: 'none' } : { kind: 'number', text: text.trim() }
  }

  /** The level of list `numId` that belongs to paragraph style `style` (numbering attached to a heading style). */
  levelOfStyle(numId: string, style: string | undefined): number | undefined {
    const instance = this.definitions.instances.get(numId)
    if (!instance || style === undefined) return undefined
    for (const [index, level] of this.definitions.abstracts.get(this.abstractOf(instance.abstract)) ?? []) if (level.style === style) return index
    return undefined
  }

  private abstractOf(id: string): string {
    const style = this.definitions.styleLinks.get(id)
    if (style === undefined) return id
    const numId = this.styleNumbering(style)
    const linked = numId === undefined ? undefined : this.definitions.instances.get(numId)?.abstract
    return linked ?? id
  }
}

/** A counter written in one of Word's number formats (`lowerLetter` 27 → "aa", `upperRoman` 4 → "IV"). */
export function formatCount(count: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
    case 'upperLetter': {
      const letter = count <= 0 ? '' : String.fromCharCode(97 + ((count - 1) % 26)).repeat(Math.floor((count - 1) / 26) + 1)
      return format === 'upperLetter' ? letter.toUpperCase() : letter
    }
    case 'lowerRoman':
      return romanNumeral(count, false)
    case 'upperRoman':
      return romanNumeral(count, true)
    case 'decimalZero':
      return count < 10 ? `0${count}` : String(count)
    case 'ordinal':
      return `${count}${ordinalSuffix(count)}`
    default:
      return String(count)
  }
}

function ordinalSuffix(count: number): string {
  if (count % 100 >= 11 && count % 100 <= 13) return 'th'
  return ['th', 'st', 'nd', 'rd'][count % 10] ?? 'th'
}
