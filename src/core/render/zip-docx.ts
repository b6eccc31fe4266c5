import * as zlib from 'node:zlib'

/**
 * A zip archive of a Word document's parts, each deflated by Node's zlib (level 6, as fflate's default).
 * fflate, in JavaScript, took 0.7 s to deflate the 25 MB document.xml of a 50,000-clause diff; zlib takes
 * about half that and writes a smaller part, and a large part is deflated in pieces on zlib's threads
 * (`deflatePart`). Every entry is dated 1 January 1980 (the first date zip can hold), so that the same
 * parts always give the same bytes.
 *
 * @param parts the parts by their names in the package, in the order they are to be written
 * @returns the zip archive (no Zip64: a Word document's parts are far below 4 GB)
 */
export async function zipDocx(parts: Record<string, Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  let count = 0
  const entries = Object.entries(parts)
  const deflated = await Promise.all(entries.map(([, data]) => deflatePart(data)))
  for (const [index, [name, data]] of entries.entries()) {
    const path = new TextEncoder().encode(name)
    const compressed = deflated[index] ?? new Uint8Array(0)
    const crc = crc32(data)
    const local = new DataView(new ArrayBuffer(30))
    local.setUint32(0, 0x04034b50, true)
    writeEntryFields(local, 4, { crc, compressed: compressed.length, size: data.length, nameLength: path.length })
    const entry = new DataView(new ArrayBuffer(46))
    entry.setUint32(0, 0x02014b50, true)
    entry.setUint16(4, 20, true) // made by: MS-DOS, zip 2.0
    writeEntryFields(entry, 6, { crc, compressed: compressed.length, size: data.length, nameLength: path.length })
    entry.setUint32(42, offset, true)
    chunks.push(new Uint8Array(local.buffer), path, compressed)
    central.push(new Uint8Array(entry.buffer), path)
    offset += 30 + path.length + compressed.length
    count++
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0)
  const end = new DataView(new ArrayBuffer(22))
  end.setUint32(0, 0x06054b50, true)
  end.setUint16(8, count, true)
  end.setUint16(10, count, true)
  end.setUint32(12, centralSize, true)
  end.setUint32(16, offset, true)
  return concatBytes([...chunks, ...central, new Uint8Array(end.buffer)])
}

/** A piece of a part deflated on its own (a mebibyte): zlib's threads deflate the pieces of a large part side by side. */
const PIECE = 1 << 20

/**
 * Raw deflate of a part, level 6. A part over a mebibyte is deflated in pieces side by side, as pigz does: each piece
 * starts from the 32 KiB before it as its dictionary (so it loses next to nothing against one stream) and ends in a
 * sync flush, not a last block, but the last, so that the pieces put together are one deflate stream.
 */
async function deflatePart(data: Uint8Array): Promise<Uint8Array> {
  if (data.length <= PIECE) return zlib.deflateRawSync(data, { level: 6 })
  const pieces: Array<Promise<Uint8Array>> = []
  for (let at = 0; at < data.length; at += PIECE) {
    const last = at + PIECE >= data.length
    const options: zlib.ZlibOptions = { level: 6, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH }
    if (at > 0) options.dictionary = data.subarray(Math.max(0, at - WINDOW), at)
    pieces.push(
      new Promise((resolve, reject) => zlib.deflateRaw(data.subarray(at, Math.min(data.length, at + PIECE)), options, (error, out) => (error ? reject(error) : resolve(out))))
    )
  }
  return concatBytes(await Promise.all(pieces))
}

/** Deflate's window: how far back a piece may refer. */
const WINDOW = 32 * 1024

/** The fields a local header and a central directory entry share, from "version needed" to "extra field length". */
function writeEntryFields(view: DataView, at: number, entry: { crc: number; compressed: number; size: number; nameLength: number }): void {
  view.setUint16(at, 20, true) // version needed: 2.0 (deflate)
  view.setUint16(at + 2, 0, true) // flags
  view.setUint16(at + 4, 8, true) // method: deflate
  view.setUint16(at + 6, 0, true) // time 00:00:00
  view.setUint16(at + 8, (0 << 9) | (1 << 5) | 1, true) // date 1980-01-01
  view.setUint32(at + 10, entry.crc, true)
  view.setUint32(at + 14, entry.compressed, true)
  view.setUint32(at + 18, entry.size, true)
  view.setUint16(at + 22, entry.nameLength, true)
  view.setUint16(at + 24, 0, true) // extra field length
}

/** The bytes of the chunks one after another. */
export function concatBytes(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0))
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}

/** CRC-32 of the bytes: zlib's own where Node has it (20.15 and later), else `crc32InJavaScript`. */
function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32
  return typeof native === 'function' ? native(data) >>> 0 : crc32InJavaScript(data)
}

/**
 * CRC-32 (the zip polynomial) computed byte by byte from a table, for Node before 20.15.
 *
 * @param data the bytes
 * @returns the checksum, unsigned
 */
export function crc32InJavaScript(data: Uint8Array): number {
  let crc = 0xffffffff
  for (let index = 0; index < data.length; index++) crc = (CRC_TABLE[(crc ^ (data[index] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

const CRC_TABLE = Array.from({ length: 256 }, (_, index) => {
  let value = index
  for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1
  return value >>> 0
})
