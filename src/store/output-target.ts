import { realpath, stat } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { Refusal } from './environment-error.js'
import { AMENDMENTS_DIR, displayPath, PROTOCOLS_DIR } from './layout.js'

/**
 * The folders of a project that hold its records, and what a file in each is. The history and state modules
 * are loaded only when an output goes to a file (`keeling diff` to stdout never needs them).
 */
async function recordFolders(): Promise<Array<{ folder: string; what: string }>> {
  const [{ HISTORY_DIR }, { STATE_DIR }] = await Promise.all([import('./history-file.js'), import('./transaction.js')])
  return [
    { folder: PROTOCOLS_DIR, what: 'the protocols' },
    { folder: HISTORY_DIR, what: 'the histories and version texts' },
    { folder: AMENDMENTS_DIR, what: 'the motions' },
    { folder: STATE_DIR, what: "keeling's locks and journals" }
  ]
}

/** A path with every symbolic link resolved, also for a file (or folders) not made yet. */
async function canonical(path: string): Promise<string> {
  const missing: string[] = []
  for (let at = resolve(path); ; at = dirname(at)) {
    const real = await realpath(at).catch(() => undefined)
    if (real !== undefined) return join(real, ...missing.reverse())
    if (dirname(at) === at) return resolve(path)
    missing.push(basename(at))
  }
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false
  )
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep))
}

/**
 * Where an output (`-o FILE`) may go: never over or among the records —
 * protocols, histories, version texts, motions, keeling's own state — and
 * not over the command's own input unless `force` is given.
 *
 * @param inputs the files the command reads (their paths as given or resolved)
 * @returns the resolved path to write
 * @throws Refusal naming what the file is and what to do instead
 */
export async function checkOutputTarget(root: string, file: string, inputs: string[], force: boolean): Promise<string> {
  const target = resolve(root, file)
  const real = await canonical(target)
  const folders = await recordFolders()
  for (const { folder, what } of folders) {
    const records = await canonical(join(root, folder))
    if (inside(records, real)) {
      throw new Refusal(`-o ${displayPath(root, target)} is in ${folder}/, which holds ${what}: an output is never written among the records; write it elsewhere, e.g. -o papers/${basename(target)}`)
    }
  }
  // Records of another project (keeling run from its parent folder): a folder named as records, beside a protocols/ folder.
  for (let folder = dirname(real); dirname(folder) !== folder; folder = dirname(folder)) {
    const record = folders.find((entry) => entry.folder === basename(folder))
    if (record && (await isFolder(join(dirname(folder), PROTOCOLS_DIR)))) {
      throw new Refusal(`-o ${displayPath(root, target)} is in ${displayPath(root, folder)}/, which holds ${record.what} of a keeling project: an output is never written among the records; write it elsewhere`)
    }
  }
  for (const input of inputs) {
    if ((await canonical(resolve(root, input))) === real && !force) {
      throw new Refusal(`-o ${displayPath(root, target)} is this command's input; write the output to another file, or pass --force to replace the input`)
    }
  }
  return target
}
