import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * Write a file whole or not at all: the text goes to a temporary file beside
 * it, which is renamed over the target (atomic on one file system). A crash
 * mid-write leaves the old file as it was.
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`
  try {
    await writeFile(temporary, text, { flag: 'wx' })
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

/**
 * Write several files as one change: every text goes to a temporary file
 * first; then each is renamed into place. If a rename fails, the files
 * already replaced get their old text back (or are removed, if they are
 * new), so the files are left all old or all new.
 */
export async function writeFilesAtomic(files: Array<{ path: string; text: string | Uint8Array }>): Promise<void> {
  const staged: Array<{ path: string; temporary: string; old: Buffer | null }> = []
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true })
      const temporary = `${file.path}.${process.pid}.${Date.now()}.tmp`
      const old = await readFile(file.path).catch(() => null)
      await writeFile(temporary, file.text, { flag: 'wx' })
      staged.push({ path: file.path, temporary, old })
    }
  } catch (error) {
    await Promise.all(staged.map((file) => rm(file.temporary, { force: true })))
    throw error
  }
  const done: typeof staged = []
  try {
    for (const file of staged) {
      await rename(file.temporary, file.path)
      done.push(file)
    }
  } catch (error) {
    for (const file of done.reverse()) {
      if (file.old === null) await rm(file.path, { force: true })
      else await writeFileAtomic(file.path, file.old)
    }
    await Promise.all(staged.map((file) => rm(file.temporary, { force: true })))
    throw error
  }
}
