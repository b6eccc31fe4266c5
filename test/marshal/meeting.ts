import { cpSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { MotionInput } from '../../src/core/motion/apply-motions.js'
import { parseMotion } from '../../src/core/motion/parse-motion.js'
import { repoRoot, tempProject } from '../helpers/run-cli.js'

/** The constructed meeting: town-council's protocol and ten amendments to it from four movers. */
export const meetingDir = join(repoRoot, 'test', 'fixtures', 'meeting')

/** A temporary copy of the constructed meeting (protocols/, amendments/), removed after the test. */
export function copyOfMeeting(): string {
  const dir = tempProject()
  cpSync(meetingDir, dir, { recursive: true })
  return dir
}

/** The protocol as the meeting has it. */
export function meetingProtocol(): string {
  return readFileSync(join(meetingDir, 'protocols', 'town-council.md'), 'utf8')
}

/** The meeting's amendments, read as keeling reads motion files. */
export function meetingInputs(): MotionInput[] {
  const folder = join(meetingDir, 'amendments', 'town-council')
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(folder, name), 'utf8')
      const id = name.replace(/\.md$/, '')
      return { motion: parseMotion(text, id, 'town-council'), text, name: `amendments/town-council/${name}` }
    })
}

/**
 * The order of the text, worked out by hand from protocols/town-council.md: 2.2 (“an informal atmosphere”
 * begins before “informal”), 5.2 (“executive and scrutiny” begins before the place after “scrutiny”), 7.2
 * (“factual information” comes before “Members and Committee Chairman will”; the amendment to
 * chen-in-writing follows it), 10.3 (left out whole, then a word in it), and a new paragraph at the end of
 * section 10.
 */
export const TEXT_ORDER = [
  'baker-atmosphere',
  'chen-relaxed',
  'baker-scrutiny-functions',
  'evans-audit',
  'chen-in-writing',
  'dawson-by-email',
  'baker-chairmen',
  'dawson-leave-out-10-3',
  'evans-numerous',
  'evans-public-meetings'
]
