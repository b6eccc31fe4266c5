import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The built command line's compile cache (src/start.ts) for the commands the tests run: a new folder of this run's
 * (not the user's cache folder, nor a fixed one another user could have made first), in the environment the test
 * workers and the commands they run inherit, taken away after the run.
 */
export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'keeling-test-compile-cache-'))
  process.env['KEELING_COMPILE_CACHE'] = folder
  return () => rmSync(folder, { recursive: true, force: true })
}
