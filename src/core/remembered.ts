/**
 * What a command has worked out, kept by key in a map it owns: `make` runs the first time a key is asked for.
 * Keyed by a text first (a map looks a string up by its hash) and then by a short key, a result is found without
 * joining the whole text into a key, which would copy and hash it on every call.
 */

/** The value kept under `key`, made the first time it is asked for. */
export function remembered<T>(kept: Map<string, T>, key: string, make: () => T): T {
  let value = kept.get(key)
  if (value === undefined) {
    value = make()
    kept.set(key, value)
  }
  return value
}

/** The map kept under `key` in `outer`, empty the first time. */
export function inner<T>(outer: Map<string, Map<string, T>>, key: string): Map<string, T> {
  return remembered(outer, key, () => new Map<string, T>())
}
