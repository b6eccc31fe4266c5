// A keeling writer for the concurrency tests: runs each command line given (a JSON array of argv
// arrays) in turn, in one process, as a clerk's script would; exit 1 if any command did not exit 0.
import { createRequire } from 'node:module'

const commands = JSON.parse(process.argv[2] ?? '[]')
// The built command line, compiled with the compile cache of the first command's name, as `keeling` would be.
const { main, nodeIo } = createRequire(import.meta.url)('../../dist/start.cjs').loadCli(commands[0]?.[0])
let failed = 0
for (const argv of commands) {
  if ((await main(argv, nodeIo())) !== 0) failed++
}
process.exitCode = failed > 0 ? 1 : 0
