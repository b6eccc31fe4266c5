import { parseMotion } from './motion/parse-motion.js'
import type { Motion } from './motion/types.js'
import { parseProtocol } from './protocol/parse-protocol.js'
import type { Protocol } from './protocol/types.js'

/**
 * The texts one command run has parsed, each parsed once (issue 15: parse
 * once, transform, write once). A command makes one with
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
}

/** A new, empty {@link ParseCache}, for one command run. */
export function createParseCache(): ParseCache {
  const protocols = new Map<string, Protocol>()
  // By text, then by ID and folder: a motion's ID and default protocol come from its file's name and folder.
  const motions = new Map<string, Map<string, Motion>>()
  return {
    protocol: (text) => {
      let protocol = protocols.get(text)
      if (protocol === undefined) {
        protocol = parseProtocol(text)
        protocols.set(text, protocol)
      }
      return protocol
    },
    motion: (text, id, folder) => {
      const key = `${id}\n${folder}`
      let byName = motions.get(text)
      if (byName === undefined) {
        byName = new Map()
        motions.set(text, byName)
      }
      let motion = byName.get(key)
      if (motion === undefined) {
        motion = parseMotion(text, id, folder)
        byName.set(key, motion)
      }
      return motion
    }
  }
}
