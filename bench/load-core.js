// Bundles modules of src/core (TypeScript) for a benchmark to import in-process, as the build does.
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'

/**
 * Import names from modules of src/: `await loadCore({ parseProtocol: 'src/core/protocol/parse-protocol.ts' })`.
 * @param {Record<string, string>} names each exported name and the file it comes from, relative to the repository
 */
export async function loadCore(names) {
  const outfile = join(tmpdir(), `keeling-bench-${process.pid}-${Object.keys(names).join('-').slice(0, 60)}.mjs`)
  await build({
    stdin: {
      contents: Object.entries(names).map(([name, file]) => `export { ${name} } from './${file}'\n`).join(''),
      resolveDir: process.cwd(),
      loader: 'ts'
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'warning',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" }
  })
  const loaded = await import(outfile)
  await rm(outfile, { force: true })
  return loaded
}
