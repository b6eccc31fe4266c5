// Writes a synthetic protocol in keeling's format of about the given size,
// deterministic for a given size: sections, numbered clauses, lists, tables
// and cross-references, as the real protocols have.
// Usage: node bench/make-protocol.js BYTES > protocols/big.md
const WORDS = (
  'members officers council shall should may not request information provided unless legal reason ' +
  'committee chairman meeting ward protocol respect confidential commercially sensitive advice ' +
  'the of and to in a for with on by as at be is are that this any which their or from'
).split(' ')

/** A small deterministic pseudo-random generator (mulberry32). */
function random(seed) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function makeProtocol(bytes) {
  const next = random(bytes)
  const sentence = (n) => {
    const words = Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)])
    words[0] = words[0][0].toUpperCase() + words[0].slice(1)
    return `${words.join(' ')}.`
  }
  const parts = ['---\ntitle: Synthetic Constitution\nslug: synthetic\n---\n']
  let size = parts[0].length
  for (let section = 1; size < bytes; section++) {
    parts.push(`## <a id="s${section}"></a>${section}. ${sentence(3).slice(0, -1)}`)
    for (let clause = 1; clause <= 20 && size < bytes; clause++) {
      let text = `<a id="c${section}-${clause}"></a>${section}.${clause} ${sentence(12 + Math.floor(next() * 40))}`
      const shape = next()
      if (shape < 0.15) text += `\n\n- ${sentence(8)}\n- ${sentence(10)}\n- ${sentence(6)}`
      else if (shape < 0.2) text += `\n\na. ${sentence(9)}\n\nb. ${sentence(11)}`
      else if (shape < 0.22) text += `\n\n| To be | Not to be |\n| --- | --- |\n| Positive | Unhelpful |`
      else if (shape < 0.3 && clause > 1) text += ` See [${section}.1](#c${section}-1).`
      parts.push(text)
      size += text.length + 2
    }
  }
  return `${parts.join('\n\n')}\n`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(makeProtocol(Number(process.argv[2] ?? 1e6)))
}
