// A keeling writer for the concurrency tests: runs each command line given (a JSON array of argv
// arrays) in turn, in one process, as a clerk's script would; exit 1 if any command did not exit 0.
import { main, nodeIo } from '../../dist/main.js'

const commands = JSON.parse(process.argv[2] ?? '[]')
let failed = 0
for (const argv of commands) {
  if ((await main(argv, nodeIo())) !== 0) failed++
}
process.exitCode = failed > 0 ? 1 : 0
