// Builds keeling with esbuild:
// - the command line, `dist/cli.cjs`: one CommonJS bundle whose modules are evaluated only when a command uses
//   them (esbuild wraps every lazily imported module), which `dist/start.cjs` compiles with a V8 code cache kept
//   per command (see src/start.ts). CommonJS because Node 20 opens V8's code cache to a script (`vm.Script`),
//   not to an ES module. Its first line names its build, a hash of the rest, which the cache is kept under.
//   (A tsc-compiled CLI starts in ~270 ms here, an esbuild bundle in ~125 ms.)
// - the library (`import … from 'keeling'`), `dist/index.js`, and the command line again, `dist/main.js`, for runs
//   that can keep no compile cache: ES modules, a chunk per lazily imported module, with the library's type
//   declarations written by tsc into dist/types.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Script } from 'node:vm'
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
  // main: the command line as ES modules, for runs that can keep no compile cache (src/start.ts).
  entryPoints: { index: 'src/index.ts', main: 'src/cli/main.ts' },
  splitting: true,
  format: 'esm',
  // Bundled CommonJS dependencies may call require(); give them one.
  banner: {
    js: "import { createRequire as __keelingCreateRequire } from 'node:module'; const require = __keelingCreateRequire(import.meta.url);"
  }
})

await build({ ...common, entryPoints: { start: 'src/start.ts' }, format: 'cjs', outExtension: { '.js': '.cjs' } })

// The command line's bundle is written in ASCII: Node reads a 2.5 MB file of ASCII in a third of the time of UTF-8,
// and V8 keeps and compiles it as one byte a character (--version 99 → 91 ms, the paper 256 → 242, interleaved).
// esbuild escapes strings and identifiers; template literals are lowered (a tagged one, String.raw, becomes its
// cooked and raw strings, escaped), so what is left outside ASCII is in regular expressions and comments, where a
// \uXXXX escape of each UTF-16 unit is the same character (in a pattern with the u flag a pair of escaped
// surrogates is one code point), and an identity escape of one (`\’`) is the escape alone.
const cli = await build({ ...common, entryPoints: { cli: 'src/cli/main.ts' }, format: 'cjs', outExtension: { '.js': '.cjs' }, supported: { 'template-literal': false }, write: false })
for (const file of cli.outputFiles) {
  const ascii = file.text.replace(/(\\*)([^\0-\x7f])/g, (_, backslashes, unit) => `${backslashes.length % 2 === 1 ? backslashes.slice(1) : backslashes}\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
  // A syntax error here would otherwise surface as every command's internal error.
  new Script(ascii, { filename: file.path })
  mkdirSync('dist', { recursive: true })
  writeFileSync(file.path, `// keeling build ${createHash('sha256').update(ascii).digest('hex').slice(0, 16)}\n${ascii}`)
}

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.lib.json'], { stdio: 'inherit' })
