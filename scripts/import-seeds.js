// Re-import the example protocols in protocols/ from the seed documents in
// test/fixtures/seeds/, with the options recorded in recipes.json.
// Usage: npm run import-seeds   (after a build)
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const { main, nodeIo } = createRequire(import.meta.url)('../dist/start.cjs').loadCli('import')

const seeds = 'test/fixtures/seeds'
const { imports } = JSON.parse(readFileSync(`${seeds}/recipes.json`, 'utf8'))
let failed = 0
for (const [slug, [file, ...options]] of Object.entries(imports)) {
  // A protocol with a history was imported once, as its first version; its history script rebuilds it.
  if (existsSync(`history/${slug}.yml`)) {
    console.error(`${slug}: has a history; rebuild it with its script (scripts/${slug}-history.sh)`)
    continue
  }
  const code = await main(['import', `${seeds}/${file}`, ...options, '--force'], nodeIo())
  if (code !== 0) {
    console.error(`import of ${slug} failed with exit code ${code}`)
    failed++
  }
}
process.exitCode = failed > 0 ? 1 : 0
