import { readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from 'vitest/config'

// Test files that replace a module (vi.mock) need modules of their own; every other file shares its worker's
// modules, so keeling's code is loaded once per worker rather than once per file. keeling keeps no state between
// calls, and test/setup.ts registers the helpers' clean-up for every file.
const mocking = (readdirSync('test', { recursive: true, encoding: 'utf8' }) as string[])
  .filter((file) => file.endsWith('.test.ts') && /\bvi\.(?:do)?mock\(/.test(readFileSync(join('test', file), 'utf8')))
  .map((file) => `test/${file.split('\\').join('/')}`)

export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    // The built command line's compile cache for the commands the tests run: a folder of this run's.
    globalSetup: ['test/global-setup.ts'],
    // vitest's default is one worker fewer than the cores: one worker on the 2-core machines CI runs on.
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: mocking, isolate: false } },
      { extends: true, test: { name: 'isolated', include: mocking, isolate: true } }
    ]
  }
})
