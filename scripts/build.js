// Builds keeling with esbuild:
// - the command line, `dist/cli.cjs`: one CommonJS bundle whose modules are evaluated only when a command uses
//   them (esbuild wraps every lazily imported module), which `dist/start.cjs` compiles with a V8 code cache kept
//   per command (see src/start.ts). CommonJS because Node 20 opens V8's code cache to a script (`vm.Script`),
//   not to an ES module. Its first line names its build, a hash of the rest, which the cache is kept under.
//   (A tsc-compiled CLI starts in ~270 ms here, an esbuild bundle in ~125 ms.)
// - the library (`import … from 'keeling'`), `dist/index.js`: ES modules, a chunk per lazily imported module,
//   with its type declarations written by tsc into dist/types.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { build } from 'esbuild'

rmSync('dist', { recursive: true, force: true })

const common = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // PDF.js loads its worker from its own folder at run time; it stays in node_modules and is read only for a PDF.
  external: ['pdfjs-dist']
}

await build({
  ...common,
  entryPoints: { index: 'src/index.ts' },
  splitting: true,
  format: 'esm',
  // Bundled CommonJS dependencies may call require(); give them one.
  banner: {
    js: "import { createRequire as __keelingCreateRequire } from 'node:module'; const require = __keelingCreateRequire(import.meta.url);"
  }
})

await build({ ...common, entryPoints: { start: 'src/start.ts' }, format: 'cjs', outExtension: { '.js': '.cjs' } })

const cli = await build({ ...common, entryPoints: { cli: 'src/cli/main.ts' }, format: 'cjs', outExtension: { '.js': '.cjs' }, write: false })
for (const file of cli.outputFiles) {
  mkdirSync('dist', { recursive: true })
  writeFileSync(file.path, `// keeling build ${createHash('sha256').update(file.contents).digest('hex').slice(0, 16)}\n${file.text}`)
}

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.lib.json'], { stdio: 'inherit' })
