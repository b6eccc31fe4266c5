import { readFile, stat } from 'node:fs/promises'

/**
 * The few questions commands ask of the disk directly, so that only the
 * store touches it: whether a path is there, a file or a folder, and its
 * bytes or text.
 */

/** Whether anything is at `path`. */
export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}

/** Whether `path` is an ordinary file. */
export async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false
  )
}

/** Whether `path` is a folder. */
export async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false
  )
}

/** A file's bytes. @throws the file system's error (ENOENT, EISDIR …) */
export async function readBytes(path: string): Promise<Uint8Array> {
  return readFile(path)
}

/** A file's text, read as UTF-8. @throws the file system's error (ENOENT, EISDIR …) */
export async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8')
}
