/**
 * How the command line starts: its code is one CommonJS bundle, `dist/cli.cjs`, compiled with a V8 code cache kept
 * per command, so a command run before starts without parsing and compiling its code again.
 *
 * Compiling is a large part of a short command: Uttlesford's HTML paper spends about 70 of its 310 ms parsing and
 * compiling the code it runs, every time (Node 20 keeps no cache for ES modules; `module.enableCompileCache` came
 * in Node 22). This is the cache Node 22 keeps, for Node 20: after a command has run, V8 writes what it compiled
 * (`vm.Script#createCachedData`) to a file of that command's; the next run of the command hands it back to V8.
 *
 * The cache is a cache: keeling runs the same without it, and any fault in it (a file another build wrote, a
 * torn or altered file, a folder it may not write) only means compiling as if there were none. V8 checks no more
 * of what it is handed than its length (an altered cache crashes it), so every file carries a SHA-256 of its
 * contents and the size and time of the bundle it was compiled from, and its name the bundle's build (a hash of
 * the bundle, written on its first line by `scripts/build.js`) and a hash of that size and time. A folder keeps
 * 40 files; past that, writing one takes away the oldest of other builds' and copies'.
 *
 * This module is built as CommonJS (`dist/start.cjs`), as `bin/keeling.js` is (`bin/package.json`): an ES module
 * as the first file costs Node about 7 ms more to start.
 *
 * Where: `KEELING_COMPILE_CACHE` if set (`off` for none), else the user's cache folder (`$XDG_CACHE_HOME` or
 * `~/.cache` on Linux, `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on Windows), in `keeling/compile-cache`.
 */
