import { isMap, isNode, isScalar, isSeq, type YAMLMap } from 'yaml'

/**
 * What a shape reader is told about the field it reads: the name said in its messages, the form the field
 * takes (said in every message about it), where the field is (for a value that is not there) and how to say
 * a problem. Offsets are into the file; the caller turns them into lines and columns.
 */
export interface ShapeContext {
  label: string
  form: string
  /** Where the field's value starts, or its key when it has no value. */
  offset: number | undefined
  say(reason: string, offset: number | undefined, code?: string): void
}

/**
 * One shape a field of a YAML file may take: how to read a value of it (the value's node, as the `yaml`
 * package's composer gives it) and what a field left out is. A reader reports every problem it finds through
 * the context, and returns what it could read; the caller gives no values at all when anything was said.
 */
export interface Shape<T> {
  read(node: unknown, context: ShapeContext): T
  absent(): T
}

/** Where a node starts in the file, if it is a node. */
export function startOf(value: unknown): number | undefined {
  return isNode(value) ? value.range?.[0] : undefined
}

/** A scalar's text, trimmed; null for a map, a list or nothing. */
export function scalarText(node: unknown): string | null {
  if (!isScalar(node)) return null
  return String(node.value ?? '').trim()
}

/** "committee: expected …", at the value (or at the field when it has none). */
function wrong(context: ShapeContext, node: unknown): void {
  context.say(`${context.label}: expected ${context.form}`, startOf(node) ?? context.offset)
}

/** One line or paragraph of text, not empty. */
export const text: Shape<string> = {
  absent: () => '',
  read(node, context) {
    const value = scalarText(node)
    if (value !== null && value !== '') return value
    if (value === '' || !isNode(node)) context.say(`${context.label}: nothing given; expected ${context.form}`, context.offset)
    else wrong(context, node)
    return ''
  }
}

/** Text that must also pass `check`, which gives the value it stands for or null (said as the field's form). */
export function checked(check: (value: string) => string | null): Shape<string> {
  return {
    absent: () => '',
    read(node, context) {
      const given = text.read(node, context)
      if (given === '') return ''
      const value = check(given)
      if (value === null) wrong(context, node)
      return value ?? ''
    }
  }
}

/** One of the words `yes` (true) or `no` (false), and their synonyms, in any case. */
export function yesOrNo(yes: readonly string[], no: readonly string[]): Shape<boolean> {
  return {
    absent: () => false,
    read(node, context) {
      const given = text.read(node, context).toLowerCase()
      if (given !== '' && !yes.includes(given) && !no.includes(given)) wrong(context, node)
      return yes.includes(given)
    }
  }
}

/** A paragraph, or a list of paragraphs (each a scalar, none empty). */
export const paragraphs: Shape<string[]> = {
  absent: () => [],
  read(node, context) {
    const single = scalarText(node)
    if (single !== null && single !== '') return [single]
    if (isSeq(node) && node.items.length > 0) {
      const items = node.items.map(scalarText)
      const bad = items.findIndex((item) => item === null || item === '')
      if (bad === -1) return items.filter((item) => item !== null)
      context.say(`${context.label}: item ${bad + 1} is not a paragraph; expected ${context.form}`, startOf(node.items[bad]))
      return []
    }
    context.say(`${context.label}: ${!isNode(node) || single === '' ? 'nothing given; ' : ''}expected ${context.form}`, startOf(node) ?? context.offset)
    return []
  }
}

/** A map of text to text ("Financial: None."), not empty, in the order written. */
export const pairs: Shape<Array<[string, string]>> = {
  absent: () => [],
  read(node, context) {
    if (!isMap(node) || node.items.length === 0) {
      wrong(context, node)
      return []
    }
    const result: Array<[string, string]> = []
    for (const pair of node.items) {
      const key = scalarText(pair.key)
      const value = scalarText(pair.value)
      if (key === null || key === '' || value === null || value === '') context.say(`${context.label}: "${key ?? '?'}" needs a value; expected ${context.form}`, startOf(pair.value) ?? startOf(pair.key))
      else result.push([key, value])
    }
    return result
  }
}

/** An entry of a map whose values are another shape: the value, and where its key is. */
export interface Keyed<T> {
  value: T
  /** The offset of the entry's key in the file. */
  offset: number
}

/** A map from a name to a value of `shape` ("7.2": a paragraph or a list); each value said as `label: name`. */
export function mapOf<T>(shape: Shape<T>): Shape<Map<string, Keyed<T>>> {
  return {
    absent: () => new Map(),
    read(node, context) {
      const result = new Map<string, Keyed<T>>()
      if (!isMap(node)) {
        wrong(context, node)
        return result
      }
      for (const pair of node.items) {
        const key = scalarText(pair.key)
        if (!key) {
          wrong(context, pair.key)
          continue
        }
        const value = shape.read(pair.value, { ...context, label: `${context.label}: ${key}`, offset: startOf(pair.value) ?? startOf(pair.key) })
        result.set(key, { value, offset: startOf(pair.key) ?? 0 })
      }
      return result
    }
  }
}

/** A list, not empty, of values of `shape`; values that could not be read are left out. */
export function listOf<T>(shape: Shape<T | null>): Shape<T[]> {
  return {
    absent: () => [],
    read(node, context) {
      if (!isSeq(node) || node.items.length === 0) {
        wrong(context, node)
        return []
      }
      return node.items.map((item) => shape.read(item, context)).filter((item) => item !== null)
    }
  }
}

/**
 * A small map of named texts (a risk, the contact officer): every key one of `keys`, each with a value, those
 * in `required` given, the others ''; `build` makes the typed value from them. Null when anything is wrong with it.
 */
export function record<K extends string, T>(keys: readonly K[], build: (get: (key: K) => string) => T, required: readonly K[] = keys): Shape<T | null> {
  return {
    absent: () => null,
    read(node, context) {
      if (!isMap(node)) {
        wrong(context, node)
        return null
      }
      const entry = recordOf(node, keys, required, context)
      return entry ? build((key) => entry.get(key) ?? '') : null
    }
  }
}

function recordOf(node: YAMLMap, keys: readonly string[], required: readonly string[], context: ShapeContext): Map<string, string> | null {
  const entry = new Map<string, string>()
  let ok = true
  for (const pair of node.items) {
    const key = scalarText(pair.key) ?? ''
    const value = scalarText(pair.value)
    if (!keys.includes(key)) {
      context.say(`${context.label}: unknown key "${key}"; expected ${keys.join(', ')}`, startOf(pair.key))
      ok = false
    } else if (value === null || value === '') {
      context.say(`${context.label}: ${key} needs a value; expected ${context.form}`, startOf(pair.value) ?? startOf(pair.key))
      ok = false
    } else entry.set(key, value)
  }
  for (const key of required) {
    if (!entry.has(key) && ok) {
      context.say(`${context.label}: missing ${key}; expected ${context.form}`, node.range?.[0])
      ok = false
    }
  }
  return ok ? entry : null
}

/** Either one line of text (read by `single`) or a map (read by `shape`). */
export function textOr<T>(single: (value: string) => T, shape: Shape<T | null>): Shape<T | null> {
  return {
    absent: () => null,
    read(node, context) {
      const value = scalarText(node)
      if (value) return single(value)
      if (isMap(node)) return shape.read(node, context)
      wrong(context, node)
      return null
    }
  }
}
