import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { Refusal } from './environment-error.js'
import { exists, isFolder } from './files.js'
import { HISTORY_DIR } from './history-file.js'
import { AMENDMENTS_DIR, displayPath, PROTOCOLS_DIR } from './layout.js'
import { checkOutputTarget } from './output-target.js'

function contains(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep))
}

/**
 * Where a site may be written: never among the records (`checkOutputTarget`), never a folder that holds
 * them (the project itself), and over an existing folder only when it is empty or a site keeling wrote
 * (it has `marker`), since a build replaces the folder whole.
 *
 * @throws Refusal naming the folder and what to do instead
 */
export async function checkSiteTarget(root: string, folder: string, marker: string): Promise<string> {
  const target = await checkOutputTarget(root, folder, [], false)
  for (const records of [PROTOCOLS_DIR, HISTORY_DIR, AMENDMENTS_DIR]) {
    if (contains(target, resolve(root, records))) {
      throw new Refusal(`-o ${displayPath(root, target) || '.'} holds the project's ${records}/ folder: a site replaces its folder whole, so it is never written where the records are; write it to a folder of its own, e.g. -o site`)
    }
  }
  if ((await exists(target)) && !(await isFolder(target))) throw new Refusal(`-o ${displayPath(root, target)} is a file; a site is a folder: give a folder, e.g. -o site`)
  if ((await isFolder(target)) && !(await exists(join(target, marker))) && (await readdir(target)).length > 0) {
    throw new Refusal(`-o ${displayPath(root, target)} is a folder keeling did not write (it has no ${marker}); a site replaces its folder whole, so give an empty or new folder, e.g. -o site`)
  }
  return target
}

/**
 * Write a site: every file into a new folder beside the target, then that folder put in the target's
 * place, so that a reader (or a web server) sees the old site or the new one, never half of each; a
 * failure leaves the old site as it was.
 *
 * @param files site files by path from its root (`uttlesford/index.html`)
 */
export async function writeSite(target: string, files: Map<string, string>): Promise<void> {
  const token = randomBytes(6).toString('hex')
  const fresh = join(dirname(target), `.${basename(target)}.keeling-new-${token}`)
  const old = join(dirname(target), `.${basename(target)}.keeling-old-${token}`)
  await mkdir(dirname(target), { recursive: true })
  try {
    await mkdir(fresh)
    for (const [path, text] of files) {
      // Every page stays inside the site: a path is names, never `..`, `.` or empty parts.
      const parts = path.split('/')
      if (parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\'))) throw new Error(`not a path inside the site: ${path}`)
      const file = join(fresh, ...parts)
      await mkdir(dirname(file), { recursive: true })
      await writeFile(file, text, 'utf8')
    }
    const had = await exists(target)
    if (had) await rename(target, old)
    await rename(fresh, target)
    if (had) await rm(old, { recursive: true, force: true })
  } catch (error) {
    await rm(fresh, { recursive: true, force: true }).catch(() => undefined)
    throw error
  }
}
