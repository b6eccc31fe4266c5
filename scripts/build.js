// Bundles the CLI with esbuild: one small entry plus a chunk per lazily
// imported command, so `keeling --version` does not load remark or YAML.
// (A tsc-compiled CLI starts in ~270 ms here, an esbuild bundle in ~125 ms.)
// The library (`import … from 'keeling'`) is a second entry sharing those
// chunks, with its type declarations written by tsc into dist/types.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { build } from 'esbuild'

rmSync('dist', { recursive: true, force: true })

await build({
  entryPoints: { main: 'src/cli/main.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // PDF.js loads its worker from its own folder at run time; it stays in node_modules and is read only for a PDF.
  external: ['pdfjs-dist'],
  // Bundled CommonJS dependencies may call require(); give them one.
  banner: {
    js: "import { createRequire as __keelingCreateRequire } from 'node:module'; const require = __keelingCreateRequire(import.meta.url);"
  }
})

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.lib.json'], { stdio: 'inherit' })
