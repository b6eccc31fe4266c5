import type { ApplyResult } from './motion/apply-motions.js'
import { parseMotion } from './motion/parse-motion.js'
import type { Motion } from './motion/types.js'
import { parseProtocol } from './protocol/parse-protocol.js'
import { inner, remembered } from './remembered.js'
import type { Protocol } from './protocol/types.js'

/**
 * The texts one command run has parsed, each parsed once (issue 15: parse
 * once, transform, write once), and the motions it has applied to them. A command makes one with
 * {@link createParseCache} and hands it down; a core function given none
 * makes its own for that call. Not a global cache: it lives as long as the
 * run that made it. What it gives back is shared, so it is read, never
 * changed.
 */
export interface ParseCache {
  /** `parseProtocol(text)`, parsed the first time this text is asked for. */
  protocol(text: string): Protocol
  /** `parseMotion(text, id, folder)`, parsed the first time this text is asked for with this ID and folder. */
  motion(text: string, id: string, folder: string): Motion
  /**
   * What motions make of a text (`applyMotions`, which asks), worked out the first time these motions are applied
   * to this text: a replay and the effects of its motions apply the same motions to the same version.
   *
   * @param key the motions and what else the result depends on
   */
  applied(text: string, key: string, apply: () => ApplyResult): ApplyResult
}

/** A new, empty {@link ParseCache}, for one command run. */
export function createParseCache(): ParseCache {
  const protocols = new Map<string, Protocol>()
  // By text, then by a short key (remembered.ts). A motion's key is its ID and folder: its ID and default protocol
  // come from its file's name and folder.
  const motions = new Map<string, Map<string, Motion>>()
  const results = new Map<string, Map<string, ApplyResult>>()
  return {
    protocol: (text) => remembered(protocols, text, () => parseProtocol(text)),
    motion: (text, id, folder) => remembered(inner(motions, text), `${id}\n${folder}`, () => parseMotion(text, id, folder)),
    applied: (text, key, apply) => remembered(inner(results, text), key, apply)
  }
}
