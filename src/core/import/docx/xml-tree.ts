import { SaxesParser } from 'saxes'

/** An XML element as the Word reader walks it: its qualified name, attributes and children in order. */
export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlNode[]
}

/** A child of an element: another element, or character data. */
export type XmlNode = XmlElement | string

/**
 * Parse an XML part of a Word document into a tree (namespaces kept as the
 * prefixes the part uses: `w:p`, `w:t`). Malformed XML throws the parser's
 * error, which the caller reports as a damaged document.
 */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: false })
  const root: XmlElement = { name: '#document', attributes: {}, children: [] }
  const stack: XmlElement[] = [root]
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [] }
    stack.at(-1)?.children.push(element)
    if (!tag.isSelfClosing) stack.push(element)
  })
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop()
  })
  parser.on('text', (text) => {
    stack.at(-1)?.children.push(text)
  })
  parser.on('error', (error) => {
    throw error
  })
  parser.write(xml).close()
  return root
}

/** The element's child elements, or those of one name. */
export function elements(element: XmlElement, name?: string): XmlElement[] {
  const found: XmlElement[] = []
  for (const child of element.children) {
    if (typeof child !== 'string' && (name === undefined || child.name === name)) found.push(child)
  }
  return found
}

/** The first child element of that name. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined
  for (const node of element.children) if (typeof node !== 'string' && node.name === name) return node
  return undefined
}

/** The `w:val` (or another) attribute of a child element: `value(pPr, 'w:pStyle')`. */
export function value(element: XmlElement | undefined, name: string, attribute = 'w:val'): string | undefined {
  return child(element, name)?.attributes[attribute]
}

/** The element's character data, its descendants' included. */
export function textOf(element: XmlElement): string {
  let text = ''
  for (const node of element.children) text += typeof node === 'string' ? node : textOf(node)
  return text
}

/** Every descendant element of that name, in document order. */
export function descendants(element: XmlElement, name: string, found: XmlElement[] = []): XmlElement[] {
  for (const node of element.children) {
    if (typeof node === 'string') continue
    if (node.name === name) found.push(node)
    descendants(node, name, found)
  }
  return found
}