import { createHash } from 'node:crypto'
import { accessSync, closeSync, constants, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import vm from 'node:vm'

type Cli = typeof import('./cli/main.js')

/** A cache file: these four bytes, the SHA-256 of the rest, then the bundle's size and time, then V8's data. */
const MAGIC = Buffer.from('KCC1')
const HASHED = MAGIC.length + 32
const HEADER = HASHED + 16

/** The folder keeling keeps compiled code in, or null for none. */
export function compileCacheFolder(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env.KEELING_COMPILE_CACHE
  if (chosen === 'off') return null
  if (chosen) return resolve(chosen)
  let home = ''
  try {
    home = homedir()
  } catch {
    return null
  }
  // A relative XDG_CACHE_HOME is to be ignored (the XDG base directory specification): it would put the cache in
  // whatever folder keeling is run in.
  const xdg = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : ''
  const base = process.platform === 'win32' ? env.LOCALAPPDATA : process.platform === 'darwin' ? home && join(home, 'Library', 'Caches') : xdg || (home && join(home, '.cache'))
  return base ? join(base, 'keeling', 'compile-cache') : null
}

/** The folder of this V8's cache files, or null for none. */
function versionFolder(env: NodeJS.ProcessEnv): string | null {
  const root = compileCacheFolder(env)
  return root && join(root, `v8-${process.versions.v8}-${process.arch}`)
}

/** The bundle's size and modification time, as a cache file records them. */
function stampOf(bundle: string): Buffer {
  const { size, mtimeMs } = statSync(bundle)
  const stamp = Buffer.alloc(16)
  stamp.writeDoubleLE(size, 0)
  stamp.writeDoubleLE(mtimeMs, 8)
  return stamp
}

/** V8's data in a cache file, if the file is whole, as written, and of the bundle as it is now. */
function readCache(file: string, stamp: Buffer): Buffer | undefined {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return undefined
  }
  if (bytes.length <= HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined
  const rest = bytes.subarray(HASHED)
  if (!createHash('sha256').update(rest).digest().equals(bytes.subarray(MAGIC.length, HASHED))) return undefined
  return rest.subarray(0, 16).equals(stamp) ? rest.subarray(16) : undefined
}

/** How many cache files a folder keeps: a megabyte or so each, about twenty commands for each copy of keeling. */
const KEPT = 40

/**
 * Write a cache file whole or not at all (a temporary file renamed: the store's writeFileAtomic is in the bundle,
 * and a cache needs no flush); then, past KEPT files, take away the oldest of other copies (another build, or the
 * same build elsewhere), and any temporary file left by a run that stopped. A failure only means no cache. The
 * folder is there (`canKeepCache`); V8's data is asked for once the file is open, as it takes a few milliseconds.
 */
function writeCache(cache: CacheFile, payload: () => Buffer): void {
  const file = join(cache.folder, cache.name)
  const temporary = `${file}.${process.pid}.tmp`
  try {
    const fd = openSync(temporary, 'w', 0o600)
    try {
      const rest = Buffer.concat([cache.stamp, payload()])
      writeSync(fd, Buffer.concat([MAGIC, createHash('sha256').update(rest).digest(), rest]))
    } finally {
      closeSync(fd)
    }
    renameSync(temporary, file)
  } catch {
    // No cache this time: the next run compiles as this one did.
    try {
      rmSync(temporary, { force: true })
    } catch {
      // No temporary file was made (the folder is not one).
    }
    return
  }
  try {
    const now = Date.now()
    const entries = readdirSync(cache.folder).map((name) => ({ name, path: join(cache.folder, name), time: statSync(join(cache.folder, name)).mtimeMs }))
    // A temporary file over a minute old is a run's that stopped before it renamed it, whichever copy's it was.
    for (const entry of entries) if (entry.name.endsWith('.tmp') && now - entry.time > 60_000) rmSync(entry.path, { force: true })
    const kept = entries.filter((entry) => !entry.name.endsWith('.tmp'))
    const others = kept.filter((entry) => !entry.name.startsWith(cache.copy)).sort((a, b) => b.time - a.time)
    const ours = kept.length - others.length
    others.forEach((other, index) => {
      if (ours + index >= KEPT) rmSync(other.path, { force: true })
    })
  } catch {
    // Another run tidying at the same time: what is left is tidied next time.
  }
}

/** Where a command's cache is: its folder, its file's name, the prefix of this copy's files, the bundle's stamp. */
interface CacheFile {
  folder: string
  name: string
  copy: string
  stamp: Buffer
}

let loaded: { cli: Cli; script: vm.Script; cached: boolean; cache: CacheFile | null } | undefined

/**
 * The command line's code (`main`, `nodeIo`), compiled from `dist/cli.cjs` with the cache of `command`'s last run
 * when there is one.
 */
export function loadCli(command = '', env: NodeJS.ProcessEnv = process.env): Cli {
  if (loaded) return loaded.cli
  const bundle = join(__dirname, 'cli.cjs')
  const bytes = readFileSync(bundle)
  const build = /^\/\/ keeling build ([0-9a-f]{16})\n/.exec(bytes.subarray(0, 40).toString('latin1'))?.[1]
  // scripts/build.js writes the bundle in ASCII, which read as Latin-1 is no work: a one-byte string, as on the disk.
  const text = bytes.toString(build ? 'latin1' : 'utf8')
  const folder = build ? versionFolder(env) : null
  let cache: CacheFile | null = null
  if (folder) {
    const stamp = stampOf(bundle)
    // A copy is a build in one place, run with the same V8 flags: two clones of one build have two stamps, and a
    // run with other flags (`node --no-opt`, NODE_OPTIONS) other compiled code, which V8 would refuse; each its own files.
    const flags = `${process.execArgv.join(' ')}\n${env.NODE_OPTIONS ?? ''}`
    const copy = `${build}-${createHash('sha256').update(stamp).update(flags).digest('hex').slice(0, 8)}-`
    cache = { folder, name: `${copy}${cacheName(command)}.bin`, copy, stamp }
  }
  const cachedData = cache ? readCache(join(cache.folder, cache.name), cache.stamp) : undefined
  const script = new vm.Script(Module.wrap(text), { filename: bundle, cachedData })
  const module = { exports: {} as Cli }
  ;(script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void)(module.exports, createRequire(bundle), module, bundle, dirname(bundle))
  // The one ES module the bundle loads, PDF.js, is loaded by this module's import(): in Node 20 an import() in code
  // from a code cache fails. (This module is in the bundle's folder, so the name resolves as it would there.)
  module.exports.loadPdfjsWith((specifier) => import(specifier))
  loaded = { cli: module.exports, script, cached: cachedData !== undefined && !script.cachedDataRejected, cache }
  return loaded.cli
}

/** A command's name as a file name: its own if it is a word, else one name for everything else. */
function cacheName(command: string): string {
  return /^[a-z][a-z-]{0,39}$/.test(command) ? command : '-'
}

/** Whether a cache can be kept: the folder is there (made now if need be) and may be written. */
function canKeepCache(env: NodeJS.ProcessEnv): boolean {
  const folder = versionFolder(env)
  if (!folder) return false
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 })
    accessSync(folder, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/**
 * Run keeling on `argv` as the `keeling` command does; when the command ran as it should (exit 0 or 1) and there
 * was no cache for it, keep what V8 compiled for the next run. Where no cache can be kept
 * (`KEELING_COMPILE_CACHE=off`, a folder that may not be written), the command runs from the ES module build
 * (`dist/main.js` and its chunks), which compiles only what the command loads: the bundle's first compile would
 * cost every run some 40 ms more (`--version` 126 against 78 ms).
 */
export async function start(argv: string[]): Promise<number> {
  const command = argv[0] ?? ''
  if (!canKeepCache(process.env)) {
    const modules = (await import(pathToFileURL(join(__dirname, 'main.js')).href)) as Cli
    return modules.main(argv, modules.nodeIo())
  }
  const { main, nodeIo } = loadCli(command)
  const code = await main(argv, nodeIo())
  const run = loaded
  if (run?.cache && !run.cached && (code === 0 || code === 1)) writeCache(run.cache, () => run.script.createCachedData())
  return code
}
