import { afterEach } from 'vitest'
import { removeTempProjects } from './helpers/run-cli.js'

// Test files share a worker's modules (vitest.config.ts: isolate: false), so the helpers' clean-up is registered
// here, once for every test file, rather than when the helper module is first imported.
afterEach(removeTempProjects)
