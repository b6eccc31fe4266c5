import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { decodeText } from '../core/import/decode-text.js'
import type { ParseCache } from '../core/parse-cache.js'
import { displayPath, isSlug, protocolPath } from './layout.js'

/** Why a text to compare could not be read; the message is for the user. */
export class UnreadableFile extends Error {}

/**
 * Read one side of a comparison: a file path, a protocol slug
 * (`uttlesford` → `protocols/uttlesford.md`) when no such file exists, or
 * a version (`uttlesford@cwg-2017-04-25`).
 * Text is UTF-8 with or without a BOM; CRLF line ends read as LF.
 *
 * @param parse the command's parsed texts, for a version that is replayed
 * @throws UnreadableFile for a missing file, a directory or binary content
 */
export async function readComparedFile(root: string, argument: string, parse?: ParseCache): Promise<{ path: string; label: string; text: string }> {
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*@[a-z0-9][a-z0-9-]*$/.test(argument) && !(await isFile(resolve(root, argument)))) {
    const [slug = '', label = ''] = argument.split('@')
    // Loaded only for a version: reading one replays the history (motions, YAML), which a plain file never needs.
    const { readVersionText, VersionNotFound } = await import('./history-file.js')
    const text = await readVersionText(root, slug, label, parse).catch((error: unknown) => {
      throw error instanceof VersionNotFound ? new UnreadableFile(error.message) : error
    })
    return { path: protocolPath(root, slug), label: argument, text }
  }
  let path = resolve(root, argument)
  if (!(await isFile(path)) && isSlug(argument) && (await isFile(protocolPath(root, argument)))) path = protocolPath(root, argument)
  const label = displayPath(root, path)
  let bytes: Uint8Array
  try {
    if ((await stat(path)).isDirectory()) throw new UnreadableFile(`${label} is a directory; give a file`)
    bytes = await readFile(path)
  } catch (error) {
    if (error instanceof UnreadableFile) throw error
    throw new UnreadableFile(`cannot read ${label}: no such file`)
  }
  const decoded = decodeText(bytes)
  if ('failure' in decoded) {
    if (decoded.failure === 'binary') {
      throw new UnreadableFile(`${label} is not text (binary, or not UTF-8); compare text or Markdown files, e.g. a .docx saved as plain text`)
    }
    return { path, label, text: new TextDecoder().decode(bytes).replace(/\r\n?/g, '\n') }
  }
  return { path, label, text: decoded.text }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}
